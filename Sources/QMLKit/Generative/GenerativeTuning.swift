import Foundation

/// Tuning of generative models, the same way for every model: the training samples are split
/// into a fitting part (the first 1 − f) and a validation part (the last f; samples are drawn
/// i.i.d., so this is a random split), every grid value is fitted on the fitting part and scored
/// by the validation negative log-likelihood, and the best value is refitted on all samples.
public enum GenerativeTuning {
  /// The default validation fraction f.
  public static let validationFraction = 0.25

  /// The mean negative log-likelihood of `samples` under `model`, probabilities floored at
  /// `GenerativeMetrics.klFloor` (so a model that misses a validation bitstring scores finitely).
  public static func validationNLL(_ model: DiscreteDistribution, samples: [Int]) -> Double {
    guard !samples.isEmpty else { return .infinity }
    let s = samples.reduce(0.0) { acc, x in
      acc - log(max(x >= 0 && x < model.size ? model.probabilities[x] : 0, GenerativeMetrics.klFloor))
    }
    return s / Double(samples.count)
  }

  /// The fitting and validation parts of `samples`.
  /// - Throws: `ModelError.invalidData` when either part would be empty or f is outside (0, 1).
  public static func split(_ samples: [Int], fraction f: Double = validationFraction) throws -> (fit: [Int], validation: [Int]) {
    guard f > 0 && f < 1 else { throw ModelError.invalidHyperparameter("validation fraction must be in (0, 1), got \(f)") }
    let nv = Int((Double(samples.count) * f).rounded())
    guard nv >= 1 && nv < samples.count else {
      throw ModelError.invalidData("\(samples.count) training samples cannot be split for validation")
    }
    return (Array(samples[..<(samples.count - nv)]), Array(samples[(samples.count - nv)...]))
  }

  /// The outcome of tuning one model.
  public struct Tuned: Sendable {
    /// The chosen grid value.
    public let value: Double
    /// The validation NLL of every grid value, in grid order (empty for a one-value grid).
    public let scores: [Double]
    /// The model refitted on all samples with the chosen value.
    public let distribution: DiscreteDistribution

    /// The validation NLL of the chosen value (NaN when validation was skipped).
    public var chosenScore: Double { scores.min() ?? .nan }
  }

  /// Tunes `fit(samples, value)` over `grid` (the first best value wins ties). A grid of one
  /// value is fitted on all samples directly, without a validation split (`scores` is empty),
  /// unless `validateSingle` asks for its validation score anyway.
  /// - Throws: `ModelError` from the split or `fit`.
  public static func tune(
    grid: [Double], samples: [Int], fraction: Double = validationFraction, validateSingle: Bool = false,
    fit: ([Int], Double) throws -> DiscreteDistribution
  ) throws -> Tuned {
    guard !grid.isEmpty else { throw ModelError.invalidHyperparameter("empty grid") }
    if grid.count == 1 && !validateSingle { return Tuned(value: grid[0], scores: [], distribution: try fit(samples, grid[0])) }
    let parts = try split(samples, fraction: fraction)
    var scores: [Double] = []
    for v in grid { scores.append(validationNLL(try fit(parts.fit, v), samples: parts.validation)) }
    var best = 0
    for i in scores.indices where scores[i] < scores[best] { best = i }
    return Tuned(value: grid[best], scores: scores, distribution: try fit(samples, grid[best]))
  }

  /// Tunes a classical baseline on training samples.
  /// - Throws: as `tune(grid:samples:fraction:fit:)`.
  public static func tune(
    _ baseline: GenerativeBaseline, grid: [Double]? = nil, samples: [Int], bitCount n: Int, seed: UInt64,
    fraction: Double = validationFraction, validateSingle: Bool = false
  ) throws -> Tuned {
    try tune(grid: grid ?? baseline.defaultGrid, samples: samples, fraction: fraction, validateSingle: validateSingle) {
      part, v in
      try baseline.fit(counts: DiscreteDistribution.counts(of: part, size: 1 << n), bitCount: n, value: v, seed: seed)
    }
  }
}
