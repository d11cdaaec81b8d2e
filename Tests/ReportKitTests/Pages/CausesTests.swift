import ClaimSpec
import Testing
@testable import ReportKit

@Suite struct CausesTests {
  @Test func costLiftAndRegressionCausesSayByHowMuch() {
    var r = SampleResults.supported
    r.verdict = .refuted
    r.costChecks = [BoundCheck(name: "max_cloud_usd", limit: 1000, actual: 114_166.5, held: false),
                    BoundCheck(name: "max_qubits", limit: 8, actual: 2, held: true)]
    r.lifts[0].verdict = .refuted
    r.lifts[0].summary = SampleResults.interval(0.0, 0.02)   // [-0.02, +0.02], min +0.10
    r.lifts[1].decisive = false
    r.lifts[1].verdict = .inconclusive
    r.regressions = [RegressionCheck(name: "lift ideal", accepted: 0.2, actual: 0.0, tolerance: 0.03, tripped: true)]
    #expect(Causes.of(r) == [
      "cloud cost $114,166.50 > $1,000.00",
      "lift on ideal [\u{2212}0.020, +0.020] < min +0.100 by 8.0 points",
      "lift ideal regressed 0.200 \u{2192} 0.000 (\u{2212}0.200, tolerance \u{00B1}0.030)",
    ])
  }

  @Test func aCostRegressionReadsInTheBoundsUnits() {
    var r = SampleResults.supported
    r.regressions = [RegressionCheck(name: "cost max_depth", accepted: 20, actual: 44, tolerance: 0.1, tripped: true)]
    #expect(Causes.of(r) == ["cost max_depth regressed 20 \u{2192} 44 (tolerance +10%)"])
  }

  @Test func inconclusiveLiftSaysHowFarTheLowerBoundIsShort() {
    var l = SampleResults.supported.lifts[0]
    l.verdict = .inconclusive
    l.summary = SampleResults.interval(0.1, 0.05)
    #expect(Causes.lift(l) == "lift on ideal [+0.050, +0.150] straddles min +0.100: lower bound 5.0 points short")
  }

  @Test func aVerdictOtherThanExpectedWithNoOtherCauseIsNamed() {
    var r = SampleResults.supported
    r.expected = .refuted
    #expect(Causes.of(r) == ["verdict supported, but the spec expects refuted"])
    #expect(Causes.of(SampleResults.supported).isEmpty)
  }
}
