import ClaimSpec
import Foundation
import Testing
@testable import ReportKit

/// The claim page and index tell the referee's story: the non-inferiority wording, the one-sided
/// p-value against the threshold, the interval method, the baseline chosen per seed.
@Suite struct InferenceTextTests {
  func nonInferior() -> ClaimResult {
    var r = SampleResults.supported
    r.verdict = .supported
    r.expected = .supported
    for i in r.lifts.indices {
      r.lifts[i].threshold = -0.03
      r.lifts[i].verdict = .supported
      r.lifts[i].pValue = 0.0123
      r.lifts[i].pValueHolm = 0.0246
      r.lifts[i].referenceScores = [0.9, 0.91, 0.92]
      r.lifts[i].reference = "the best baseline by cross-validation"
    }
    r.inference = InferenceSummary(
      method: "corrected-resampled-t", explanation: "The seeds re-split one finite data set, so their training sets overlap.",
      comparison: "non-inferiority", margin: 0.03, tests: 2, intervalConfidence: 0.975,
      verdictLabel: "non-inferior (margin 0.030)", testOverTrain: 0.43)
    r.bestBaselinePerSeed = ["svm_rbf", "logistic_regression", "svm_rbf"]
    return r
  }

  @Test func theClaimPageStatesMethodPValueAndChoices() throws {
    let html = try ClaimPage.render(nonInferior(), history: [], template: EmbeddedTemplates.claimHTML, file: "x.html")
    #expect(html.contains("non-inferior (margin 0.030)"))
    #expect(html.contains("p, one-sided vs threshold"))
    #expect(html.contains("0.025 (Holm)"))
    #expect(html.contains("re-split one finite data set"))
    #expect(html.contains("Bonferroni-adjusted confidence 97.5%"))
    #expect(html.contains("Best baseline by cross-validation in each seed: logistic_regression 1, svm_rbf 2."))
    #expect(html.contains("0.900, 0.910, 0.920"))
    #expect(!html.contains("supported beside"))
  }

  @Test func theIndexRowCarriesTheLabel() throws {
    let html = try IndexPage.render([nonInferior()], template: EmbeddedTemplates.indexHTML, file: "index.html")
    #expect(html.contains("non-inferior (margin 0.030)"))
  }

  @Test func dequantizedBaselinesAreExplainedOnThePage() throws {
    var r = SampleResults.supported
    r.baselines[1].model = "rff_quantum"
    let html = try ClaimPage.render(r, history: [], template: EmbeddedTemplates.claimHTML, file: "x.html")
    #expect(html.contains("random Fourier features drawn from the quantum model's own frequency spectrum"))
    #expect(ClaimPage.dequantizedNote("svm_rbf") == nil)
  }

  @Test func aDesignChangedOnSeenSeedsIsShownFirstAmongTheWarnings() throws {
    var r = SampleResults.supported
    r.designWarning = "changed after its results were seen on these seeds: confirm on fresh seeds"
    let html = try ClaimPage.render(r, history: [], template: EmbeddedTemplates.claimHTML, file: "x.html")
    #expect(html.contains("Design changed after its results were seen on these seeds: confirm on fresh seeds"))
  }
}
