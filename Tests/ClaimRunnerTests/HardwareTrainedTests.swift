import ClaimRunner
import ClaimSpec
import Foundation
import QMLKit
import QuantumSim
import Testing

/// Trained models on a `hardware:` backend ("train on the simulator, infer on the device"):
/// export-qasm trains each variational, re-uploading and hybrid model on the claim's exact
/// simulator and writes one circuit per test input with the trained weights bound; counts read
/// back into the same readout expectations and post-processing give the ideal backend's scores.
@Suite struct HardwareTrainedTests {
  /// The ad hoc kernel claim plus a variational, a re-uploading and a hybrid classifier.
  static let models = """
      - {id: vqc, kind: variational, encoding: {map: angle}, ansatz: {type: hardware_efficient, layers: 1}, training: {iterations: 6, learning_rate: [0.05, 0.2]}}
      - {id: vqp, kind: variational, encoding: {map: angle}, ansatz: {type: real_amplitudes, layers: 1}, readout: {observable: parity}, training: {iterations: 5}}
      - {id: reup, kind: reuploading, encoding: {map: angle}, qubits: 2, layers: 2, training: {iterations: 5}}
      - {id: dressed, kind: hybrid, encoding: {map: angle}, qubits: 2, ansatz: {type: hardware_efficient, layers: 1}, training: {iterations: 5}}
    """

  static func project() throws -> (dir: URL, claim: Claim) {
    try HardwareFixtures.project(HardwareFixtures.spec(extraModels: models))
  }

  @Test func theManifestListsOneInferenceCircuitPerTestInputTrainedOnTheSimulator() throws {
    let (dir, claim) = try Self.project()
    let (m, circuits) = try HardwareFixtures.export(claim, in: dir)
    #expect(m.formatVersion == 1 && m.skipped.isEmpty)
    let infer = m.circuits.filter { $0.kind == "infer" }
    // 6 test rows per seed, 2 seeds, 4 trained models; the hybrid's identity control runs no circuit.
    #expect(infer.count == 6 * 2 * 4)
    #expect(Set(infer.map(\.model)) == ["vqc", "vqp", "reup", "dressed"])
    #expect(m.circuits.filter { $0.kind != "infer" }.count == 2 * (91 + 84))
    let first = try #require(infer.first)
    #expect(first.id == "vqc.s1.infer.0" && first.i == 0 && first.j == 0 && first.y.isEmpty && first.x.count == 2)
    #expect(first.file == "circuits/vqc/seed-1/vqc.s1.infer.0.qasm" && first.trainedOn == "ideal" && first.readout == "Z0")
    #expect(infer.first { $0.model == "vqp" }?.readout == "parity(0,1)")
    #expect(infer.first { $0.model == "dressed" }?.readout == "Z per qubit")
    let training = try #require(m.training)
    #expect(training.count == 8 && training.allSatisfy { $0.trainedOn == "ideal" && $0.iterations > 0 && $0.finalLoss.isFinite })
    #expect(training.filter { $0.model == "vqc" }.allSatisfy { $0.learningRate != nil })
    for e in infer {
      let c = try #require(circuits[e.id])
      #expect(c.symbols.isEmpty && c.measurements.count == e.qubits && e.qubits == 2, "\(e.id)")
    }
    // The text says so, and an older reader's fields are all still there.
    let text = try String(contentsOf: dir.appendingPathComponent("hardware-export/manifest.json"), encoding: .utf8)
    #expect(text.contains("\"trained_on\" : \"ideal\"") && text.contains("\"kind\" : \"infer\""))
  }

