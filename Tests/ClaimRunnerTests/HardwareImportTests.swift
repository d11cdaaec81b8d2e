import ClaimRunner
import ClaimSpec
import Foundation
import QMLKit
import QuantumSim
import Testing

@Suite struct HardwareImportTests {
  /// Exports the claim and reads the circuits back from the written OpenQASM files.
  func exported(_ claim: Claim, in dir: URL) throws -> (HardwareManifest, [String: Circuit]) {
    let folder = dir.appendingPathComponent("hardware-export")
    let backend = try HardwareExporter.hardwareBackend(claim, id: nil)
    let manifest = try HardwareExporter.export(claim, backend: backend, to: folder)
    let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
    #expect(try JSONDecoder().decode(HardwareManifest.self, from: data) == manifest)
    return (manifest, try HardwareFixtures.readCircuits(manifest, in: folder))
  }

  @Test func theManifestListsEveryKernelEntryTheRunnerNeeds() throws {
    let (dir, claim) = try HardwareFixtures.project()
    let (m, circuits) = try exported(claim, in: dir)
    #expect(m.claim == "hw-claim" && m.backend == "hw" && m.device == "ideal" && m.shots == 4096)
    #expect(m.specHash == SuiteRunner.specHash(claim) && m.seeds == [1, 2])
    // 20 samples, test fraction 0.3: 14 train (91 pairs i < j) and 6 test rows (84 entries) per seed.
    #expect(m.sizes["1"] == [14, 6] && m.sizes["2"] == [14, 6])
    #expect(m.circuits.count == 2 * (91 + 84))
    #expect(Set(m.circuits.map(\.id)).count == m.circuits.count)
    let first = try #require(m.circuits.first)
    #expect(first.id == "zz.s1.train.0.1" && first.kind == "train" && first.qubits == 2)
    #expect(first.file == "circuits/zz/seed-1/zz.s1.train.0.1.qasm")
    #expect(m.circuits.contains { $0.id == "zz.s2.test.5.13" && $0.kind == "test" })
    #expect(m.skipped.isEmpty)
    // Every file parses back to a measured circuit with no free symbols.
    for c in circuits.values {
      #expect(c.symbols.isEmpty && c.measurements.count == 2)
    }
  }

