import ClaimSpec
import QMLKit

/// How per-seed values become a confidence interval, chosen from where the claim's data come from.
public enum SeedInterval: Sendable, Equatable {
  /// Paired Student-t: every seed draws fresh data (generators), so seeds are independent.
  case pairedT
  /// Corrected resampled t (Nadeau and Bengio 2003): seeds re-split one finite data set, so the
  /// training sets overlap; variance factor 1/n + n_test/n_train.
  case correctedResampledT(testOverTrain: Double)
  /// Percentile bootstrap of the per-seed values (`lift.interval: bootstrap`).
  case bootstrap

  /// The method for a claim: bootstrap when the spec asks for it, else corrected resampled t for
  /// CSV sources (one file re-split, or a fixed train/test pair every seed reuses), else paired t.
  public static func of(_ claim: Claim, trainCount: Int, testCount: Int) -> SeedInterval {
    if claim.criteria.lift.interval == .bootstrap { return .bootstrap }
    switch claim.dataset.source {
    case .generator: return .pairedT
    case .csv, .trainTest:
      return .correctedResampledT(testOverTrain: trainCount > 0 ? Double(testCount) / Double(trainCount) : 0)
    }
  }

  /// The name results record in `IntervalSummary.method`.
  public var name: String {
    switch self {
    case .pairedT: return "student-t"
    case .correctedResampledT: return "corrected-resampled-t"
    case .bootstrap: return "bootstrap"
    }
  }

  /// The variance correction's n_test/n_train (0 when the method has none).
  public var testOverTrain: Double {
    if case .correctedResampledT(let r) = self { return r }
    return 0
  }

  /// The method in one sentence, for the report.
  public var explanation: String {
    switch self {
    case .pairedT:
      return "Every seed draws fresh data, so the seeds are independent: intervals are paired Student-t intervals of the per-seed lifts."
    case .correctedResampledT(let r):
      return "The seeds re-split one finite data set, so their training sets overlap: intervals use the corrected resampled t "
        + "of Nadeau and Bengio (2003), which widens the variance by 1/n + n_test/n_train (here n_test/n_train = \(fmt(r)))."
    case .bootstrap:
      return "Intervals are percentile bootstrap intervals of the per-seed lifts (10,000 resamples), as the spec asks."
    }
  }

  /// The interval of `xs` at `confidence`, its bounds cut to `bounds` when given (noted in `clipped`).
  public func summarize(_ xs: [Double], confidence: Double, bounds: ClosedRange<Double>?, seed: UInt64) -> IntervalSummary {
    guard !xs.isEmpty else {
      return IntervalSummary(mean: .nan, std: .nan, low: .nan, high: .nan, confidence: confidence, method: "none")
    }
    let sd = xs.count > 1 ? sampleStandardDeviation(xs) : 0
    let i: (mean: Double, low: Double, high: Double)
    switch self {
    case .bootstrap: i = bootstrapInterval(xs, confidence: confidence, resamples: 10_000, seed: seed)
    case .pairedT, .correctedResampledT: i = ResampledT(xs, testOverTrain: testOverTrain).interval(confidence: confidence)
    }
    var low = i.low, high = i.high, clipped = false
    if let bounds {
      if low < bounds.lowerBound { low = bounds.lowerBound; clipped = true }
      if high > bounds.upperBound { high = bounds.upperBound; clipped = true }
    }
    return IntervalSummary(mean: i.mean, std: sd, low: low, high: high, confidence: confidence, method: name,
                           clipped: clipped ? true : nil)
  }

  /// One-sided p-value of "mean ≤ threshold" for `xs` (bootstrap claims use the paired t statistic).
  public func pValueAbove(_ threshold: Double, _ xs: [Double]) -> Double {
    ResampledT(xs, testOverTrain: testOverTrain).pValueAbove(threshold)
  }
}
