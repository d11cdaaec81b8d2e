import Foundation

// qlift-bench: prints benchmark figures as Markdown tables for docs/BENCHMARKS.md.
// Usage: qlift-bench [NAME ...]   (no names: run every benchmark; `--list` prints the names)
//        qlift-bench --layered-qasm N   (the B1 circuit on N qubits as OpenQASM 2)
// To add a benchmark: write `enum MyBenchmark { static func run() }` in its own file here and
// add one line to `benchmarks` below.

/// A named benchmark the dispatcher can run.
struct Benchmark {
  let name: String
  let summary: String
  let run: () -> Void
}

let benchmarks: [Benchmark] = [
  Benchmark(name: "statevector", summary: "B1: layered ry/rz/cx circuit, n = 10, 16, 20, 22", run: StatevectorBenchmark.run),
  Benchmark(name: "statevector-kernels", summary: "one gate at n = 20 by kernel and target qubit, 1 thread", run: StatevectorBenchmark.runKernels),
  Benchmark(name: "quantum", summary: "B2/B3: ZZ kernel Gram matrices and variational training", run: runQuantumBenchmarks),
  Benchmark(name: "quantum-wide", summary: "issue 20: ZZ kernel Gram matrices at d = 12-16, system BLAS against portable loops", run: WideKernelBenchmark.run),
  Benchmark(name: "classical", summary: "B4: classical baselines next to scikit-learn", run: ClassicalBenchmark.run),
  Benchmark(name: "eigen", summary: "symmetric eigendecomposition of RBF Gram matrices, N = 150 and 400", run: EigenBenchmark.run),
]

let requested = Array(CommandLine.arguments.dropFirst())
// `--layered-qasm N`: print the B1 circuit on N qubits as OpenQASM 2 (for `qlift simulate`).
if requested.first == "--layered-qasm", requested.count == 2, let n = Int(requested[1]), n >= 2 {
  let (circuit, values) = StatevectorBenchmark.layered(n)
  let bindings = Dictionary(uniqueKeysWithValues: zip(circuit.symbols, values))
  print(try! circuit.qasm2(binding: bindings), terminator: "")
  exit(0)
}
if requested.contains("--list") {
  for b in benchmarks { print("\(b.name)\t\(b.summary)") }
  exit(0)
}
let unknown = requested.filter { name in !benchmarks.contains { $0.name == name } }
if !unknown.isEmpty {
  FileHandle.standardError.write(Data("qlift-bench: unknown benchmark(s) \(unknown); known: \(benchmarks.map(\.name))\n".utf8))
  exit(2)
}
for b in benchmarks where requested.isEmpty || requested.contains(b.name) {
  print("## \(b.name): \(b.summary)\n")
  b.run()
  print("")
  fflush(nil)
}
