import ClaimRunner
import ClaimSpec
import Foundation
import Testing

/// junit.xml: the deciding cause first in every failure message; `<error>` for claims that could not run.
@Suite struct JUnitWriterTests {
  /// A result built around a loaded claim, with nothing measured yet.
  func base(expect: String = "supported") throws -> ClaimResult {
    let dir = try SpecFixtures.project()
    let claim = try SpecFixtures.claim(
      SpecFixtures.kernelSpec(id: "j", generator: "adhoc", params: "{features: 2}", samples: 40, map: "zz", minLift: 0.1,
                              expect: expect), name: "j", in: dir)
    var r = InputFailure.result(claim: claim, message: "m", specHash: "h", gitCommit: nil, started: Date())
    r.inputError = nil
    r.reasons = []
    return r
  }

  func lift(_ backend: String, _ mean: Double, _ verdict: Verdict, decisive: Bool = true) -> LiftResult {
    LiftResult(backend: backend, model: "q", perSeed: [mean], summary: IntervalSummary(
      mean: mean, std: 0.01, low: mean - 0.02, high: mean + 0.02, confidence: 0.95, method: "student-t"),
      threshold: 0.1, pValue: 0.5, verdict: verdict, decisive: decisive)
  }

  @Test func aRefutedLiftIsNamedBeforeTheVerdict() throws {
    var r = try base()
    r.lifts = [lift("shots", 0.2, .supported, decisive: false), lift("ideal", 0.03, .refuted)]
    r.verdict = .refuted
    let message = JUnitWriter.failureMessage(r)
    #expect(message.hasPrefix("ideal lift 0.03 [0.01, 0.05] vs min 0.1"), "\(message)")
    #expect(message.hasSuffix("(expected supported, got refuted)"), "\(message)")
    #expect(message.contains("shots lift 0.2") && message.contains("(reported, not decisive)"))
  }

  @Test func aFailedCostBoundComesFirstEvenWhenTheLiftClears() throws {
    var r = try base()
    r.lifts = [lift("ideal", 0.3, .supported)]
    r.costChecks = [BoundCheck(name: "max_qubits", limit: 8, actual: 4, held: true),
                    BoundCheck(name: "max_cloud_usd", limit: 1000, actual: 114166.5, held: false)]
    r.verdict = .refuted
    let message = JUnitWriter.failureMessage(r)
    #expect(message.hasPrefix("cost bound max_cloud_usd: 1.142e+05 > 1000; ideal lift"), "\(message)")
  }

  @Test func aRegressionNamesTheNumberThatMovedFirst() throws {
    var r = try base()
    r.verdict = .supported
    r.regressions = [RegressionCheck(name: "lift ideal", accepted: 0.3, actual: 0.1, tolerance: 0.05, tripped: true)]
    #expect(JUnitWriter.failureMessage(r) == "lift ideal moved from 0.3 to 0.1 (regressed against the accepted snapshot)")
  }

  @Test func aClaimThatCouldNotRunIsAnErrorNotAFailure() throws {
    var r = try base()
    r.verdict = .error
    r.inputError = "specs/j.yaml:4:3: error: dataset: broken"
    r.reasons = ["Could not run: its inputs were refused: specs/j.yaml:4:3: error: dataset: broken"]
    var ok = try base()
    ok.verdict = .supported
    let xml = JUnitWriter.document([r, ok])
    #expect(xml.contains("failures=\"0\"") && xml.contains("errors=\"1\"") && xml.contains("tests=\"2\""), "\(xml)")
    #expect(xml.contains("<error message=\"specs/j.yaml:4:3: error: dataset: broken\" type=\"input\">"), "\(xml)")
    #expect(!xml.contains("<failure"))
  }
}
