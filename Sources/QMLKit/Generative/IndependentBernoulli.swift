import Foundation

/// The independent-bits baseline: p(x) = Π_i μ_i^{x_i} (1 − μ_i)^{1 − x_i} with the maximum
/// likelihood estimate under add-α (Laplace) smoothing, μ_i = (N_i + α) / (N + 2α), where N_i
/// counts the samples with bit i set.
public struct IndependentBernoulli: Sendable, Equatable {
  /// The pseudo-count α ≥ 0 (1 is Laplace's rule; 0 the plain MLE).
  public var smoothing: Double

  /// A baseline with pseudo-count `smoothing`.
  public init(smoothing: Double = 1) { self.smoothing = smoothing }

  /// The fitted bit means μ_i from counts over the 2^n bitstrings.
  /// - Throws: `ModelError` for a negative pseudo-count or no data.
  public func means(counts: [Double], bitCount n: Int) throws -> [Double] {
    guard smoothing.isFinite && smoothing >= 0 else {
      throw ModelError.invalidHyperparameter("Bernoulli smoothing must be non-negative, got \(smoothing)")
    }
    let total: Double = counts.reduce(0.0) { $0 + $1 }
    guard total > 0, counts.count == 1 << n else { throw ModelError.invalidData("no training bitstrings") }
    return (0..<n).map { i in
      var ni = 0.0
      for x in counts.indices where bit(x, i) == 1 { ni += counts[x] }
      return (ni + smoothing) / (total + 2 * smoothing)
    }
  }

  /// The fitted distribution.
  /// - Throws: as `means`.
  public func fit(counts: [Double], bitCount n: Int) throws -> DiscreteDistribution {
    try Self.product(means: try means(counts: counts, bitCount: n))
  }

  /// The product distribution with bit means `mu`.
  static func product(means mu: [Double]) throws -> DiscreteDistribution {
    let n = mu.count
    let w = (0..<(1 << n)).map { x in
      (0..<n).reduce(1.0) { $0 * (bit(x, $1) == 1 ? mu[$1] : 1 - mu[$1]) }
    }
    return try DiscreteDistribution(bitCount: n, weights: w)
  }
}