  @Test func exactCountsGiveTheIdealBackendsScoresForEveryTrainedKind() throws {
    let (dir, claim) = try Self.project()
    let (m, circuits) = try HardwareFixtures.export(claim, in: dir)
    let k = try HardwareImporter.kernels(claim: claim, counts: HardwareFixtures.exactCounts(m, circuits), shown: "counts.json")
    #expect(k.inferred?.count == 8)
    let vqc = try #require(k.inferred(model: "vqc", seed: 1))
    #expect(vqc.trainedOn == "ideal" && vqc.executions == 6 && abs(vqc.shots - 6_000_000_000) < 1000)
    #expect(vqc.expectations.columns == 1 && vqc.outputs.columns == 2)
    #expect(try #require(k.inferred(model: "dressed", seed: 2)).expectations.columns == 2)
    _ = try HardwareKernelStore.save(k, claim: claim)
    let options = SuiteOptions(out: dir.appendingPathComponent("reports"), jobs: 1, fresh: true, progress: false)
    let r = try #require(SuiteRunner(options: options).run([claim], devices: HardwareFixtures.devices(dir)).first)
    for id in ["zz", "vqc", "vqp", "reup", "dressed", "dressed-identity"] {
      let scores = try #require(r.models.first { $0.id == id }?.backends, "\(id)")
      let ideal = try #require(scores.first { $0.backend == "ideal" }?.test)
      let hw = try #require(scores.first { $0.backend == "hw" })
      #expect(ideal.count == 2 && hw.test == ideal && hw.failedSeeds.isEmpty, "\(id): \(hw.test) vs \(ideal)")
      if id != "zz" && id != "dressed-identity" {
        #expect(hw.chosen?.allSatisfy { $0["trained_on"] == "ideal (simulator)" } == true, "\(id)")
        #expect(k.scores.filter { $0.model == id }.map(\.test) == hw.test, "\(id)")
        let cost = try #require(r.costs.first { $0.model == id && $0.backend == "hw" })
        let shots = (k.inferred ?? []).filter { $0.model == id }.reduce(0) { $0 + $1.shots }
        #expect(cost.executions == 12 && cost.shots == Double(shots) && abs(cost.shots - 12e9) < 1e4, "\(id)")
      }
    }
    #expect(r.facts.backend?.contains("trained on the simulator") == true, "\(r.facts.backend ?? "")")
  }

