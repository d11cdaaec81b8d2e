import Foundation
import Testing
import TestSupport

@testable import QMLKit

@Suite struct GenerativeMetricsTests {
  private func product(_ mu: [Double]) throws -> DiscreteDistribution { try IndependentBernoulli.product(means: mu) }

  @Test("KL of product Bernoullis is the sum of the per-bit KLs; TV of one bit is |a − b|")
  func closedForms() throws {
    let a = [0.2, 0.7, 0.5], b = [0.4, 0.6, 0.1]
    let p = try product(a), q = try product(b)
    let expected = zip(a, b).reduce(0.0) { s, ab in
      let (x, y) = ab
      return s + x * log(x / y) + (1 - x) * log((1 - x) / (1 - y))
    }
    #expect(abs(GenerativeMetrics.kl(p.probabilities, q.probabilities) - expected) < 1e-13)
    #expect(abs(GenerativeMetrics.tv([0.8, 0.2], [0.35, 0.65]) - 0.45) < 1e-15)
    #expect(GenerativeMetrics.kl(p.probabilities, p.probabilities) == 0)
    // A missed bitstring costs p · ln(p / floor), not infinity.
    let missed = GenerativeMetrics.kl([0.5, 0.5], [1, 0])
    #expect(abs(missed - (0.5 * log(0.5) + 0.5 * log(0.5 / GenerativeMetrics.klFloor))) < 1e-12)
  }

  @Test("MMD of one bit by hand: 2 (a − b)² (k(0) − k(1)); zero against itself")
  func mmdOneBit() throws {
    let kernel = try MMDKernel(bandwidths: [0.25, 4])
    let k0 = 1.0, k1 = (exp(-1 / 0.5) + exp(-1 / 8.0)) / 2
    #expect(abs(kernel.value(distance: 1) - k1) < 1e-15)
    let (a, b) = (0.3, 0.9)
    let m = GenerativeMetrics.mmd([1 - a, a], [1 - b, b], kernel: kernel)
    #expect(abs(m - 2 * (a - b) * (a - b) * (k0 - k1)) < 1e-14)
    let d = try GenerativeTarget.barsAndStripes(rows: 2, cols: 2).distribution()
    #expect(GenerativeMetrics.mmd(d.probabilities, d.probabilities, kernel: kernel) == 0)
  }

  @Test("the factorized K·v equals the Gram matrix product")
  func kernelApply() throws {
    let kernel = try MMDKernel()
    let n = 4
    var rng = SplitMix64(state: 3)
    let v = (0..<(1 << n)).map { _ in Double.random(in: -1...1, using: &rng) }
    let fast = kernel.apply(v)
    for x in 0..<(1 << n) {
      let slow = (0..<(1 << n)).reduce(0.0) { $0 + kernel.value(x, $1) * v[$1] }
      #expect(abs(fast[x] - slow) < 1e-13)
    }
  }

  /// Every tuple of `m` draws from `p` with its probability.
  private func tuples(_ p: [Double], _ m: Int) -> [([Int], Double)] {
    var out: [([Int], Double)] = [([], 1)]
    for _ in 0..<m {
      out = out.flatMap { (xs, w) in p.indices.map { (xs + [$0], w * p[$0]) } }
    }
    return out
  }

  @Test("the unbiased MMD² estimators have the exact MMD² as expectation (all samples enumerated)")
  func unbiased() throws {
    let kernel = try MMDKernel()
    let p = [0.1, 0.4, 0.2, 0.3], q = [0.25, 0.05, 0.3, 0.4]
    let exact = GenerativeMetrics.mmd(p, q, kernel: kernel)
    var twoSample = 0.0
    for (xs, wx) in tuples(p, 2) {
      for (ys, wy) in tuples(q, 3) {
        twoSample += wx * wy * (try GenerativeMetrics.mmdUnbiased(xs, ys, bitCount: 2, kernel: kernel))
      }
    }
    #expect(abs(twoSample - exact) < 1e-14)
    let target = try DiscreteDistribution(bitCount: 2, weights: q)
    var oneSample = 0.0
    for (xs, wx) in tuples(p, 3) { oneSample += wx * (try GenerativeMetrics.mmdUnbiased(xs, target: target, kernel: kernel)) }
    #expect(abs(oneSample - exact) < 1e-14)
    #expect(throws: ModelError.self) { try GenerativeMetrics.mmdUnbiased([1], target: target, kernel: kernel) }
  }
}
