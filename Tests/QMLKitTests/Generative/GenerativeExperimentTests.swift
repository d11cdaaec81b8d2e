import Foundation
import QuantumSim
import Testing

@testable import QMLKit

@Suite struct GenerativeExperimentTests {
  @Test("one seed on 2x2 bars and stripes: every model scored, the Born machine's shots counted")
  func oneSeed() throws {
    let e = GenerativeExperiment(
      target: .barsAndStripes(rows: 2, cols: 2), trainSamples: 200, evaluationSamples: 500, kernel: try MMDKernel(),
      depths: [2], trainer: BornMachineTrainer(iterations: 40, learningRate: 0.1),
      baselines: GenerativeBaseline.allCases.map { ($0, nil) })
    let r = try e.run(seed: 1, backend: .shots(256))
    #expect(r.models.map(\.name) == ["born_machine", "bernoulli", "bernoulli_mixture", "rbm", "autoregressive"])
    let born = r.models[0]
    // 40 steps × (2P + 1) circuits of 256 shots, then one of 500 for the metrics.
    let p = 4 * (3 * 2 + 1)
    #expect(born.executions == 40 * (2 * p + 1) + 1)
    #expect(born.shots == 40 * (2 * p + 1) * 256 + 500)
    for m in r.models {
      #expect(m.metrics.count == 3)
      #expect(abs(m.scored.reduce(0, +) - 1) < 1e-12)
      #expect(m.metrics[.tv].map { $0 >= 0 && $0 <= 1 } == true)
    }
    // Independent bits cannot represent bars and stripes: its TV stays large.
    #expect(r.models[1].metrics[.tv].map { $0 > 0.3 } == true)
  }

  @Test("a scoring kernel measures mmd on one scale while the Born machine trains on its own kernel")
  func scoringKernel() throws {
    var e = GenerativeExperiment(
      target: .cardinality(n: 3, k: 1), trainSamples: 40, kernel: try MMDKernel(bandwidths: [4]), depths: [1],
      trainer: BornMachineTrainer(iterations: 3), baselines: [])
    let scoring = try MMDKernel(bandwidths: [0.25])
    e.scoringKernel = scoring
    let (target, samples) = try e.trainingSamples(seed: 2)
    let born = try e.bornMachine(samples: samples, target: target, backend: .ideal, seed: 2)
    let expected = GenerativeMetrics.mmd(target.probabilities, born.scored, kernel: scoring)
    #expect(born.metrics[.mmd] == expected)
    #expect(expected != GenerativeMetrics.mmd(target.probabilities, born.scored, kernel: e.kernel))
  }
}
