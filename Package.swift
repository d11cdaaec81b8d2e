// swift-tools-version:6.0
import PackageDescription

// Release builds on x86-64 hosts target Haswell-class CPUs (AVX2, FMA: x86 server CPUs since 2015) so
// the simulator kernels vectorise; QLIFT_TARGET_CPU names another LLVM CPU (the Makefile passes
// skylake-avx512 on machines with AVX-512), and QLIFT_PORTABLE=1 builds a baseline x86-64 binary.
#if arch(x86_64)
let vectorFlags: [String] =
  Context.environment["QLIFT_PORTABLE"] == nil
  ? ["-target-cpu", Context.environment["QLIFT_TARGET_CPU"].flatMap { $0.isEmpty ? nil : $0 } ?? "haswell"] : []
#else
let vectorFlags: [String] = []
#endif
let fastMath: [SwiftSetting] = [.unsafeFlags(["-Ounchecked"] + vectorFlags, .when(configuration: .release))]

let package = Package(
  name: "qlift",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "qlift", targets: ["qlift"]),
    .library(name: "QuantumSim", targets: ["QuantumSim"]),
    .library(name: "QMLKit", targets: ["QMLKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
  ],
  targets: [
    // MARK: Public modules
    // Quantum circuits, statevector and density-matrix simulation, noise, QASM. Knows nothing of ML.
    .target(
      name: "QuantumSim",
      dependencies: [.product(name: "Numerics", package: "swift-numerics")],
      swiftSettings: fastMath
    ),
    // Datasets, preprocessing, encodings, quantum kernels, SVM, variational models, baselines, metrics.
    .target(
      name: "QMLKit",
      dependencies: [
        "QuantumSim",
        .product(name: "Numerics", package: "swift-numerics"),
        .product(name: "SwiftCSV", package: "SwiftCSV"),
      ],
      swiftSettings: fastMath
    ),
    // The spec format (YAML in) and the results format (JSON out): typed values, validation, schema.
    .target(name: "ClaimSpec", dependencies: [.product(name: "Yams", package: "Yams")]),
    // Runs claims: splits, baselines, quantum models, verdicts, snapshots, JUnit.
    .target(
      name: "ClaimRunner",
      dependencies: ["ClaimSpec", "QMLKit", "QuantumSim", "CLibCrypto"]
    ),
    // Static HTML/SVG report pages through libxml2.
    .target(name: "ReportKit", dependencies: ["CLibXML2", "ClaimSpec"]),
    .executableTarget(
      name: "qlift",
      dependencies: [
        "QuantumSim", "QMLKit", "ClaimSpec", "ClaimRunner", "ReportKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Benchmarks (`make bench`): a release executable that prints figures for docs/BENCHMARKS.md.
    .executableTarget(
      name: "qlift-bench",
      dependencies: ["QuantumSim", "QMLKit"],
      path: "bench",
      exclude: ["specs", "pair_b1.py", "pair_b2.py", "alternate_simulate.py"],
      swiftSettings: fastMath
    ),
    // MARK: System libraries
    .systemLibrary(
      name: "CLibXML2", pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // SHA-256 for cache keys and results checksums, from the system's OpenSSL libcrypto.
    .systemLibrary(
      name: "CLibCrypto", pkgConfig: "libcrypto",
      providers: [.apt(["libssl-dev"])]
    ),
    // MARK: Tests
    // What every test target shares: one seeded generator, one fixture loader, the checkout's files.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "QuantumSimTests", dependencies: ["QuantumSim", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "QMLKitTests", dependencies: ["QMLKit", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "ClaimSpecTests", dependencies: ["ClaimSpec", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "ClaimRunnerTests", dependencies: ["ClaimRunner", "TestSupport"], exclude: ["Fuzz"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "ReportKitTests", dependencies: ["ReportKit", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "qliftTests", dependencies: ["qlift", "TestSupport"], resources: [.copy("Fixtures")]),
  ],
  swiftLanguageModes: [.v6]
)
