import ClaimRunner
import ClaimSpec
import Foundation
import TestSupport
import Testing

/// The hybrid and re-uploading kinds end to end: every backend kind, the identity control,
/// costs, and export-qasm's treatment (trained on the simulator, inference circuits exported).
@Suite struct HybridRunTests {
  static let spec = """
    claim: tiny-hybrid
    title: tiny hybrid and re-uploading models
    dataset: {generator: circle, samples: 30, preprocess: [standardize]}
    quantum:
      - id: dressed
        kind: hybrid
        encoding: angle
        qubits: 2
        ansatz: {type: hardware_efficient, layers: 1}
        training: {learning_rate: 0.1, iterations: 3}
      - id: reup
        kind: reuploading
        encoding: angle
        qubits: 2
        layers: 2
        training: {learning_rate: 0.1, iterations: 3}
    baselines: [{model: knn, grid: {k: [3]}}]
    backends:
      - {id: ideal, simulator: statevector, shots: exact}
      - {id: shots, simulator: statevector, shots: 64}
      - {id: noisy, simulator: density_matrix, noise: {depolarizing: 0.01, readout: 0.02}, shots: 32}
      - {id: heron, device: ibm-heron-r2, shots: 32}
    seeds: [1, 2, 3]
    criteria: {lift: {min: -1, over: dressed-identity, on: [ideal]}, cost: {max_runtime_seconds: 600}}
    expect: supported
    """

  @Test func bothKindsRunOnEveryBackendWithTheirControlAndCosts() throws {
    let dir = try SpecFixtures.project()
    let claim = try SpecFixtures.claim(Self.spec, name: "tiny-hybrid", in: dir)
    let devices = DeviceProfileCatalog(folder: Repository.devices).profiles
    let options = SuiteOptions(out: dir.appendingPathComponent("reports"), jobs: 1, progress: false)
    let r = try #require(SuiteRunner(options: options).run([claim], devices: devices).first)
    #expect(r.models.map(\.id) == ["dressed", "dressed-identity", "reup"])
    #expect(r.models.map(\.kind) == ["hybrid", "hybrid", "reuploading"])
    #expect(r.models.map(\.controlOf) == [nil, "dressed", nil])
    for m in r.models {
      #expect(m.backends.map(\.backend) == ["ideal", "shots", "noisy", "heron"])
      for b in m.backends { #expect(b.failedSeeds.isEmpty && b.test.count == 3, "\(m.id) on \(b.backend): \(r.warnings)") }
    }
    // The control runs no circuit: the same scores on every backend, and no cost record.
    let control = try #require(r.models.first { $0.id == "dressed-identity" })
    #expect(Set(control.backends.map(\.test)).count == 1)
    #expect(!r.costs.contains { $0.model == "dressed-identity" })
    // The lift is paired against the control on the same seeds.
    let dressed = try #require(r.models.first { $0.id == "dressed" }?.backends.first?.test)
    #expect(r.lifts.first?.perSeed == zip(dressed, control.backends[0].test).map { $0 - $1 })
    for id in ["dressed", "reup"] {
      let ideal = try #require(r.costs.first { $0.model == id && $0.backend == "ideal" })
      let shots = try #require(r.costs.first { $0.model == id && $0.backend == "shots" })
      let heron = try #require(r.costs.first { $0.model == id && $0.backend == "heron" })
      #expect(ideal.qubits == 2 && ideal.executions > 0 && ideal.shots == 0)
      // Parameter shift on the shot backend runs more circuits than adjoint on the ideal one, each with 64 shots.
      #expect(shots.executions > ideal.executions && shots.shots == shots.executions * 64)
      #expect(heron.nativeDepth != nil && heron.nativeTwoQubitGates != nil)
    }
    #expect(r.curves.contains { $0.model == "dressed" } && r.curves.contains { $0.model == "reup" })
  }

  @Test func exportTrainsThemOnTheSimulatorAndWritesTheirInferenceCircuits() throws {
    let dir = try SpecFixtures.project()
    let claim = try SpecFixtures.claim(Self.spec, name: "tiny-hybrid", in: dir)
    let h = try HardwareCircuits(claim: claim)
    #expect(h.circuits.isEmpty && h.skipped.isEmpty)
    // The identity control runs no circuit and is never listed.
    #expect(h.trainedModels == ["dressed", "reup"])
    let tests = claim.seeds.map { h.sizes[$0]!.test }.reduce(0, +)
    #expect(h.inference.count == 2 * tests)
    #expect(h.trained.allSatisfy { $0.trainedOn == "ideal" })
  }
}
