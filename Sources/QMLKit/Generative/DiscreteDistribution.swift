import Foundation
import QuantumSim

/// A probability distribution over the 2^n bitstrings of n bits, stored as exact probabilities.
///
/// Index bit i is bit i of the string (bit 0 least significant), the same convention as a
/// basis-state index of `QuantumSim` (qubit q is index bit q), so Born probabilities need no
/// reordering.
public struct DiscreteDistribution: Sendable, Equatable {
  /// The number of bits n.
  public let bitCount: Int
  /// Probability of each bitstring index 0..<2^n; non-negative, summing to 1.
  public let probabilities: [Double]

  /// The largest n accepted: 2^20 entries.
  public static let maximumBits = 20

  /// A distribution from non-negative weights over 2^n entries, normalized to sum to 1.
  /// - Throws: `ModelError.invalidData` for a wrong length, a negative or non-finite weight, or
  ///   weights summing to zero.
  public init(bitCount: Int, weights: [Double]) throws {
    guard bitCount >= 1 && bitCount <= Self.maximumBits else {
      throw ModelError.invalidData("a distribution needs 1 to \(Self.maximumBits) bits, got \(bitCount)")
    }
    guard weights.count == 1 << bitCount else {
      throw ModelError.invalidData("\(weights.count) weights for \(bitCount) bits; expected \(1 << bitCount)")
    }
    guard weights.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
      throw ModelError.invalidData("weights must be finite and non-negative")
    }
    let total: Double = weights.reduce(0.0) { $0 + $1 }
    guard total > 0 else { throw ModelError.invalidData("weights sum to zero") }
    self.bitCount = bitCount
    self.probabilities = weights.map { $0 / total }
  }

  /// The uniform distribution over `support` (indices into 0..<2^n, repeats ignored).
  /// - Throws: as `init(bitCount:weights:)`, and for an index out of range.
  public static func uniform(bitCount: Int, over support: [Int]) throws -> DiscreteDistribution {
    guard bitCount >= 1 && bitCount <= maximumBits else {
      throw ModelError.invalidData("a distribution needs 1 to \(maximumBits) bits, got \(bitCount)")
    }
    var w = [Double](repeating: 0, count: 1 << bitCount)
    for i in support {
      guard i >= 0 && i < w.count else { throw ModelError.invalidData("bitstring index \(i) outside 0..<\(w.count)") }
      w[i] = 1
    }
    return try DiscreteDistribution(bitCount: bitCount, weights: w)
  }

  /// The empirical distribution of `samples` (bitstring indices).
  /// - Throws: `ModelError.invalidData` for no samples or an index out of range.
  public static func empirical(bitCount: Int, samples: [Int]) throws -> DiscreteDistribution {
    guard !samples.isEmpty else { throw ModelError.invalidData("no samples") }
    return try DiscreteDistribution(bitCount: bitCount, weights: counts(of: samples, size: 1 << bitCount))
  }

  /// The number of entries, 2^n.
  public var size: Int { probabilities.count }

  /// Indices with non-zero probability.
  public var support: [Int] { probabilities.indices.filter { probabilities[$0] > 0 } }

  /// Shannon entropy in nats.
  public var entropy: Double {
    probabilities.reduce(0) { $1 > 0 ? $0 - $1 * Foundation.log($1) : $0 }
  }

  /// `count` independent draws (bitstring indices) in draw order, seeded: inverse-CDF sampling
  /// by binary search on the cumulative probabilities.
  public func sample(count: Int, seed: UInt64) -> [Int] {
    var rng = SeededGenerator(seed: seed)
    return sample(count: count, using: &rng)
  }

  /// `count` independent draws from `rng`.
  public func sample(count: Int, using rng: inout SeededGenerator) -> [Int] {
    var cdf = [Double](repeating: 0, count: size)
    var c = 0.0
    for i in 0..<size {
      c += probabilities[i]
      cdf[i] = c
    }
    let last = probabilities.lastIndex { $0 > 0 } ?? (size - 1)
    return (0..<max(count, 0)).map { _ in
      let u = rng.nextUnit() * c
      var lo = 0, hi = last
      while lo < hi {
        let mid = (lo + hi) / 2
        if cdf[mid] > u { hi = mid } else { lo = mid + 1 }
      }
      return lo
    }
  }

  /// Counts of each index among `samples`.
  /// - Throws: `ModelError.invalidData` for an index outside 0..<size.
  static func counts(of samples: [Int], size: Int) throws -> [Double] {
    var w = [Double](repeating: 0, count: size)
    for s in samples {
      guard s >= 0 && s < size else { throw ModelError.invalidData("bitstring index \(s) outside 0..<\(size)") }
      w[s] += 1
    }
    return w
  }
}

/// Bit `i` of bitstring index `x` as 0 or 1.
@inline(__always) func bit(_ x: Int, _ i: Int) -> Int { (x >> i) & 1 }
