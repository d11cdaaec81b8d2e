/// The distributions of a generative claim's first seed, for the model-against-target histogram:
/// the exact target and every model's scored distribution over the same bitstrings.
public struct GenerativeDistributions: Codable, Sendable, Equatable {
  /// The target as described in the spec, e.g. "bars_and_stripes(rows=2, cols=2)".
  public var target: String
  /// Bits per string.
  public var bits: Int
  /// The bitstrings shown (bit 0 rightmost), in index order: the target's support and every
  /// string a model gives at least 1% (at most `maximumOutcomes`, the most probable first kept).
  public var outcomes: [String]
  /// The target's probability of each outcome.
  public var targetProbabilities: [Double]
  /// Each model's probability of each outcome (baselines, then quantum models per backend).
  public var models: [GenerativeHistogram]
  /// Probability the shown outcomes leave out, per model (same order as `models`).
  public var otherMass: [Double]?

  /// The most outcomes stored.
  public static let maximumOutcomes = 64

  /// Creates the distributions record.
  public init(target: String, bits: Int, outcomes: [String], targetProbabilities: [Double], models: [GenerativeHistogram]) {
    self.target = target; self.bits = bits; self.outcomes = outcomes; self.targetProbabilities = targetProbabilities
    self.models = models
  }
}

/// One model's histogram over `GenerativeDistributions.outcomes`.
public struct GenerativeHistogram: Codable, Sendable, Equatable {
  /// Model id (baseline id or quantum model id).
  public var model: String
  /// Backend id for a quantum model, nil for a classical baseline.
  public var backend: String?
  /// Probability of each outcome.
  public var probabilities: [Double]

  /// Creates a histogram.
  public init(model: String, backend: String?, probabilities: [Double]) {
    self.model = model; self.backend = backend; self.probabilities = probabilities
  }
}
