/// The counts of a suite of claim results: verdicts, claims failing the build, claims that
/// could not run, total time. One type, used by the summary table, junit.xml, the report's
/// index and badge, and the command line, so they never disagree.
public struct SuiteSummary: Sendable, Equatable {
  /// Claims in the suite.
  public var claims: Int
  /// Claims per verdict (every verdict present, 0 when none).
  public var verdicts: [Verdict: Int]
  /// Claims failing the build (verdict other than expected, or a regression tripped).
  public var failing: Int
  /// Claims failing the build on their evidence: `failing` without those that could not run
  /// (junit.xml counts those as errors).
  public var failures: Int
  /// Summed run time of the claims, in seconds (cached claims count their original time).
  public var seconds: Double

  /// The summary of `results`.
  public init(_ results: [ClaimResult]) {
    claims = results.count
    verdicts = Dictionary(uniqueKeysWithValues: Verdict.allCases.map { v in (v, results.filter { $0.verdict == v }.count) })
    failing = results.filter { !$0.passed }.count
    failures = results.filter { !$0.passed && $0.verdict != .error }.count
    seconds = results.reduce(0) { $0 + $1.manifest.seconds }
  }

  /// Claims with verdict `v`.
  public subscript(_ v: Verdict) -> Int { verdicts[v] ?? 0 }

  /// Claims that could not run (verdict `error`).
  public var errors: Int { self[.error] }

  /// "N supported, N refuted, N inconclusive, N failing the build" (plus ", N could not run").
  public var line: String {
    var text = "\(self[.supported]) supported, \(self[.refuted]) refuted, \(self[.inconclusive]) inconclusive, "
      + "\(failing) failing the build"
    if errors > 0 { text += ", \(errors) could not run" }
    return text
  }
}
