import Foundation
import Testing

@testable import QMLKit

@Suite struct GenerativeTargetsTests {
  @Test("bars and stripes: 2^r + 2^c − 2 uniform patterns, each all rows or all columns constant")
  func barsAndStripes() throws {
    for (r, c, count) in [(2, 2, 6), (2, 3, 10), (3, 3, 14)] {
      let d = try GenerativeTarget.barsAndStripes(rows: r, cols: c).distribution()
      #expect(d.bitCount == r * c)
      #expect(d.support.count == count)
      for x in d.support {
        #expect(abs(d.probabilities[x] - 1 / Double(count)) < 1e-15)
        let rowsConstant = (0..<r).allSatisfy { row in Set((0..<c).map { bit(x, row * c + $0) }).count == 1 }
        let colsConstant = (0..<c).allSatisfy { col in Set((0..<r).map { bit(x, $0 * c + col) }).count == 1 }
        #expect(rowsConstant || colsConstant)
      }
    }
    // 2x2: the patterns by hand (pixel (r, c) is bit 2r + c).
    let d = try GenerativeTarget.barsAndStripes(rows: 2, cols: 2).distribution()
    #expect(d.support == [0b0000, 0b0011, 0b0101, 0b1010, 0b1100, 0b1111])
  }

  @Test("cardinality: uniform over the C(n, k) strings of weight k")
  func cardinality() throws {
    let d = try GenerativeTarget.cardinality(n: 6, k: 2).distribution()
    #expect(d.support.count == 15)
    #expect(d.support.allSatisfy { $0.nonzeroBitCount == 2 })
    #expect(abs(d.entropy - log(15)) < 1e-12)
    #expect(throws: ModelError.self) { try GenerativeTarget.cardinality(n: 3, k: 4).distribution() }
  }

  @Test("Ising chain: two spins against the Boltzmann weights written out")
  func isingTwoSpins() throws {
    let (J, h, T) = (0.7, -0.3, 1.5)
    let d = try GenerativeTarget.isingChain(n: 2, coupling: J, field: h, temperature: T).distribution()
    // index bits (x1 x0); s = 1 − 2x: 00 → (+,+), 01 → s0 = −1, 10 → s1 = −1, 11 → (−,−)
    let w = [exp((J + 2 * h) / T), exp(-J / T), exp(-J / T), exp((J - 2 * h) / T)]
    let z = w.reduce(0, +)
    for i in 0..<4 { #expect(abs(d.probabilities[i] - w[i] / z) < 1e-14) }
    #expect(throws: ModelError.self) {
      try GenerativeTarget.isingChain(n: 2, coupling: 1, field: 0, temperature: 0).distribution()
    }
  }

  @Test("sampling follows the probabilities; the empirical distribution counts the draws")
  func sampling() throws {
    let d = try GenerativeTarget.isingChain(n: 3, coupling: 1, field: 0.2, temperature: 2).distribution()
    let xs = d.sample(count: 40_000, seed: 9)
    #expect(xs == d.sample(count: 40_000, seed: 9))
    let e = try DiscreteDistribution.empirical(bitCount: 3, samples: xs)
    #expect(GenerativeMetrics.tv(d.probabilities, e.probabilities) < 0.02)
    #expect(throws: ModelError.self) { try DiscreteDistribution.empirical(bitCount: 3, samples: [8]) }
  }
}
