import ClaimSpec
import QMLKit

/// How lift turns into a verdict: the interval of the per-seed lift against the threshold.
///
/// `supported` when the lower bound clears `min`, `refuted` when the upper bound is below
/// it, `inconclusive` when the interval straddles it, or when the interval cannot carry a
/// decision (fewer than 3 seeds, or no spread from fewer than 5). A claim is supported only if
/// every decisive backend is supported and every cost bound holds; a failed cost bound refutes it.
public enum VerdictRule {
  /// Fewest values a decisive interval needs.
  public static let decisiveSeeds = ClaimRigor.decisiveSeeds
  /// Fewest values a zero-spread interval needs to be decisive.
  public static let decisiveSeedsWithoutSpread = 5

  /// Lift per seed, paired: quantum minus baseline (or baseline minus quantum for a loss metric).
  public static func pairedLift(quantum: [Double], baseline: [Double], higherIsBetter: Bool) -> [Double] {
    precondition(quantum.count == baseline.count, "lift needs one quantum and one baseline score per seed")
    return zip(quantum, baseline).map { higherIsBetter ? $0 - $1 : $1 - $0 }
  }

  /// The interval summary of per-seed values at `confidence`, by Student-t or percentile bootstrap.
  public static func summarize(_ xs: [Double], confidence: Double, bootstrap: Bool, seed: UInt64 = 0) -> IntervalSummary {
    (bootstrap ? SeedInterval.bootstrap : .pairedT).summarize(xs, confidence: confidence, bounds: nil, seed: seed)
  }

  /// Why an interval of `count` values cannot decide, or nil when it can.
  public static func undecidable(_ lift: IntervalSummary, count: Int) -> String? {
    if count < decisiveSeeds {
      return "\(count) seed\(count == 1 ? "" : "s") cannot decide a claim: a decisive verdict needs at least \(decisiveSeeds)"
    }
    if lift.std == 0 && count < decisiveSeedsWithoutSpread {
      return "the \(count) per-seed lifts are identical, and an interval with no spread from fewer than "
        + "\(decisiveSeedsWithoutSpread) seeds is not evidence"
    }
    return nil
  }

  /// Verdict of one backend's lift interval against the threshold (the interval alone).
  public static func backendVerdict(_ lift: IntervalSummary, threshold: Double) -> Verdict {
    if lift.low >= threshold { return .supported }
    if lift.high < threshold { return .refuted }
    return .inconclusive
  }

  /// Verdict of one backend's lift from `count` seeds, with the reason when too few seeds or no
  /// spread make it inconclusive whatever the interval says.
  public static func backendVerdict(_ lift: IntervalSummary, threshold: Double, count: Int) -> (Verdict, String?) {
    if let why = undecidable(lift, count: count) { return (.inconclusive, why) }
    return (backendVerdict(lift, threshold: threshold), nil)
  }

  /// The confidence of each of `tests` intervals so that all hold together at `confidence` (Bonferroni).
  public static func familyConfidence(_ confidence: Double, tests: Int) -> Double {
    tests <= 1 ? confidence : 1 - (1 - confidence) / Double(tests)
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
