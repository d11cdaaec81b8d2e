import Foundation

/// The corrected resampled t statistic of Nadeau and Bengio (2003, "Inference for the
/// Generalization Error", Machine Learning 52): seeds that re-split one finite data set share
/// training points, so the variance of the mean lift is `(1/n + nTest/nTrain) · s²` instead of
/// `s²/n`. `testOverTrain = 0` gives the plain paired (one-sample) t statistic.
public struct ResampledT: Sendable, Equatable {
  /// Per-seed values (e.g. paired lifts).
  public var values: [Double]
  /// Test size over training size of each split; 0 when every seed draws fresh data.
  public var testOverTrain: Double

  /// Creates the statistic for `values` with the variance correction `testOverTrain`.
  /// - Precondition: `testOverTrain >= 0`.
  public init(_ values: [Double], testOverTrain: Double = 0) {
    precondition(testOverTrain >= 0, "the test/train ratio is not negative")
    self.values = values; self.testOverTrain = testOverTrain
  }

  /// Number of values.
  public var count: Int { values.count }
  /// Degrees of freedom, n − 1.
  public var degreesOfFreedom: Double { Double(values.count - 1) }
  /// The mean.
  public var mean: Double { QMLKit.mean(values) }

  /// The standard error of the mean: s · √(1/n + nTest/nTrain); NaN for fewer than two values.
  public var standardError: Double {
    guard values.count > 1 else { return .nan }
    let s = sampleStandardDeviation(values)
    return s * (1 / Double(values.count) + testOverTrain).squareRoot()
  }

  /// Two-sided interval at `confidence`: mean ± t_{(1+c)/2, n−1} · standardError.
  /// One value gives `(x, x, x)`; an empty sample NaNs.
  public func interval(confidence: Double) -> (mean: Double, low: Double, high: Double) {
    precondition(confidence > 0 && confidence < 1, "confidence must lie in (0, 1)")
    guard !values.isEmpty else { return (.nan, .nan, .nan) }
    let m = mean
    guard values.count > 1 else { return (m, m, m) }
    let half = studentTQuantile((1 + confidence) / 2, df: degreesOfFreedom) * standardError
    return (m, m - half, m + half)
  }

  /// One-sided p-value of H0 "true mean ≤ `threshold`" against H1 "true mean > `threshold`":
  /// P(T_{n−1} ≥ (mean − threshold)/standardError). Zero spread gives 0 when the mean clears the
  /// threshold and 1 otherwise; fewer than two values NaN.
  public func pValueAbove(_ threshold: Double) -> Double {
    guard values.count > 1 else { return .nan }
    let se = standardError
    let d = mean - threshold
    if se == 0 { return d > 0 ? 0 : 1 }
    return 1 - studentTCDF(d / se, df: degreesOfFreedom)
  }

  /// The smallest number of seeds (at most `limit`) at which an interval of this spread, at
  /// `confidence`, would lie wholly on one side of `threshold` if the mean stayed where it is;
  /// nil when no number up to `limit` would (the mean sits at the threshold, or with re-split data
  /// the `nTest/nTrain` term alone keeps the interval wider than the distance).
  public func seedsNeeded(toSeparateFrom threshold: Double, confidence: Double, limit: Int = 1000) -> Int? {
    guard values.count > 1 else { return nil }
    let s = sampleStandardDeviation(values)
    let distance = abs(mean - threshold)
    guard distance > 0, s > 0 else { return s == 0 && distance > 0 ? max(values.count, 2) : nil }
    var n = 2
    while n <= limit {
      let half = studentTQuantile((1 + confidence) / 2, df: Double(n - 1)) * s * (1 / Double(n) + testOverTrain).squareRoot()
      if half < distance { return n }
      n += n < 50 ? 1 : 10
    }
    return nil
  }
}

/// Holm's step-down adjustment of p-values for a family of tests (Holm 1979): sorted ascending,
/// p_(i) · (m − i + 1), made monotone and capped at 1; returned in the input order. NaNs stay NaN
/// and do not count towards m.
public func holmAdjusted(_ pValues: [Double]) -> [Double] {
  let idx = pValues.indices.filter { !pValues[$0].isNaN }.sorted { pValues[$0] < pValues[$1] }
  let m = idx.count
  var out = pValues
  var running = 0.0
  for (rank, i) in idx.enumerated() {
    running = max(running, min(1, pValues[i] * Double(m - rank)))
    out[i] = running
  }
  return out
}
