import ClaimRunner
import ClaimSpec
import Foundation
import QMLKit
import QuantumSim
import Testing

/// Born machines on a `hardware:` backend ("train on the simulator, sample on the device"):
/// export-qasm trains each Born machine on the claim's exact simulator and writes one circuit per
/// seed with the trained angles bound; its counts are the device's samples, scored against the
/// exact target by the claim metric like any sampled distribution.
@Suite struct HardwareBornMachineTests {
  static let spec = """
    claim: hw-born
    title: a Born machine sampled on hardware
    task: generative
    hypothesis: the trained Born machine's samples score as its exact distribution
    dataset:
      target: {kind: bars_and_stripes, rows: 2, cols: 2}
      train_samples: 200
    quantum:
      - {id: qcbm, kind: born_machine, depth: [1, 2], pairs: line, training: {iterations: 8, learning_rate: 0.1}}
    baselines:
      - {model: bernoulli}
      - {model: bernoulli_mixture, grid: {components: [1, 2]}}
    backends:
      - {id: ideal, simulator: statevector, shots: exact}
      - {id: hw, hardware: ideal, shots: 1000}
    seeds: [1, 2]
    criteria: {metric: kl, lift: {min: 0, on: [ideal]}, cost: {max_qubits: 4, max_runtime_seconds: 600}}
    expect: refuted
    """

  static func project() throws -> (dir: URL, claim: Claim) {
    try HardwareFixtures.project(spec, name: "hw-born")
  }

  @Test func theManifestListsOneSampleCircuitPerSeedTrainedOnTheSimulator() throws {
    let (dir, claim) = try Self.project()
    let (m, circuits) = try HardwareFixtures.export(claim, in: dir)
    #expect(m.circuits.count == 2 && m.skipped.isEmpty && m.sizes == ["1": [200, 0], "2": [200, 0]])
    let first = try #require(m.circuits.first)
    #expect(first.id == "qcbm.s1.sample" && first.kind == "sample" && first.qubits == 4 && first.shots == 1000)
    #expect(first.file == "circuits/qcbm/seed-1/qcbm.s1.sample.qasm" && first.trainedOn == "ideal" && first.readout == "samples")
    let training = try #require(m.training)
    #expect(training.count == 2)
    #expect(training.allSatisfy { $0.kind == "born_machine" && $0.trainedOn == "ideal" && $0.iterations == 8 && $0.finalLoss.isFinite })
    #expect(training.allSatisfy { [1, 2].contains($0.depth ?? 0) })
    for e in m.circuits {
      let c = try #require(circuits[e.id])
      #expect(c.symbols.isEmpty && c.measurements.count == 4, "\(e.id)")
    }
    let text = try String(contentsOf: dir.appendingPathComponent("hardware-export/manifest.json"), encoding: .utf8)
    #expect(text.contains("\"kind\" : \"sample\"") && text.contains("\"depth\" : "))
  }

  @Test func theTrainedCircuitIsTheRunnersBornMachine() throws {
    // The exported circuit's exact distribution is the one the ideal backend scores.
    let (_, claim) = try Self.project()
    let plan = try HardwareCircuits(claim: claim)
    #expect(plan.samples.count == 2 && plan.trainedModels == ["qcbm"] && plan.ids == ["qcbm.s1.sample", "qcbm.s2.sample"])
    for s in plan.samples {
      var state = try StateVector(qubits: 4)
      state.apply(try CompiledCircuit(s.circuit))
      let worst = zip(state.probabilities, s.probabilities).map { abs($0 - $1) }.max() ?? 1
      #expect(worst < 1e-12, "\(s.id)")
    }
  }