  @Test func theImportedReadoutsAreTheSimulatedExpectations() throws {
    // Hand-computed: ⟨Z0⟩ from counts with qubit 0 rightmost, the parity, and ⟨Z_q⟩ per qubit.
    let (dir, claim) = try Self.project()
    let plan = try HardwareCircuits(claim: claim)
    let (m, circuits) = try HardwareFixtures.export(claim, in: dir)
    var counts = try HardwareFixtures.exactCounts(m, circuits).counts
    let id = "vqc.s1.infer.0", pid = "vqp.s1.infer.0", hid = "dressed.s1.infer.0"
    counts[id] = ["00": 5, "01": 1, "10": 3, "11": 1]  // q0 = 1 in "01" and "11": ⟨Z0⟩ = (8 − 2)/10
    counts[pid] = ["00": 5, "01": 1, "10": 3, "11": 1]  // odd parity "01", "10": (6 − 4)/10
    counts[hid] = ["00": 5, "01": 1, "10": 3, "11": 1]  // ⟨Z0⟩ = 0.6, ⟨Z1⟩ = (6 − 4)/10
    let file = CountsFile(claim: m.claim, specHash: m.specHash, backend: m.backend, counts: counts)
    let k = try HardwareImporter.kernels(claim: claim, counts: file, shown: "counts.json")
    #expect(abs(try #require(k.inferred(model: "vqc", seed: 1)).expectations[0, 0] - 0.6) < 1e-15)
    #expect(abs(try #require(k.inferred(model: "vqp", seed: 1)).expectations[0, 0] - 0.2) < 1e-15)
    let h = try #require(k.inferred(model: "dressed", seed: 1))
    #expect(abs(h.expectations[0, 0] - 0.6) < 1e-15 && abs(h.expectations[0, 1] - 0.2) < 1e-15)
    #expect(abs(try #require(k.inferred(model: "vqc", seed: 1)).outputs[0, 1] - 0.8) < 1e-15)  // (1 + s)/2
    // Every other row: the exact counts' outputs are the in-process model's simulated outputs.
    let trained = try #require(plan.trainedModel("dressed", seed: 2))
    let test = plan.inference.filter { $0.model == "dressed" && $0.seed == 2 }.map(\.x)
    let simulated = try trained.simulatedOutputs(test)
    let imported = try #require(k.inferred(model: "dressed", seed: 2)).outputs.nested
    for (a, b) in zip(simulated, imported) { for (x, y) in zip(a, b) { #expect(abs(x - y) < 1e-7) } }
  }

  @Test func everyTrainedModelsBoundCircuitsReproduceItsSimulatedOutputs() throws {
    // Also the older re-uploading form (the zz encoding repeated before each ansatz layer) and a
    // bandwidth on the encoding: the exact readouts of the bound circuits, through the model's
    // post-processing, are the outputs the trained model simulates in process.
    let extra =
      Self.models + "\n  - {id: vre, kind: variational, encoding: {map: zz, reps: 1, alpha: 1.5}, "
      + "ansatz: {type: reuploading, layers: 2}, training: {iterations: 4}}"
    let (_, claim) = try HardwareFixtures.project(HardwareFixtures.spec(extraModels: extra))
    let plan = try HardwareCircuits(claim: claim)
    #expect(plan.trainedModels == ["vqc", "vqp", "reup", "dressed", "vre"])
    for t in plan.trained {
      let rows = plan.inference.filter { $0.model == t.model && $0.seed == t.seed }
      #expect(rows.count == 6 * t.circuitsPerRow)
      var expectations: [[Double]] = []
      for c in rows {
        var state = try StateVector(qubits: c.circuit.qubitCount)
        state.apply(try CompiledCircuit(c.circuit))
        var counts: [String: Int] = [:]
        for (i, p) in state.probabilities.enumerated() {
          counts[HardwareFixtures.bits(i, width: c.circuit.qubitCount)] = Int((p * 1e12).rounded())
        }
        if c.output == 0 { expectations.append([]) }
        expectations[c.i] += t.expectationsForTesting(counts)
      }
      let x = rows.filter { $0.output == 0 }.map(\.x)
      let simulated = try t.simulatedOutputs(x)
      let imported = try t.outputs(fromExpectations: expectations)
      for (a, b) in zip(simulated, imported) {
        #expect(a.count == b.count)
        for (u, v) in zip(a, b) { #expect(abs(u - v) < 1e-9, "\(t.model) seed \(t.seed): \(a) vs \(b)") }
      }
    }
  }

  @Test("noisy sampled counts give the noisy readouts within binomial error", arguments: [23 as UInt64])
  func noisyCountsGiveTheNoisyReadouts(seed: UInt64) throws {
    let (dir, claim) = try Self.project()
    let (m, circuits) = try HardwareFixtures.export(claim, in: dir)
    let noise = try NoiseModel(specification: "depolarizing=0.01,depolarizing2=0.04,readout=0.03")
    let shots = 4096
    var rng = SeededGenerator(seed: seed)
    var file = try HardwareFixtures.exactCounts(m, circuits)
    var exact: [String: [Double]] = [:]
    for e in m.circuits where e.kind == "infer" {
      let p = try HardwareFixtures.probabilities(try #require(circuits[e.id]), noise: noise)
      // ⟨Z_q⟩ per qubit and the parity of both, from the noisy distribution (qubit 0 = bit 0).
      let z = (0..<2).map { q in p.indices.reduce(0.0) { $0 + (($1 >> q) & 1 == 0 ? p[$1] : -p[$1]) } }
      let parity = p.indices.reduce(0.0) { $0 + ($1.nonzeroBitCount & 1 == 0 ? p[$1] : -p[$1]) }
      exact[e.id] = e.readout == "Z per qubit" ? z : e.readout == "Z0" ? [z[0]] : [parity]
      file.counts[e.id] = HardwareFixtures.sample(p, width: e.qubits, shots: shots, rng: &rng)
    }
    let k = try HardwareImporter.kernels(claim: claim, counts: file, shown: "counts.json")
    var worst = 0.0
    for e in m.circuits where e.kind == "infer" {
      let got = try #require(k.inferred(model: e.model, seed: e.seed)).expectations.row(e.i)
      for (v, want) in zip(got, try #require(exact[e.id])) {
        let sigma = ((1 - want * want) / Double(shots)).squareRoot()
        worst = max(worst, abs(v - want) / max(sigma, 1e-9))
        #expect(abs(v - want) <= 5 * sigma + 1e-12, "\(e.id): \(v) vs \(want)")
      }
    }
    #expect(worst > 0.5, "the counts are sampled, not exact")
  }

  @Test func aMissingInferenceCircuitIsALocatedError() throws {
    let (dir, claim) = try Self.project()
    let (m, circuits) = try HardwareFixtures.export(claim, in: dir)
    let good = try HardwareFixtures.exactCounts(m, circuits)
    func refused(_ edit: (inout CountsFile) -> Void) throws -> String {
      var f = good
      edit(&f)
      return try #require(throws: HardwareError.self) { try HardwareImporter.kernels(claim: claim, counts: f, shown: "c.json") }
        .description
    }
    #expect(
      try refused { $0.counts["reup.s2.infer.3"] = nil }
        == "c.json: error: circuit 'reup.s2.infer.3': no counts for this exported circuit")
    #expect(
      try refused { $0.counts["vqc.s1.infer.9"] = ["00": 1] }
        == "c.json: error: circuit 'vqc.s1.infer.9': unknown circuit id: not among the 398 circuits exported for this spec")
    #expect(
      try refused { $0.counts["dressed.s1.infer.0"] = ["0": 4] }.hasPrefix(
        "c.json: error: circuit 'dressed.s1.infer.0': bit string '0' should be 2 characters"))
    #expect(try refused { $0.counts["vqp.s1.infer.1"] = ["00": 0] }.contains("circuit 'vqp.s1.infer.1': no shots"))
  }

  @Test func anImportWhoseSimulatorTrainingDiffersFromTheExportsIsRefused() throws {
    let (dir, claim) = try Self.project()
    let (m, circuits) = try HardwareFixtures.export(claim, in: dir)
    let counts = try HardwareFixtures.exactCounts(m, circuits)
    // The export's own record matches.
    _ = try HardwareImporter.kernels(claim: claim, counts: counts, shown: "c.json", manifest: (m, shown: "manifest.json"))
    var other = m
    other.training![3].finalLoss += 1e-6
    let e = try #require(throws: HardwareError.self) {
      try HardwareImporter.kernels(claim: claim, counts: counts, shown: "c.json", manifest: (other, shown: "manifest.json"))
    }
    let r = m.training![3]
    #expect(
      e.description.hasPrefix("manifest.json: error: model \(r.model), seed \(r.seed): training it on the simulator now gives"))
    #expect(e.description.contains("export again"))
  }

  @Test func aMulticlassClassifierHasOneCircuitPerClassAndInput() throws {
    let spec = """
      claim: hw-multi
      title: one-vs-rest on hardware
      dataset: {csv: data/three.csv, target: label, test_fraction: 0.34}
      quantum:
        - {id: vqc, kind: variational, encoding: {map: angle}, ansatz: {type: hardware_efficient, layers: 1}, training: {iterations: 4}}
      baselines: [{model: knn, grid: {k: [1, 3]}}]
      backends:
        - {id: exact, simulator: statevector, shots: exact}
        - {id: hw, hardware: ideal, shots: 100}
      seeds: [1, 2]
      criteria: {lift: {min: 0.0, on: [exact]}, cost: {max_qubits: 8, max_runtime_seconds: 600}}
      expect: supported
      """
    // Three clusters of six points around (0.5, 0.5), (2.5, 0.5) and (1.5, 2.5), jittered.
    var csv = "x0,x1,label\n"
    for (k, centre) in [(0.5, 0.5), (2.5, 0.5), (1.5, 2.5)].enumerated() {
      for i in 0..<6 { csv += "\(centre.0 + 0.1 * Double(i % 3)),\(centre.1 + 0.07 * Double(i)),c\(k)\n" }
    }
    let dir = try SpecFixtures.project()
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("specs/data"), withIntermediateDirectories: true)
    try csv.write(to: dir.appendingPathComponent("specs/data/three.csv"), atomically: true, encoding: .utf8)
    let claim = try HardwareFixtures.project(spec, name: "hw-multi", in: dir)
    let (m, circuits) = try HardwareFixtures.export(claim, in: dir)
    let rows = try #require(m.sizes["1"]?[1])
    #expect(m.circuits.filter { $0.seed == 1 }.count == rows * 3)
    #expect(m.circuits.contains { $0.id == "vqc.s1.infer.0.2" && $0.j == 2 && $0.trainedOn == "exact" })
    let k = try HardwareImporter.kernels(claim: claim, counts: HardwareFixtures.exactCounts(m, circuits), shown: "counts.json")
    _ = try HardwareKernelStore.save(k, claim: claim)
    let options = SuiteOptions(out: dir.appendingPathComponent("reports"), jobs: 1, fresh: true, progress: false)
    let r = try #require(SuiteRunner(options: options).run([claim], devices: HardwareFixtures.devices(dir)).first)
    let scores = try #require(r.models.first?.backends)
    #expect(scores.first { $0.backend == "hw" }?.test == scores.first { $0.backend == "exact" }?.test)
  }

  @Test func withoutAnExactSimulatorBackendTrainingUsesTheBuiltInStatevector() throws {
    let spec = HardwareFixtures.spec(extraModels: Self.models)
      .replacingOccurrences(
        of: "{id: ideal, simulator: statevector, shots: exact}", with: "{id: sampled, simulator: statevector, shots: 128}"
      )
      .replacingOccurrences(of: "on: [ideal]", with: "on: [sampled]")
    let (_, claim) = try HardwareFixtures.project(spec)
    let plan = try HardwareCircuits(claim: claim)
    #expect(plan.trained.allSatisfy { $0.trainedOn == TrainedModel.builtInSimulator })
  }
}
