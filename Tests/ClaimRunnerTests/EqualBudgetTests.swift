import ClaimRunner
import ClaimSpec
import Foundation
import Testing

/// Equal budgets both ways (issue 13): a kernel's bandwidth and a variational model's learning rate
/// are tuned by the same cross-validation as the baselines, recorded, and costed.
@Suite struct EqualBudgetTests {
  @Test func aKernelBandwidthGridIsTunedRecordedAndCosted() throws {
    let dir = try SpecFixtures.project()
    func run(_ alpha: String, id: String) throws -> ClaimResult {
      let text = SpecFixtures.kernelSpec(id: id, generator: "moons", params: "{noise: 0.2}", samples: 40, map: "zz",
                                         minLift: 0.0, expect: "inconclusive")
        .replacingOccurrences(of: "encoding: {map: zz, reps: 2, entanglement: linear}",
                              with: "encoding: {map: zz, reps: 2, entanglement: linear, alpha: \(alpha)}")
      return try SpecFixtures.run([try SpecFixtures.claim(text, name: id, in: dir)], in: dir)[0]
    }
    let fixed = try run("2", id: "fixed")
    let tuned = try run("[0.25, 0.5, 1, 2]", id: "tuned")
    let score = tuned.models[0].backends[0]
    let chosen = try #require(score.chosen)
    #expect(chosen.count == 3 && chosen.allSatisfy { ["0.25", "0.5", "1", "2"].contains($0["alpha"] ?? "") })
    #expect(score.tuning?.configurations == 12 && (score.tuning?.folds ?? 0) >= 2)
    #expect(fixed.models[0].backends[0].tuning?.configurations == 3)
    #expect(fixed.models[0].backends[0].chosen?.first?["alpha"] == nil)
    // Every bandwidth's training kernel is run (and would be on a device): more executions.
    let n = { (r: ClaimResult) in r.costs.first { $0.backend == "ideal" }?.executions ?? 0 }
    #expect(n(tuned) > 2 * n(fixed))
    #expect(tuned.models[0].description.contains("alpha in"))
  }

  @Test func aVariationalLearningRateGridIsTunedAndConvergenceIsReported() throws {
    let dir = try SpecFixtures.project()
    let yaml = """
      claim: vq
      title: t
      hypothesis: h
      dataset: {generator: linearly_separable, params: {features: 2}, samples: 40}
      quantum:
        - id: hea
          kind: variational
          encoding: {map: angle}
          ansatz: {type: hardware_efficient, layers: 1}
          training: {optimizer: adam, learning_rate: [0.01, 0.2], iterations: 8, loss: squared}
      baselines: [{model: logistic_regression, grid: {C: [1]}}]
      backends: [{id: ideal, simulator: statevector, shots: exact}]
      seeds: [1, 2, 3]
      criteria: {lift: {min: 0.5}, cost: {max_runtime_seconds: 300}}
      expect: refuted
      """
    let r = try SpecFixtures.run([try SpecFixtures.claim(yaml, name: "vq", in: dir)], in: dir)[0]
    let b = r.models[0].backends[0]
    #expect(b.tuning?.configurations == 2 && (b.tuning?.folds ?? 0) >= 2)
    #expect(b.chosen?.allSatisfy { ["0.01", "0.2"].contains($0["learning_rate"] ?? "") } == true)
    // Eight Adam steps at lr 0.01 cannot converge: every such seed is flagged, with a warning.
    let slow = try #require(b.notConvergedSeeds)
    #expect(!slow.isEmpty)
    #expect(r.warnings.contains { $0.contains("not converged") })
  }

  @Test func repsAndLayersListsAreTunedToo() throws {
    let dir = try SpecFixtures.project()
    let kernel = SpecFixtures.kernelSpec(id: "reps", generator: "moons", params: "{noise: 0.2}", samples: 30, map: "zz",
                                         minLift: 0.0, expect: "inconclusive")
      .replacingOccurrences(of: "encoding: {map: zz, reps: 2, entanglement: linear}",
                            with: "encoding: {map: zz, reps: [1, 2], entanglement: linear, alpha: [0.5, 2]}")
    let k = try SpecFixtures.run([try SpecFixtures.claim(kernel, name: "reps", in: dir)], in: dir)[0]
    let b = k.models[0].backends[0]
    #expect(b.tuning?.configurations == 12)
    #expect(b.chosen?.allSatisfy { ["1", "2"].contains($0["reps"] ?? "") && ["0.5", "2"].contains($0["alpha"] ?? "") } == true)
    #expect(k.models[0].description.contains("reps in {1, 2}"))
    // The costed circuit is the largest candidate (reps 2): conservative bounds.
    let fixed = try SpecFixtures.run([try SpecFixtures.claim(
      kernel.replacingOccurrences(of: "reps: [1, 2]", with: "reps: 2").replacingOccurrences(of: "claim: reps", with: "claim: reps2"),
      name: "reps2", in: dir)], in: dir)[0]
    #expect(k.costs[0].depth == fixed.costs[0].depth)

    let yaml = """
      claim: layers
      title: t
      hypothesis: h
      dataset: {generator: linearly_separable, params: {features: 2}, samples: 30}
      quantum:
        - id: hea
          kind: variational
          encoding: {map: angle}
          ansatz: {type: hardware_efficient, layers: [1, 2]}
          training: {optimizer: adam, learning_rate: 0.1, iterations: 5, loss: squared}
      baselines: [{model: logistic_regression, grid: {C: [1]}}]
      backends: [{id: ideal, simulator: statevector, shots: exact}]
      seeds: [1, 2, 3]
      criteria: {lift: {min: 0.5}, cost: {max_runtime_seconds: 300}}
      expect: refuted
      """
    let v = try SpecFixtures.run([try SpecFixtures.claim(yaml, name: "layers", in: dir)], in: dir)[0]
    let vb = v.models[0].backends[0]
    #expect(vb.tuning?.configurations == 2)
    #expect(vb.chosen?.allSatisfy { ["1", "2"].contains($0["layers"] ?? "") && $0["learning_rate"] == nil } == true)
    #expect(v.models[0].description.contains("layers in {1, 2}"))
  }
}
