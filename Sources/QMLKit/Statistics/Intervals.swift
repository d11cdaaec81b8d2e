import Foundation
import QuantumSim

/// Two-sided Student-t confidence interval for the mean of `xs`:
/// mean ± t_{(1+confidence)/2, n−1} · s / √n.
///
/// One value gives the degenerate interval `(x, x, x)` (no spread can be estimated;
/// callers that need a real interval must use more seeds). An empty sample gives NaNs.
/// - Precondition: `0 < confidence < 1`.
public func studentTInterval(_ xs: [Double], confidence: Double) -> (mean: Double, low: Double, high: Double) {
  precondition(confidence > 0 && confidence < 1, "confidence must lie in (0, 1)")
  guard !xs.isEmpty else { return (.nan, .nan, .nan) }
  let m = mean(xs)
  guard xs.count > 1 else { return (m, m, m) }
  let half = studentTQuantile((1 + confidence) / 2, df: Double(xs.count - 1))
    * sampleStandardDeviation(xs) / Double(xs.count).squareRoot()
  return (m, m - half, m + half)
}

/// Percentile bootstrap confidence interval for the mean: `resamples` resamples with
/// replacement drawn from `SeededGenerator(seed:)`, bounds at the (1 ± confidence)/2
/// quantiles of the resampled means (linear interpolation). One value gives `(x, x, x)`,
/// an empty sample NaNs.
/// - Precondition: `0 < confidence < 1`, `resamples >= 1`.
public func bootstrapInterval(_ xs: [Double], confidence: Double, resamples: Int = 10_000, seed: UInt64)
  -> (mean: Double, low: Double, high: Double)
{
  precondition(confidence > 0 && confidence < 1, "confidence must lie in (0, 1)")
  precondition(resamples >= 1, "at least one bootstrap resample")
  guard !xs.isEmpty else { return (.nan, .nan, .nan) }
  let m = mean(xs)
  guard xs.count > 1 else { return (m, m, m) }
  var rng = SeededGenerator(seed: seed)
  let n = xs.count
  var means = [Double](repeating: 0, count: resamples)
  for r in 0..<resamples {
    var s = 0.0
    for _ in 0..<n { s += xs[Int(rng.next() % UInt64(n))] }
    means[r] = s / Double(n)
  }
  let alpha = (1 - confidence) / 2
  return (m, quantile(means, alpha), quantile(means, 1 - alpha))
}
