import ClaimRunner
import ClaimSpec
import Foundation
import QMLKit
import QuantumSim
import Testing
import TestSupport

/// Regression claims end to end (issue 19): every quantum model kind on every backend kind, the
/// lift direction per metric, the predictions the report draws, and the hardware round trip.
@Suite struct RegressionClaimTests {
  /// 30 rows: y = 3 sin(3 x0) + 2 x1 + small noise, x in [0, 1]^2 (seeded).
  static func csv() -> String {
    var rng = SplitMix64(state: 19)
    func unit() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
    var lines = ["x0,x1,y"]
    for _ in 0..<30 {
      let a = unit(), b = unit()
      let y = 3 * sin(3 * a) + 2 * b + 0.1 * (unit() - 0.5)
      lines.append("\(a),\(b),\(y)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func spec(id: String, metric: String = "rmse", models: String, backends: String, minLift: Double = 0) -> String {
    """
    claim: \(id)
    title: regression test claim
    task: regression
    dataset: {csv: data/reg.csv, target: y, test_fraction: 0.3, preprocess: [{scale: [0, pi]}]}
    quantum:
    \(models)
    baselines:
      - {model: ridge, grid: {alpha: [0.1, 1]}}
      - {model: knn, grid: {k: [1, 3]}}
    backends:
    \(backends)
    seeds: [1, 2, 3]
    criteria: {metric: \(metric), lift: {min: \(minLift)}, cost: {max_qubits: 4, max_runtime_seconds: 600}}
    expect: inconclusive
    """
  }

  /// A project with the data, the ideal device profile and the spec.
  static func project(_ yaml: String, name: String) throws -> (dir: URL, claim: Claim) {
    let dir = try SpecFixtures.project()
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("specs/data"), withIntermediateDirectories: true)
    try csv().write(to: dir.appendingPathComponent("specs/data/reg.csv"), atomically: true, encoding: .utf8)
    let devices = dir.appendingPathComponent("specs/devices")
    try FileManager.default.createDirectory(at: devices, withIntermediateDirectories: true)
    try Repository.idealProfile().write(to: devices.appendingPathComponent("ideal.yaml"), atomically: true, encoding: .utf8)
    return (dir, try SpecFixtures.claim(yaml, name: name, in: dir))
  }

  static func run(_ claim: Claim, in dir: URL) throws -> ClaimResult {
    let options = SuiteOptions(out: dir.appendingPathComponent("reports"), jobs: 1, fresh: true, progress: false)
    return try #require(SuiteRunner(options: options).run([claim], devices: HardwareFixtures.devices(dir)).first)
  }

  @Test func everyModelKindRunsOnEveryBackendKind() throws {
    let models = """
        - {id: qkrr, kind: kernel, encoding: {map: zz, reps: 1}, ridge: {alpha: [0.01, 0.1]}}
        - {id: pkrr, kind: projected_kernel, encoding: {map: angle}, gamma: 0.5, ridge: {alpha: 0.1}}
        - id: vqr
          kind: variational
          encoding: {map: angle}
          ansatz: {type: hardware_efficient, layers: 1}
          training: {optimizer: adam, learning_rate: 0.1, iterations: 4, tolerance: 0}
      """
    let backends = """
        - {id: ideal, simulator: statevector, shots: exact}
        - {id: shots, simulator: statevector, shots: 256}
        - {id: noisy, simulator: density_matrix, noise: {depolarizing: 0.01, readout: 0.02}, shots: exact}
        - {id: device, device: ideal, shots: 128}
      """
    let (dir, claim) = try Self.project(Self.spec(id: "reg-all", models: models, backends: backends), name: "reg-all")
    #expect(claim.task == .regression && claim.criteria.metric == .rmse)
    let r = try Self.run(claim, in: dir)
    #expect(r.task == "regression" && r.metric == "rmse" && r.inputError == nil, "\(r.reasons)")
    for m in r.models {
      for b in m.backends {
        #expect(b.test.count == 3 && b.failedSeeds.isEmpty, "\(m.id) on \(b.backend): \(r.warnings)")
        #expect(b.test.allSatisfy { $0.isFinite && $0 > 0 && $0 < 10 }, "\(m.id) on \(b.backend): \(b.test)")
      }
    }
    // A stopping rule turned off is described as such.
    let vqr = try #require(r.models.first { $0.id == "vqr" })
    #expect(vqr.description.contains("4 iterations (no early stop)") && !vqr.description.contains("less than 0 in"))
    // The chosen kernel ridge penalty is reported under its own name.
    let qk = try #require(r.models.first { $0.id == "qkrr" }?.backends.first { $0.backend == "ideal" })
    #expect(qk.chosen?.allSatisfy { ["0.01", "0.1"].contains($0["alpha"] ?? "") } == true)
    // Costs: every backend executed circuits; shots only where sampled.
    let shots = try #require(r.costs.first { $0.model == "qkrr" && $0.backend == "shots" })
    #expect(shots.shots > 0 && shots.executions > 0)
    // Predictions of the first seed: y_true of the 9 test rows, the lift model on each backend, the best baseline.
    let p = try #require(r.predictions)
    #expect(p.seed == 1 && p.yTrue.count == 9)
    #expect(p.series.map(\.backend) == ["ideal", "shots", "noisy", "device", nil])
    #expect(p.series.allSatisfy { $0.yPred.count == 9 })
    #expect(p.series.last?.role == "baseline" && p.series.last?.model == r.bestBaselinePerSeed?.first)
    // The ideal series reproduces the reported RMSE of seed 1.
    let ideal = try #require(r.models.first { $0.id == "qkrr" }?.backends.first { $0.backend == "ideal" }?.test.first)
    #expect(abs(rootMeanSquaredError(targets: p.yTrue, predictions: p.series[0].yPred) - ideal) < 1e-12)
  }

  @Test("lift is baseline minus quantum for rmse and mae, quantum minus baseline for r2", arguments: ["rmse", "mae", "r2"])
  func liftDirection(metric: String) throws {
    let models = "    - {id: qkrr, kind: kernel, encoding: {map: zz, reps: 1}, ridge: {alpha: 0.1}}"
    let backends = "    - {id: ideal, simulator: statevector, shots: exact}"
    let (dir, claim) = try Self.project(Self.spec(id: "reg-\(metric)", metric: metric, models: models, backends: backends), name: "reg-\(metric)")
    let r = try Self.run(claim, in: dir)
    let lift = try #require(r.lifts.first)
    let q = try #require(r.models.first?.backends.first?.test)
    let ref = try #require(lift.referenceScores)
    let sign: Double = metric == "r2" ? 1 : -1
    for i in q.indices { #expect(abs(lift.perSeed[i] - sign * (q[i] - ref[i])) < 1e-12) }
    // Error metrics are non-negative; the reference is the CV-chosen baseline's test score.
    if metric != "r2" { #expect(q.allSatisfy { $0 >= 0 }) }
    #expect(lift.summary.clipped == nil)
  }

  @Test func importedHardwareKernelsFeedKernelRidgeLikeTheSimulator() throws {
    let models = "    - {id: qkrr, kind: kernel, encoding: {map: zz, reps: 1}, ridge: {alpha: [0.01, 0.1, 1]}}"
    let backends = """
        - {id: ideal, simulator: statevector, shots: exact}
        - {id: hw, hardware: ideal, shots: 4096}
      """
    let (dir, claim) = try Self.project(Self.spec(id: "reg-hw", models: models, backends: backends), name: "reg-hw")
    let folder = dir.appendingPathComponent("hardware-export")
    let manifest = try HardwareExporter.export(claim, backend: try HardwareExporter.hardwareBackend(claim, id: nil), to: folder)
    let circuits = try HardwareFixtures.readCircuits(manifest, in: folder)
    var counts: [String: [String: Int]] = [:]
    for e in manifest.circuits {
      let p = try HardwareFixtures.probabilities(try #require(circuits[e.id]), noise: nil)
      var c: [String: Int] = [:]
      for (i, x) in p.enumerated() { c[HardwareFixtures.bits(i, width: e.qubits)] = Int((x * 1e9).rounded()) }
      counts[e.id] = c
    }
    let file = CountsFile(claim: manifest.claim, specHash: manifest.specHash, backend: manifest.backend, counts: counts)
    let k = try HardwareImporter.kernels(claim: claim, counts: file, shown: "counts.json")
    _ = try HardwareKernelStore.save(k, claim: claim)
    let r = try Self.run(claim, in: dir)
    let scores = try #require(r.models.first?.backends)
    let ideal = try #require(scores.first { $0.backend == "ideal" })
    let hw = try #require(scores.first { $0.backend == "hw" })
    #expect(ideal.test.count == 3 && hw.test.count == 3)
    for (a, b) in zip(ideal.test, hw.test) { #expect(abs(a - b) < 1e-6, "\(ideal.test) vs \(hw.test)") }
    #expect(hw.chosen == ideal.chosen)
    #expect(k.scores.map(\.test).enumerated().allSatisfy { abs($0.element - hw.test[$0.offset]) < 1e-12 })
  }
  @Test func aVariationalRegressorTrainedOnTheSimulatorScoresFromInferenceCounts() throws {
    let models = """
        - id: vqr
          kind: variational
          encoding: {map: angle}
          ansatz: {type: hardware_efficient, layers: 1}
          readout: {observable: parity}
          training: {optimizer: adam, learning_rate: [0.05, 0.2], iterations: 5}
      """
    let backends = """
        - {id: ideal, simulator: statevector, shots: exact}
        - {id: hw, hardware: ideal, shots: 4096}
      """
    let (dir, claim) = try Self.project(Self.spec(id: "reg-vqr-hw", models: models, backends: backends), name: "reg-vqr-hw")
    let (manifest, circuits) = try HardwareFixtures.export(claim, in: dir)
    // 30 rows, test fraction 0.3: 9 test rows per seed, 3 seeds; trained on the exact simulator.
    #expect(manifest.circuits.count == 27 && manifest.circuits.allSatisfy { $0.kind == "infer" && $0.trainedOn == "ideal" })
    #expect(manifest.circuits.first?.readout == "parity(0,1)")
    let k = try HardwareImporter.kernels(claim: claim, counts: HardwareFixtures.exactCounts(manifest, circuits), shown: "counts.json")
    let seed1 = try #require(k.inferred(model: "vqr", seed: 1))
    #expect(seed1.outputs.columns == 1 && seed1.outputs.rows == 9 && k.scores.allSatisfy { $0.chosenC == nil })
    _ = try HardwareKernelStore.save(k, claim: claim)
    let r = try Self.run(claim, in: dir)
    let scores = try #require(r.models.first?.backends)
    let ideal = try #require(scores.first { $0.backend == "ideal" })
    let hw = try #require(scores.first { $0.backend == "hw" })
    #expect(ideal.test.count == 3 && hw.test.count == 3 && hw.failedSeeds.isEmpty)
    // Counts are the exact distribution times 10^9, rounded: the RMSEs agree to rounding.
    for (a, b) in zip(ideal.test, hw.test) { #expect(abs(a - b) < 1e-6, "\(ideal.test) vs \(hw.test)") }
    #expect(hw.chosen?.allSatisfy { $0["trained_on"] == "ideal (simulator)" } == true)
    // The predicted-against-true series of the hardware backend are the ideal backend's.
    let series = try #require(r.predictions?.series)
    let p = try #require(series.first { $0.backend == "hw" }?.yPred), q = try #require(series.first { $0.backend == "ideal" }?.yPred)
    for (a, b) in zip(p, q) { #expect(abs(a - b) < 1e-6) }
  }
}
