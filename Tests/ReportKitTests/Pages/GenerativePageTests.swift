import ClaimSpec
import Testing
@testable import ReportKit

@Suite struct GenerativePageTests {
  /// The sample claim turned generative: two outcomes, a baseline and a Born machine.
  static var result: ClaimResult {
    var r = SampleResults.supported
    r.task = "generative"
    r.metric = "kl"
    r.bestBaseline = r.baselines[0].model
    r.generative = GenerativeDistributions(
      target: "cardinality(n=2, k=1)", bits: 2, outcomes: ["01", "10"], targetProbabilities: [0.5, 0.5],
      models: [
        GenerativeHistogram(model: r.baselines[0].model, backend: nil, probabilities: [0.45, 0.5]),
        GenerativeHistogram(model: "qcbm", backend: "ideal", probabilities: [0.3, 0.6])
      ])
    return r
  }

  @Test func theDatasetFigureIsTheModelAgainstTargetHistogram() throws {
    let doc = try ClaimPageTests.render(Self.result)
    let bars = try doc.select("//*[@id='chart-histogram']//rect[@class='bar']")
    // 2 outcomes × (target, best baseline, Born machine).
    #expect(bars.count == 6)
    let titles = bars.compactMap { try? $0.select("./title").first?.textContent }
    #expect(titles.contains("target, 01: 0.500") && titles.contains("qcbm (ideal), 10: 0.600"))
    #expect(try doc.select("//*[@id='chart-scatter']").isEmpty)
    #expect(try doc.select("//th[@data-slot='baseline-cv-head']").map(\.textContent) == ["Validation NLL"])
  }

  @Test func classificationPagesKeepTheirScatterAndHeaders() throws {
    let doc = try ClaimPageTests.render()
    #expect(try doc.select("//*[@id='chart-histogram']").isEmpty)
    #expect(try doc.select("//th[@data-slot='baseline-cv-head']").map(\.textContent) == ["CV score"])
  }

  @Test func aKLLiftIsNotInPercentagePoints() throws {
    let doc = try ClaimPageTests.render(Self.result)
    let cells = try doc.select("//td[@data-cell='mean']").map(\.textContent)
    #expect(!cells.isEmpty && cells.allSatisfy { !$0.contains("points") })
    #expect(Summary.lift(0.25) == "+0.250 (+25.0 points)" && Summary.lift(0.25, metric: "kl") == "+0.250")
    #expect(Causes.shortfall(0.031, metric: "kl") == "0.031 kl" && Causes.shortfall(0.08) == "8.0 points")
  }

  @Test func theDatasetAndTuningSayWhatAGenerativeClaimDid() throws {
    let doc = try ClaimPageTests.render(Self.result)
    let text = try doc.select("//dl[@data-slot='dataset']").map(\.textContent).joined()
    #expect(text.contains("scored against the exact target") && text.contains("bit strings (task generative; metric kl)"))
    #expect(!text.contains("Classes"))
    #expect(ClaimPage.tuningText(TuningBudget(configurations: 3, folds: 1, seconds: 0)) == "tuned over 3 configurations, one held-out validation split, 0.0 s")
    #expect(ClaimPage.tuningText(TuningBudget(configurations: 4, folds: 5, seconds: 1.25)).contains("5-fold CV"))
  }
}
