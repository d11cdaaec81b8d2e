import Foundation

/// The classical generative baselines, each with one tuned hyperparameter and its default grid.
public enum GenerativeBaseline: String, Sendable, CaseIterable, Codable {
  /// Independent bits (`IndependentBernoulli`); tunes the pseudo-count α.
  case bernoulli
  /// A Bernoulli mixture by EM (`BernoulliMixture`); tunes the number of components.
  case bernoulliMixture = "bernoulli_mixture"
  /// A restricted Boltzmann machine with the exact gradient (`RestrictedBoltzmannMachine`);
  /// tunes the hidden units.
  case rbm
  /// A logistic autoregressive model (`AutoregressiveModel`); tunes the L2 penalty λ.
  case autoregressive

  /// The name of the tuned hyperparameter.
  public var hyperparameter: String {
    switch self {
    case .bernoulli: return "smoothing"
    case .bernoulliMixture: return "components"
    case .rbm: return "hidden"
    case .autoregressive: return "penalty"
    }
  }

  /// The default grid of the tuned hyperparameter.
  public var defaultGrid: [Double] {
    switch self {
    case .bernoulli: return [0.1, 0.5, 1]
    case .bernoulliMixture: return [1, 2, 4, 8, 16]
    case .rbm: return [2, 4, 8]
    case .autoregressive: return [1e-4, 1e-3, 1e-2, 1e-1]
    }
  }

  /// The distribution fitted to training counts over the 2^n bitstrings with hyperparameter
  /// `value` (integers for components and hidden units: the value is rounded).
  /// - Throws: `ModelError` for invalid hyperparameters or data.
  public func fit(counts: [Double], bitCount n: Int, value: Double, seed: UInt64) throws -> DiscreteDistribution {
    let total: Double = counts.reduce(0.0) { $0 + $1 }
    guard total > 0, counts.count == 1 << n else { throw ModelError.invalidData("no training bitstrings") }
    let data = counts.map { $0 / total }
    switch self {
    case .bernoulli:
      return try IndependentBernoulli(smoothing: value).fit(counts: counts, bitCount: n)
    case .bernoulliMixture:
      return try BernoulliMixture(components: Int(value.rounded())).fit(counts: counts, bitCount: n, seed: seed).distribution
    case .rbm:
      return try RestrictedBoltzmannMachine(hidden: Int(value.rounded())).fit(data: data, bitCount: n, seed: seed).distribution()
    case .autoregressive:
      return try AutoregressiveModel(penalty: value).fit(data: data, bitCount: n).distribution()
    }
  }
}
