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

  @Test func everyExportedInferenceCircuitSimulatesToTheInProcessProbabilities() throws {
    // A variational, a re-uploading and a hybrid classifier, trained on the simulator at export.
    let spec = """
      claim: hw-trained
      title: trained models inferred on a device
      dataset: {generator: adhoc, params: {features: 2, gap: 0.3}, samples: 12, test_fraction: 0.3}
      quantum:
        - {id: vqc, kind: variational, encoding: {map: angle}, ansatz: {type: hardware_efficient, layers: 2}, training: {iterations: 4}}
        - {id: reup, kind: reuploading, encoding: {map: angle}, qubits: 2, layers: 2, entangler: cx, training: {iterations: 4}}
        - {id: dressed, kind: hybrid, encoding: {map: angle}, qubits: 3, ansatz: {type: efficient_su2, layers: 1}, training: {iterations: 4}}
      baselines: [{model: knn, grid: {k: [1, 3]}}]
      backends:
        - {id: ideal, simulator: statevector, shots: exact}
        - {id: heron, hardware: ibm-heron-r2, shots: 1024}
      seeds: [1, 2]
      criteria: {lift: {min: 0.0, on: [ideal]}, cost: {max_qubits: 8, max_runtime_seconds: 600}}
      expect: supported
      """
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("specs"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: Self.root.appendingPathComponent("specs/devices"), to: dir.appendingPathComponent("specs/devices"))
    try spec.write(to: dir.appendingPathComponent("specs/x.yaml"), atomically: true, encoding: .utf8)

    let (status, stdout, stderr) = try Self.run(["export-qasm", "specs/x.yaml"], cwd: dir)
    #expect(status == 0, "\(stderr)")
    // 12 samples, test fraction 0.3: 4 test rows per seed, 2 seeds, 3 models.
    #expect(stdout.contains("wrote 24 circuit file(s) for backend heron"), "\(stdout)")

    let set = SpecSet.resolve(paths: ["specs/x.yaml"], base: dir)
    let claim = try #require(set.claims.first)
    let inProcess = try HardwareCircuits(claim: claim)
    #expect(inProcess.inference.count == 24 && inProcess.circuits.isEmpty)
    for c in inProcess.inference {
      let file = dir.appendingPathComponent("specs/hardware/hw-trained/circuits/\(c.model)/seed-\(c.seed)/\(c.id).qasm")
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
    // The in-process circuits are the trained models' circuits: their readouts give the outputs
    // the trained model simulates (hybrid: ⟨Z_q⟩ per qubit through the output layer).
    let t = try #require(inProcess.trainedModel("dressed", seed: 1))
    let rows = inProcess.inference.filter { $0.model == "dressed" && $0.seed == 1 }
    let simulated = try t.simulatedOutputs(rows.map(\.x))
    for (row, c) in rows.enumerated() {
      var state = try StateVector(qubits: 3)
      state.apply(try CompiledCircuit(c.circuit))
      let p = state.probabilities
      let z = (0..<3).map { q in p.indices.reduce(0.0) { $0 + (($1 >> q) & 1 == 0 ? p[$1] : -p[$1]) } }
      let expected = try t.outputs(fromExpectations: [z])[0]
      for (a, b) in zip(expected, simulated[row]) { #expect(abs(a - b) < 1e-10, "\(c.id)") }
    }
  }

  @Test func theExportedSampleCircuitOfABornMachineSimulatesToItsTrainedDistribution() throws {
    // The shipped Born machine claim with a hardware backend, fewer steps and seeds.
    let shipped = try String(contentsOf: Self.root.appendingPathComponent("specs/qcbm-bars-and-stripes.yaml"), encoding: .utf8)
    let spec = shipped.replacingOccurrences(of: "iterations: 200", with: "iterations: 6")
      .replacingOccurrences(of: "seeds: [1, 2, 3, 4, 5]", with: "seeds: [1, 2]")
      .replacingOccurrences(
        of: "  - {id: ideal, simulator: statevector, shots: exact}",
        with: "  - {id: ideal, simulator: statevector, shots: exact}\n  - {id: heron, hardware: ibm-heron-r2, shots: 2000}")
      .replacingOccurrences(of: "\r", with: "")
    #expect(spec.contains("hardware: ibm-heron-r2") && spec.contains("iterations: 6"))
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("specs"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: Self.root.appendingPathComponent("specs/devices"), to: dir.appendingPathComponent("specs/devices"))
    try spec.write(to: dir.appendingPathComponent("specs/x.yaml"), atomically: true, encoding: .utf8)

    let (status, stdout, stderr) = try Self.run(["export-qasm", "specs/x.yaml"], cwd: dir)
    #expect(status == 0, "\(stderr)")
    #expect(stdout.contains("wrote 2 circuit file(s) for backend heron (2000 shots each)"), "\(stdout)")
    let set = SpecSet.resolve(paths: ["specs/x.yaml"], base: dir)
    let claim = try #require(set.claims.first)
    let inProcess = try HardwareCircuits(claim: claim)
    #expect(inProcess.samples.count == 2 && inProcess.circuits.isEmpty && inProcess.inference.isEmpty)
    for c in inProcess.samples {
      let file = dir.appendingPathComponent("specs/hardware/qcbm-bars-and-stripes/circuits/qcbm/seed-\(c.seed)/\(c.id).qasm")
      let (s, out, err) = try Self.run(["simulate", file.path, "--format", "json"], cwd: dir)
      #expect(s == 0, "\(c.id): \(err)")
      let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
      let simulated = try #require(json["probabilities"] as? [Double])
      // The trained machine's distribution on the training backend (index = outcome, qubit q = bit q).
      #expect(simulated.count == 16 && c.probabilities.count == 16)
      let worst = zip(simulated, c.probabilities).map { abs($0 - $1) }.max() ?? 1
      #expect(worst < 1e-12, "\(c.id): \(simulated) vs \(c.probabilities)")
    }
  }
}
