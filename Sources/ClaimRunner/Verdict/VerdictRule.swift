import ClaimSpec
import QMLKit

/// How lift turns into a verdict: the interval of the per-seed lift against the threshold.
///
/// `supported` when the lower bound clears `min`, `refuted` when the upper bound is below
/// it, `inconclusive` when the interval straddles it. A claim is supported only if every
/// named backend is supported and every cost bound holds; a failed cost bound refutes it.
public enum VerdictRule {
  /// Lift per seed, paired: quantum minus baseline (or baseline minus quantum for a loss metric).
  public static func pairedLift(quantum: [Double], baseline: [Double], higherIsBetter: Bool) -> [Double] {
    precondition(quantum.count == baseline.count, "lift needs one quantum and one baseline score per seed")
    return zip(quantum, baseline).map { higherIsBetter ? $0 - $1 : $1 - $0 }
  }

  /// The interval summary of per-seed values at `confidence`, by Student-t or percentile bootstrap.
  public static func summarize(_ xs: [Double], confidence: Double, bootstrap: Bool, seed: UInt64 = 0) -> IntervalSummary {
    let m = mean(xs)
    let sd = xs.count > 1 ? sampleStandardDeviation(xs) : 0
    if bootstrap {
      let b = bootstrapInterval(xs, confidence: confidence, resamples: 10_000, seed: seed)
      return IntervalSummary(mean: m, std: sd, low: b.low, high: b.high, confidence: confidence, method: "bootstrap")
    }
    let t = studentTInterval(xs, confidence: confidence)
    return IntervalSummary(mean: m, std: sd, low: t.low, high: t.high, confidence: confidence, method: "student-t")
  }

  /// Verdict of one backend's lift interval against the threshold.
  public static func backendVerdict(_ lift: IntervalSummary, threshold: Double) -> Verdict {
    if lift.low >= threshold { return .supported }
    if lift.high < threshold { return .refuted }
    return .inconclusive
  }

  /// Combines per-backend verdicts and cost checks into the claim's verdict.
  public static func claimVerdict(backends: [Verdict], costHeld: Bool) -> Verdict {
    if backends.contains(.error) || backends.isEmpty { return .error }
    if !costHeld { return .refuted }
    if backends.allSatisfy({ $0 == .supported }) { return .supported }
    if backends.contains(.refuted) { return .refuted }
    return .inconclusive
  }
}
