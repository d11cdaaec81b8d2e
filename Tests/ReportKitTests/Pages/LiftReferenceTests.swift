import ClaimSpec
import Testing

@testable import ReportKit

/// The lift axis names what the lift is over from the typed `reference`, never from prose.
@Suite struct LiftReferenceTests {
  @Test func namesTheBestBaselineANamedBaselineOrAQuantumModel() {
    var r = SampleResults.supported
    r.bestBaseline = "svm_rbf"
    r.reasons = ["zz's lift over baseline knn is +0.2"]  // prose is not read
    for i in r.lifts.indices { r.lifts[i].reference = "the best baseline by cross-validation" }
    #expect(LiftReference.name(r) == "svm_rbf (best baseline)")
    for i in r.lifts.indices { r.lifts[i].reference = "quantum model hea" }
    #expect(LiftReference.name(r) == "quantum model hea")
    for i in r.lifts.indices { r.lifts[i].reference = nil }
    #expect(LiftReference.name(r) == "svm_rbf (best baseline)")
    r.lifts = [r.lifts[0]]
    r.lifts[0].reference = "baseline knn"
    #expect(LiftReference.axisLabel(r) == "lift of \(r.lifts[0].model) over baseline knn")
  }
}
