import Foundation
import QuantumSim
import Testing

@testable import QMLKit

@Suite struct GenerativeBaselineTests {
  @Test("independent Bernoulli: the MLE is the bit frequencies; smoothing adds α to each count")
  func bernoulli() throws {
    // 4 samples of 2 bits: 00, 01, 01, 11 → bit 0 set in 3, bit 1 in 1.
    let counts = try DiscreteDistribution.counts(of: [0, 1, 1, 3], size: 4)
    #expect(try IndependentBernoulli(smoothing: 0).means(counts: counts, bitCount: 2) == [0.75, 0.25])
    #expect(try IndependentBernoulli(smoothing: 1).means(counts: counts, bitCount: 2) == [4.0 / 6, 2.0 / 6])
    let d = try IndependentBernoulli(smoothing: 0).fit(counts: counts, bitCount: 2)
    let expected = [0.25 * 0.75, 0.75 * 0.75, 0.25 * 0.25, 0.75 * 0.25]
    for i in 0..<4 { #expect(abs(d.probabilities[i] - expected[i]) < 1e-15) }
  }

  @Test("EM never lowers its objective and one component is the Bernoulli MLE")
  func mixture() throws {
    let target = try GenerativeTarget.barsAndStripes(rows: 2, cols: 3).distribution()
    let counts = try DiscreteDistribution.counts(of: target.sample(count: 300, seed: 2), size: 64)
    for k in [1, 3, 6] {
      let fit = try BernoulliMixture(components: k).fit(counts: counts, bitCount: 6, seed: 11)
      #expect(fit.objective.count >= 2)
      for (a, b) in zip(fit.objective, fit.objective.dropFirst()) { #expect(b >= a - 1e-12) }
    }
    let one = try BernoulliMixture(components: 1, smoothing: 0).fit(counts: counts, bitCount: 6, seed: 1).distribution
    let mle = try IndependentBernoulli(smoothing: 0).fit(counts: counts, bitCount: 6)
    #expect(GenerativeMetrics.tv(one.probabilities, mle.probabilities) < 1e-9)
    // More components fit bars and stripes better (in the training likelihood).
    let few = try BernoulliMixture(components: 1).fit(counts: counts, bitCount: 6, seed: 11).objective.last ?? 0
    let many = try BernoulliMixture(components: 10).fit(counts: counts, bitCount: 6, seed: 11).objective.last ?? 0
    #expect(many > few)
  }

  @Test("the autoregressive model fits a product distribution exactly and a correlated one closely")
  func autoregressive() throws {
    let p = try IndependentBernoulli.product(means: [0.2, 0.9, 0.6, 0.35])
    let fit = try AutoregressiveModel(penalty: 1e-10).fit(data: p.probabilities, bitCount: 4)
    let q = try fit.distribution()
    for i in 0..<16 { #expect(abs(q.probabilities[i] - p.probabilities[i]) < 1e-8) }
    for row in fit.rows { for w in row.dropFirst() { #expect(abs(w) < 1e-6) } }
    // Any distribution on 2 bits is exactly an autoregressive model.
    let two = [0.1, 0.4, 0.3, 0.2]
    let q2 = try AutoregressiveModel(penalty: 1e-10).fit(data: two, bitCount: 2).distribution()
    for i in 0..<4 { #expect(abs(q2.probabilities[i] - two[i]) < 1e-7) }
  }

  @Test("the RBM's exact log-likelihood gradient equals central finite differences")
  func rbmGradient() throws {
    let data = try GenerativeTarget.isingChain(n: 4, coupling: 1, field: 0.3, temperature: 1.5).distribution().probabilities
    var rng = SeededGenerator(seed: 5)
    let h = 3, n = 4
    let params = RestrictedBoltzmannMachine.Parameters(
      visible: n, hidden: h, values: (0..<(h * n + n + h)).map { _ in 0.5 * rng.nextGaussian() })
    let g = try params.gradient(data)
    let eps = 1e-6
    for i in params.values.indices {
      var a = params, b = params
      a.values[i] += eps
      b.values[i] -= eps
      let fd = (a.averageLogLikelihood(data) - b.averageLogLikelihood(data)) / (2 * eps)
      #expect(abs(g[i] - fd) < 1e-7, "parameter \(i): \(g[i]) vs \(fd)")
    }
    // Training raises the likelihood above that of independent bits on a correlated chain.
    let trained = try RestrictedBoltzmannMachine(hidden: 4, iterations: 300).fit(data: data, bitCount: n, seed: 1)
    let independent = try IndependentBernoulli(smoothing: 0).fit(counts: data, bitCount: n)
    let llIndependent = zip(data, independent.probabilities).reduce(0.0) { $0 + $1.0 * log($1.1) }
    #expect(trained.averageLogLikelihood(data) > llIndependent + 0.05)
  }

  @Test("tuning scores every grid value on the validation split and refits the best on all samples")
  func tuning() throws {
    let target = try GenerativeTarget.barsAndStripes(rows: 2, cols: 2).distribution()
    let samples = target.sample(count: 200, seed: 4)
    for baseline in GenerativeBaseline.allCases {
      let tuned = try GenerativeTuning.tune(baseline, samples: samples, bitCount: 4, seed: 1)
      #expect(tuned.scores.count == baseline.defaultGrid.count)
      #expect(tuned.scores.min() == tuned.scores[baseline.defaultGrid.firstIndex(of: tuned.value) ?? -1])
      #expect(abs(tuned.distribution.probabilities.reduce(0, +) - 1) < 1e-12)
    }
    let parts = try GenerativeTuning.split(samples)
    #expect(parts.fit.count == 150 && parts.validation == Array(samples[150...]))
    #expect(throws: ModelError.self) { try GenerativeTuning.split([1]) }
  }
}

@Suite struct GenerativeTuningTests {
  @Test("a one-value grid is fitted on all samples without a validation split")
  func oneValue() throws {
    var seen: [Int] = []
    let tuned = try GenerativeTuning.tune(grid: [3], samples: Array(0..<10)) { part, _ in
      seen.append(part.count)
      return try .uniform(bitCount: 4, over: part)
    }
    #expect(seen == [10] && tuned.scores.isEmpty && tuned.value == 3)
  }
}
