import ClaimRunner
import ClaimSpec
import Foundation
import Testing

@Suite struct ModelKindsTests {
  @Test func anAblationMeasuresTheLiftOverAnotherQuantumModel() throws {
    let dir = try SpecFixtures.project()
    let spec = """
      claim: ablation
      title: entanglers matter
      dataset: {generator: adhoc, params: {features: 2, gap: 0.3}, samples: 100}
      quantum:
        - {id: zz, kind: kernel, encoding: {map: zz, reps: 2}, svm: {C: [1, 10]}}
        - {id: z, kind: kernel, encoding: {map: z, reps: 2}, svm: {C: [1, 10]}}
      baselines: [{model: knn, grid: {k: [1, 5]}}]
      backends: [{id: ideal, simulator: statevector, shots: exact}]
      seeds: [1, 2, 3, 4, 5]
      criteria: {lift: {min: 0.1, model: zz, over: z}, cost: {max_runtime_seconds: 300}}
      """
    let r = try #require(SpecFixtures.run([SpecFixtures.claim(spec, name: "ablation", in: dir)], in: dir).first)
    let zz = try #require(r.models.first { $0.id == "zz" }?.backends.first?.test)
    let z = try #require(r.models.first { $0.id == "z" }?.backends.first?.test)
    #expect(r.lifts.first?.model == "zz")
    // The lift is paired against the ablated model on the same seeds, not against a baseline.
    let expected = zip(zz, z).map { $0 - $1 }
    #expect(r.lifts.first?.perSeed == expected)
    #expect(r.reasons.contains { $0.contains("quantum model z") })
    #expect(r.verdict == .supported)
  }

  @Test func variationalModelsTrainAndReportTheirCurvesAndGradientVariance() throws {
    let dir = try SpecFixtures.project()
    let spec = """
      claim: vqc
      title: a small variational classifier
      dataset: {generator: linearly_separable, params: {features: 3}, samples: 60, preprocess: [standardize]}
      quantum:
        - id: hea
          kind: variational
          encoding: {map: angle}
          ansatz: {type: hardware_efficient, layers: 2, entanglement: ring}
          training: {optimizer: adam, learning_rate: 0.1, iterations: 25, loss: squared}
      baselines: [{model: logistic_regression, grid: {C: [1]}}]
      backends: [{id: ideal, simulator: statevector, shots: exact}]
      seeds: [1, 2, 3]
      criteria: {lift: {min: 0.5}, cost: {max_runtime_seconds: 300}}
      expect: refuted
      """
    let r = try #require(SpecFixtures.run([SpecFixtures.claim(spec, name: "vqc", in: dir)], in: dir).first)
    // Training reports each iteration (for the live progress bar), per seed.
    let seen = IterationLog()
    var options = RunOptions(jobs: 1)
    options.iteration = { model, it, total in seen.add(model, it, total) }
    _ = try ClaimRunner(options: options).run(SpecFixtures.claim(spec, name: "vqc", in: dir), specHash: "x", gitCommit: nil)
    #expect(seen.entries.filter { $0 == "hea 24/25" }.count == 3)
    let curve = try #require(r.curves.first)
    #expect(curve.loss.count == curve.accuracy.count)
    #expect(curve.loss.count >= 25 && curve.loss.count <= 26, "one record per iteration: \(curve.loss.count)")
    #expect(curve.loss.last! < curve.loss.first!)
    #expect(r.diagnostics.contains { $0.name == "gradient_variance" && $0.value > 0 })
    let cost = try #require(r.costs.first)
    #expect(cost.qubits == 3 && cost.encodingTwoQubitGates == 0 && cost.twoQubitGates == 6)
    #expect(cost.executions > 0)
    #expect(r.verdict == .refuted && r.passed)
  }
}

/// Collects iteration reports from concurrent seeds.
private final class IterationLog: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var entries: [String] = []
  func add(_ model: String, _ it: Int, _ total: Int) { lock.withLock { entries.append("\(model) \(it)/\(total)") } }
}
