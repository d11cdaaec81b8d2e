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

  @Test("explore", .enabled(if: ProcessInfo.processInfo.environment["GEN_EXPLORE"] != nil))
  func explore() throws {
    for (target, depth) in [(GenerativeTarget.barsAndStripes(rows: 2, cols: 2), 2), (.barsAndStripes(rows: 2, cols: 3), 3), (.isingChain(n: 6, coupling: 1, field: 0.2, temperature: 1.5), 2)] {
      let e = GenerativeExperiment(
        target: target, trainSamples: 500, evaluationSamples: nil, kernel: try MMDKernel(),
        depths: [depth], trainer: BornMachineTrainer(iterations: 150, learningRate: 0.1),
        baselines: GenerativeBaseline.allCases.map { ($0, nil) })
      let start = Date()
      let r = try e.run(seed: 1, backend: .ideal)
      print("TARGET \(target) \(Date().timeIntervalSince(start))s")
      for m in r.models {
        print(m.name, m.value, GenerativeMetric.allCases.map { String(format: "%@=%.4f", $0.rawValue, m.metrics[$0] ?? -1) })
      }
    }
  }
}