  @Test func theExportedCircuitsAreTheSimulatorsKernelCircuits() throws {
    let (dir, claim) = try HardwareFixtures.project()
    let (m, circuits) = try exported(claim, in: dir)
    // Noiseless all-zeros probabilities of the parsed files equal the exact fidelity kernel of
    // the manifest's inputs.
    let kernel = QuantumKernel(encoding: try EncodingName.make("zz", reps: 2, entanglement: "linear"))
    for e in m.circuits {
      let p = try HardwareFixtures.probabilities(try #require(circuits[e.id]), noise: nil)[0]
      #expect(abs(p - (try kernel.crossMatrix([e.x], [e.y]))[0, 0]) < 1e-10, "\(e.id)")
    }
  }

  @Test("noisy counts give the noisy simulator's kernel within binomial error", arguments: [11 as UInt64])
  func noisyCountsGiveTheNoisyKernel(seed: UInt64) throws {
    let (dir, claim) = try HardwareFixtures.project()
    let (m, circuits) = try exported(claim, in: dir)
    let noise = try NoiseModel(specification: "depolarizing=0.01,depolarizing2=0.04,readout=0.03")
    let shots = 4096
    var rng = SeededGenerator(seed: seed)
    var counts: [String: [String: Int]] = [:]
    var exact: [String: Double] = [:]
    for e in m.circuits {
      let p = try HardwareFixtures.probabilities(try #require(circuits[e.id]), noise: noise)
      exact[e.id] = p[0]
      counts[e.id] = HardwareFixtures.sample(p, width: e.qubits, shots: shots, rng: &rng)
    }
    let file = CountsFile(claim: m.claim, specHash: m.specHash, backend: m.backend, counts: counts)
    let k = try HardwareImporter.kernels(claim: claim, counts: file, shown: "counts.json")
    #expect(k.entries.count == 2 && k.scores.count == 2)
    // The simulator's own noisy kernel (density matrix + readout, exact), entry by entry.
    let encoding = try EncodingName.make("zz", reps: 2, entanglement: "linear")
    let noisy = QuantumKernel(encoding: encoding, backend: .noisy(noise, shots: nil))
    let e1 = try #require(k.entry(model: "zz", seed: 1))
    var worst = 0.0
    for e in m.circuits {
      let entry = try #require(k.entry(model: e.model, seed: e.seed))
      let value = e.kind == "train" ? entry.train[e.i, e.j] : entry.test[e.i, e.j]
      let p = exact[e.id]!
      let sigma = (p * (1 - p) / Double(shots)).squareRoot()
      worst = max(worst, abs(value - p) / max(sigma, 1e-9))
      #expect(abs(value - p) <= 5 * sigma + 1e-12, "\(e.id): \(value) vs \(p)")
      if e.seed == 1 { #expect(abs(p - (try noisy.crossMatrix([e.x], [e.y]))[0, 0]) < 1e-10, "\(e.id)") }
    }
    #expect(worst > 0.5, "the counts are sampled, not exact")
    for i in 0..<14 { #expect(e1.train[i, i] == 1) }
    #expect(e1.executions == 91 + 84 && e1.shots == (91 + 84) * shots)
  }

  /// Counts that are the exact noiseless distribution times 10^9 shots (rounded).
  func idealCounts(_ m: HardwareManifest, _ circuits: [String: Circuit]) throws -> CountsFile {
    var counts: [String: [String: Int]] = [:]
    for e in m.circuits {
      let p = try HardwareFixtures.probabilities(try #require(circuits[e.id]), noise: nil)
      var c: [String: Int] = [:]
      for (i, x) in p.enumerated() { c[HardwareFixtures.bits(i, width: e.qubits)] = Int((x * 1e9).rounded()) }
      counts[e.id] = c
    }
    return CountsFile(claim: m.claim, specHash: m.specHash, backend: m.backend, counts: counts)
  }

  @Test func withManyShotsAndNoNoiseTheHardwareScoresEqualTheIdealScores() throws {
    let (dir, claim) = try HardwareFixtures.project()
    let (m, circuits) = try exported(claim, in: dir)
    let k = try HardwareImporter.kernels(claim: claim, counts: idealCounts(m, circuits), shown: "counts.json")
    let stored = try HardwareKernelStore.save(k, claim: claim)
    #expect(stored.hasSuffix("specs/hardware/hw-claim/hw.json"))
    // A kernel-only claim's files keep their earlier shape: no trained-model fields.
    #expect(k.inferred == nil && m.training == nil && k.scores.allSatisfy { $0.chosenC != nil })
    let text = try String(contentsOf: dir.appendingPathComponent("specs/hardware/hw-claim/hw.json"), encoding: .utf8)
    #expect(!text.contains("inferred") && !text.contains("trained_on"))
    let options = SuiteOptions(out: dir.appendingPathComponent("reports"), jobs: 1, fresh: true, progress: false)
    let r = try #require(SuiteRunner(options: options).run([claim], devices: HardwareFixtures.devices(dir)).first)
    let scores = try #require(r.models.first { $0.id == "zz" }?.backends)
    let ideal = try #require(scores.first { $0.backend == "ideal" }?.test)
    let hw = try #require(scores.first { $0.backend == "hw" }?.test)
    #expect(ideal.count == 2 && hw == ideal)
    #expect(k.scores.map(\.test) == hw.compactMap { $0 })
    let cost = try #require(r.costs.first { $0.backend == "hw" })
    #expect(cost.executions == Double(m.circuits.count))
  }

  @Test func aHardwareBackendWithoutCountsIsAnInputErrorNamingTheCommands() throws {
    let (dir, claim) = try HardwareFixtures.project()
    let runner = ClaimRunner(devices: HardwareFixtures.devices(dir), options: RunOptions(jobs: 1))
    let error = try #require(throws: RunnerError.self) { try runner.run(claim, specHash: "x", gitCommit: nil) }
    #expect(error.isInputError)
    let text = error.description
    #expect(text.contains("backends[1]") && text.contains("qlift export-qasm") && text.contains("qlift import-counts"))
  }

  @Test func importedCountsGoStaleWhenTheSpecChanges() throws {
    let (dir, claim) = try HardwareFixtures.project()
    let (m, circuits) = try exported(claim, in: dir)
    let k = try HardwareImporter.kernels(claim: claim, counts: idealCounts(m, circuits), shown: "counts.json")
    _ = try HardwareKernelStore.save(k, claim: claim)
    let changed = try SpecFixtures.claim(HardwareFixtures.spec() + "\n# edited\n", name: "hw-claim", in: dir)
    let runner = ClaimRunner(devices: HardwareFixtures.devices(dir), options: RunOptions(jobs: 1))
    let error = try #require(throws: RunnerError.self) { try runner.run(changed, specHash: "x", gitCommit: nil) }
    #expect(error.description.contains("earlier version of this spec"))
    // Importing the old counts into the changed spec is refused too.
    let refused = try #require(throws: HardwareError.self) {
      try HardwareImporter.kernels(claim: changed, counts: idealCounts(m, circuits), shown: "counts.json")
    }
    #expect(refused.description.hasPrefix("counts.json: error: the spec or its data changed since the circuits were exported"))
  }

  @Test func badCountsAreRefusedWithTheFileAndCircuit() throws {
    let (dir, claim) = try HardwareFixtures.project()
    let (m, circuits) = try exported(claim, in: dir)
    let good = try idealCounts(m, circuits)
    func refused(_ edit: (inout CountsFile) -> Void) throws -> String {
      var f = good
      edit(&f)
      return try #require(throws: HardwareError.self) {
        try HardwareImporter.kernels(claim: claim, counts: f, shown: "c.json")
      }.description
    }
    #expect(try refused { $0.counts["zz.s9.train.0.1"] = ["00": 1] }
      == "c.json: error: circuit 'zz.s9.train.0.1': unknown circuit id: not among the 350 circuits exported for this spec")
    #expect(try refused { $0.counts["zz.s1.test.2.3"] = nil }
      == "c.json: error: circuit 'zz.s1.test.2.3': no counts for this exported circuit")
    #expect(try refused { $0.counts["zz.s1.train.0.1"] = ["000": 5] }.hasPrefix(
      "c.json: error: circuit 'zz.s1.train.0.1': bit string '000' should be 2 characters"))
    #expect(try refused { $0.counts["zz.s1.train.0.1"] = ["00": 5, "01": -1] }
      == "c.json: error: circuit 'zz.s1.train.0.1': negative count -1 for '01'")
    #expect(try refused { $0.counts["zz.s1.train.0.1"] = ["00": 0] }.contains("circuit 'zz.s1.train.0.1': no shots"))
    #expect(try refused { $0.specHash = "0123" }.contains("changed since the circuits were exported"))
    #expect(try refused { $0.backend = "ideal" }.contains("no hardware backend 'ideal'; hardware backends: hw"))
    #expect(try refused { $0.claim = "other" }.contains("the counts are for claim 'other'"))
  }

  @Test func projectedModelsAreSkippedWithAReasonAndVariationalOnesInferred() throws {
    let extra = """
        - {id: pk, kind: projected_kernel, encoding: {map: zz, reps: 1}, gamma: [1]}
        - {id: vqc, kind: variational, encoding: {map: angle}, ansatz: {type: hardware_efficient, layers: 1}, training: {iterations: 2}}
      """
    let (dir, claim) = try HardwareFixtures.project(HardwareFixtures.spec(extraModels: extra))
    let (m, _) = try exported(claim, in: dir)
    #expect(m.skipped.map(\.model) == ["pk"])
    #expect(m.skipped[0].reason.contains("projected kernels need single-qubit Pauli expectations"))
    #expect(Set(m.circuits.map(\.model)) == ["zz", "vqc"])
    #expect(m.circuits.filter { $0.model == "vqc" }.allSatisfy { $0.kind == "infer" && $0.trainedOn == "ideal" })
  }
}
