import ClaimRunner
import ClaimSpec
import Foundation
import QuantumSim
import Testing

/// `qlift export-qasm` then `qlift simulate` on every exported file gives the probabilities of
/// the circuit the runner builds in process: the OpenQASM 3 export reads back with qlift itself.
@Suite struct HardwareExportSimulateTests {
  /// The repository root.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The built qlift binary beside the test bundle.
  static func qlift() throws -> URL {
    let candidates = [Bundle.module.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
                      Bundle.main.bundleURL.deletingLastPathComponent()].map { $0.appendingPathComponent("qlift") }
    return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
  }

  /// Runs qlift in `cwd` and returns (status, stdout, stderr).
  static func run(_ args: [String], cwd: URL) throws -> (Int32, String, String) {
    let p = Process()
    p.executableURL = try qlift()
    p.arguments = args
    p.currentDirectoryURL = cwd
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
  }

  @Test func everyExportedCircuitSimulatesToTheInProcessProbabilities() throws {
    // The shipped ad hoc ZZ claim with its device backend run as hardware, on fewer samples and seeds.
    let shipped = try String(contentsOf: Self.root.appendingPathComponent("specs/adhoc-zz-kernel.yaml"), encoding: .utf8)
    var spec = shipped.replacingOccurrences(of: "samples: 120", with: "samples: 12")
      .replacingOccurrences(of: "seeds: [1, 2, 3, 4, 5]", with: "seeds: [1, 2, 3]")
      .replacingOccurrences(of: "{id: heron, device: ibm-heron-r2, shots: 1024}", with: "{id: heron, hardware: ibm-heron-r2, shots: 1024}")
    #expect(spec != shipped && spec.contains("hardware: ibm-heron-r2") && spec.contains("samples: 12"))
    spec = spec.replacingOccurrences(of: "\r", with: "")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("specs"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: Self.root.appendingPathComponent("specs/devices"), to: dir.appendingPathComponent("specs/devices"))
    try spec.write(to: dir.appendingPathComponent("specs/x.yaml"), atomically: true, encoding: .utf8)

    let (status, stdout, stderr) = try Self.run(["export-qasm", "specs/x.yaml"], cwd: dir)
    #expect(status == 0, "\(stderr)")
    // 12 samples, test fraction 0.3: 8 train (28 pairs) and 4 test rows (32 entries), 3 seeds.
    #expect(stdout.contains("wrote 180 circuit file(s) for backend heron (1024 shots each) to specs/hardware/adhoc-zz-kernel/circuits/"), "\(stdout)")

    let set = SpecSet.resolve(paths: ["specs/x.yaml"], base: dir)
    let claim = try #require(set.claims.first)
    let inProcess = try HardwareCircuits(claim: claim)
    #expect(inProcess.circuits.count == 180)
    let folder = dir.appendingPathComponent("specs/hardware/adhoc-zz-kernel/circuits/zz-kernel")
    for c in inProcess.circuits {
      let file = folder.appendingPathComponent("seed-\(c.seed)/\(c.id).qasm")
      let (s, out, err) = try Self.run(["simulate", file.path, "--format", "json"], cwd: dir)
      #expect(s == 0, "\(c.id): \(err)")
      let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
      let simulated = try #require(json["probabilities"] as? [Double])
      var state = try StateVector(qubits: c.circuit.qubitCount)
      state.apply(try CompiledCircuit(c.circuit))
      #expect(simulated.count == state.probabilities.count)
      let worst = zip(simulated, state.probabilities).map { abs($0 - $1) }.max() ?? 1
      #expect(worst < 1e-12, "\(c.id): \(simulated) vs \(state.probabilities)")
    }
  }
}
