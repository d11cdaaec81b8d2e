import ClaimRunner
import ClaimSpec
import Foundation
import Testing
import TestSupport

@Suite struct GenerativeRunTests {
  static func spec(backends: String, seeds: String = "[1, 2, 3]", metric: String = "kl", extra: String = "") -> String {
    """
    claim: gen
    title: a small Born machine
    task: generative
    dataset: {target: {kind: cardinality, n: 3, k: 1}, train_samples: 60\(extra)}
    quantum:
      - {id: qcbm, kind: born_machine, depth: 1, training: {iterations: 4, learning_rate: 0.1}}
    baselines:
      - {model: bernoulli}
      - {model: bernoulli_mixture, grid: {components: [1, 3]}}
      - {model: rbm, grid: {hidden: [2]}}
      - {model: autoregressive, grid: {penalty: [0.01]}}
    backends: \(backends)
    seeds: \(seeds)
    criteria: {metric: \(metric), lift: {min: 0, on: [ideal]}, cost: {max_runtime_seconds: 600}}
    expect: refuted
    """
  }

  @Test("a Born machine runs on every backend kind; shots and executions are counted; histograms are stored")
  func everyBackendKind() throws {
    let dir = try SpecFixtures.project()
    let device = try DeviceProfileLoader.load(contentsOf: Repository.devices.appendingPathComponent("iqm-garnet.yaml"))
    let backends = """
      [{id: ideal, simulator: statevector, shots: exact}, {id: shots, simulator: statevector, shots: 50},
         {id: noisy, simulator: density_matrix, noise: {depolarizing: 0.01, readout: 0.02}},
         {id: garnet, device: iqm-garnet, shots: 40}]
      """
    let claim = try SpecFixtures.claim(Self.spec(backends: backends, extra: ", evaluation_samples: 30"), name: "gen", in: dir)
    #expect(claim.task == .generative)
    let options = SuiteOptions(out: dir.appendingPathComponent("reports"), jobs: 2, fresh: true, progress: false)
    let r = try #require(SuiteRunner(options: options).run([claim], devices: ["iqm-garnet": device]).first)
    #expect(r.task == "generative" && r.metric == "kl")
    #expect(r.baselines.map(\.model) == ["bernoulli", "bernoulli_mixture", "rbm", "autoregressive"])
    let scores = try #require(r.models.first?.backends)
    #expect(scores.map(\.backend) == ["ideal", "shots", "noisy", "garnet"])
    for s in scores { #expect(s.test.count == 3 && s.failedSeeds.isEmpty, "\(s.backend): \(r.warnings)") }
    // Cost: per seed 4 steps × (2P + 1) circuits (P = 3·(3·1 + 1) = 12) plus one of 30 evaluation shots.
    let perSeed = 4 * 25 + 1
    let cost = Dictionary(uniqueKeysWithValues: r.costs.map { ($0.backend, $0) })
    #expect(cost["shots"]?.executions == Double(3 * perSeed))
    #expect(cost["shots"]?.shots == Double(3 * (4 * 25 * 50 + 30)))
    #expect(cost["garnet"]?.shots == Double(3 * (4 * 25 * 40 + 30)))
    #expect(cost["ideal"]?.shots == Double(3 * 30))
    #expect(cost["garnet"]?.nativeTwoQubitGates != nil)
    // The lift is baseline − quantum, paired per seed, against the best baseline by validation NLL.
    let lift = try #require(r.lifts.first { $0.backend == "ideal" })
    let best = try #require(r.bestBaselinePerSeed)
    let q = scores[0].test
    for (i, b) in best.enumerated() {
      let ref = try #require(r.baselines.first { $0.model == b })
      #expect(abs(lift.perSeed[i] - (ref.test[i] - q[i])) < 1e-15)
      #expect(ref.cvScore[i] == r.baselines.map { $0.cvScore[i] }.min())
    }
    #expect(r.lifts.filter(\.decisive).map(\.backend) == ["ideal"])
    let g = try #require(r.generative)
    #expect(g.outcomes.contains("001") && g.outcomes.contains("010") && g.outcomes.contains("100"))
    #expect(g.targetProbabilities.reduce(0, +) > 0.999)
    #expect(g.models.count == 4 + 4)
    #expect(r.curves.count == 4)
  }

  @Test("the same claim gives the same numbers on a second run")
  func deterministic() throws {
    let dir = try SpecFixtures.project()
    let yaml = Self.spec(backends: "[{id: ideal, simulator: statevector, shots: exact}]", metric: "mmd")
    let a = try #require(SpecFixtures.run([SpecFixtures.claim(yaml, name: "gen", in: dir)], in: dir).first)
    let b = try #require(SpecFixtures.run([SpecFixtures.claim(yaml, name: "gen", in: dir)], in: dir).first)
    #expect(a.models.map { $0.backends.map(\.test) } == b.models.map { $0.backends.map(\.test) })
    #expect(a.baselines.map(\.test) == b.baselines.map(\.test) && a.lifts.map(\.perSeed) == b.lifts.map(\.perSeed))
    #expect(a.generative == b.generative)
    #expect(a.metric == "mmd")
  }

  @Test("lint refuses a Born machine whose training would take far longer than the runtime bound, at its training")
  func runtimeRefusal() throws {
    let dir = try SpecFixtures.project()
    let yaml = Self.spec(backends: "[{id: ideal, simulator: density_matrix, shots: 1000, noise: {depolarizing: 0.01}}]")
      .replacingOccurrences(of: "{kind: cardinality, n: 3, k: 1}", with: "{kind: cardinality, n: 10, k: 5}")
      .replacingOccurrences(of: "depth: 1, training: {iterations: 4,", with: "depth: 8, training: {iterations: 5000,")
    let claim = try SpecFixtures.claim(yaml, name: "gen", in: dir)
    let errors = Preflight.errors(claim, devices: [:])
    let e = try #require(errors.first)
    #expect(e.field == "quantum[0].training" && e.message.contains("amplitude updates"), "\(errors)")
    // The shipped-size claim passes.
    let small = try SpecFixtures.claim(
      Self.spec(backends: "[{id: ideal, simulator: statevector, shots: exact}]"), name: "gen", in: dir)
    #expect(Preflight.errors(small, devices: [:]).isEmpty)
  }
}