  @Test func exactCountsGiveTheIdealBackendsMetric() throws {
    let (dir, claim) = try Self.project()
    let (m, circuits) = try HardwareFixtures.export(claim, in: dir)
    // 1e11 shots: each probability is rounded to 1e-11, so the KL moves by far less than 1e-6.
    let counts = try HardwareFixtures.exactCounts(m, circuits, scale: 1e11)
    let k = try HardwareImporter.kernels(claim: claim, counts: counts, shown: "counts.json", manifest: (m, shown: "manifest.json"))
    #expect(k.entries.isEmpty && k.inferred == nil && k.sampled?.count == 2)
    let s1 = try #require(k.sampled(model: "qcbm", seed: 1))
    #expect(s1.trainedOn == "ideal" && s1.executions == 1 && s1.counts.count == 16 && abs(Double(s1.shots) - 1e11) < 100)
    _ = try HardwareKernelStore.save(k, claim: claim)
    let options = SuiteOptions(out: dir.appendingPathComponent("reports"), jobs: 1, fresh: true, progress: false)
    let r = try #require(SuiteRunner(options: options).run([claim], devices: HardwareFixtures.devices(dir)).first)
    let scores = try #require(r.models.first { $0.id == "qcbm" }?.backends)
    let ideal = try #require(scores.first { $0.backend == "ideal" })
    let hw = try #require(scores.first { $0.backend == "hw" })
    #expect(ideal.test.count == 2 && hw.test.count == 2 && hw.failedSeeds.isEmpty)
    for (a, b) in zip(ideal.test, hw.test) { #expect(abs(a - b) < 1e-6, "\(hw.test) vs \(ideal.test)") }
    for (a, b) in zip(k.scores.map(\.test), hw.test) { #expect(a == b) }
    #expect(hw.chosen?.map { $0["trained_on"] } == ["ideal (simulator)", "ideal (simulator)"])
    #expect(hw.chosen?.map { $0["depth"] } == ideal.chosen?.map { $0["depth"] })
    // Lifts on hw as on ideal (the same baselines), to the same tolerance.
    let li = try #require(r.lifts.first { $0.backend == "ideal" }), lh = try #require(r.lifts.first { $0.backend == "hw" })
    #expect(lh.verdict != .error && lh.perSeed.count == 2)
    for (a, b) in zip(li.perSeed, lh.perSeed) { #expect(abs(a - b) < 1e-6) }
    // Cost: the sample circuits only (one per seed), with their shots.
    let cost = try #require(r.costs.first { $0.model == "qcbm" && $0.backend == "hw" })
    #expect(cost.executions == 2 && abs(cost.shots - 2e11) < 1e3)
    #expect(r.facts.backend?.contains("qcbm trained on the simulator 'ideal'; only sampling on the device") == true, "\(r.facts.backend ?? "")")
  }

  @Test func handMadeCountsAreReadWithQubitZeroRightmost() throws {
    let (dir, claim) = try Self.project()
    let (m, circuits) = try HardwareFixtures.export(claim, in: dir)
    var counts = try HardwareFixtures.exactCounts(m, circuits).counts
    counts["qcbm.s1.sample"] = ["0000": 3, "0001": 1]  // "0001": qubit 0 = 1, outcome 1
    let file = CountsFile(claim: m.claim, specHash: m.specHash, backend: m.backend, counts: counts)
    let k = try HardwareImporter.kernels(claim: claim, counts: file, shown: "counts.json")
    let s = try #require(k.sampled(model: "qcbm", seed: 1))
    #expect(s.counts[0] == 3 && s.counts[1] == 1 && s.counts.reduce(0, +) == 4 && s.shots == 4)
    // KL(target ‖ model): the 2x2 bars and stripes are 6 patterns of 1/6; the model has 0000 at
    // 3/4 and the other 5 patterns at 0 (floored at 1e-10).
    let expected = (1.0 / 6) * log((1.0 / 6) / 0.75) + 5 * (1.0 / 6) * log((1.0 / 6) / 1e-10)
    let score = try #require(k.scores.first { $0.model == "qcbm" && $0.seed == 1 })
    #expect(score.metric == "kl" && abs(score.test - expected) < 1e-12, "\(score.test) vs \(expected)")
  }

  @Test func aMissingSampleCircuitOrOtherTrainingIsALocatedError() throws {
    let (dir, claim) = try Self.project()
    let (m, circuits) = try HardwareFixtures.export(claim, in: dir)
    let good = try HardwareFixtures.exactCounts(m, circuits)
    func refused(_ edit: (inout CountsFile) -> Void) throws -> String {
      var f = good
      edit(&f)
      return try #require(throws: HardwareError.self) { try HardwareImporter.kernels(claim: claim, counts: f, shown: "c.json") }
        .description
    }
    #expect(try refused { $0.counts["qcbm.s2.sample"] = nil } == "c.json: error: circuit 'qcbm.s2.sample': no counts for this exported circuit")
    #expect(
      try refused { $0.counts["qcbm.s3.sample"] = ["0000": 1] }
        == "c.json: error: circuit 'qcbm.s3.sample': unknown circuit id: not among the 2 circuits exported for this spec")
    #expect(try refused { $0.counts["qcbm.s1.sample"] = ["000": 4] }.hasPrefix("c.json: error: circuit 'qcbm.s1.sample': bit string '000' should be 4 characters"))
    var other = m
    other.training![1].finalLoss += 1e-6
    let e = try #require(throws: HardwareError.self) {
      try HardwareImporter.kernels(claim: claim, counts: good, shown: "c.json", manifest: (other, shown: "manifest.json"))
    }
    #expect(e.description.hasPrefix("manifest.json: error: model qcbm, seed 2: training it on the simulator now gives"))
  }

  @Test func withoutImportedCountsLintAndRunNameTheBackend() throws {
    let (dir, claim) = try Self.project()
    let errors = Preflight.errors(claim, devices: HardwareFixtures.devices(dir))
    let e = try #require(errors.first)
    #expect(e.field == "backends[1]" && e.message.contains("hardware backend 'hw' has no imported counts"), "\(errors)")
    #expect(e.line == 15, "\(e)")
  }
}
