import ClaimSpec
import Testing
@testable import ReportKit

/// A regression claim's page (issue 19): the predicted-against-true chart with its y = x line,
/// the target instead of classes, and lifts in the metric's own units.
@Suite struct RegressionPageTests {
  static var result: ClaimResult {
    var r = ClaimPageTests.result
    r.metric = "rmse"
    r.task = "regression"
    r.dataset.classes = ["target"]
    r.lifts[0].summary = SampleResults.interval(1.5, 0.5)
    r.predictions = RegressionPredictions(seed: 1, yTrue: [10, 20, 30, 40], series: [
      PredictionSeries(model: "zz-kernel", backend: "ideal", role: "quantum", yPred: [12, 18, 33, 41]),
      PredictionSeries(model: "zz-kernel", backend: "heron", role: "quantum", yPred: [14, 15, 30, 44]),
      PredictionSeries(model: "svm_rbf", backend: nil, role: "baseline", yPred: [11, 22, 29, 38]),
    ])
    return r
  }

  @Test func theRegressionPageDrawsPredictedAgainstTrueWithTheIdentityLine() throws {
    let doc = try ClaimPageTests.render(Self.result)
    let svg = try #require(try doc.select("//*[local-name()='svg' and @id='chart-predictions']").first)
    #expect(try svg.select("./*[local-name()='text' and @class='chart-title']").first?.textContent == "Predicted against true, test split of seed 1")
    #expect(svg.attribute("role") == "img")
    // The first quantum series and the best baseline: 4 markers each; the other backend is named in the caption.
    let legend = try svg.select(".//*[@class='legend']/*[local-name()='text']").map(\.textContent)
    #expect(legend == ["zz-kernel (ideal)", "svm_rbf (best baseline)"])
    #expect(try svg.select(".//*[@class='data']/*").count == 8)
    let line = try #require(try svg.select(".//*[local-name()='line' and @class='identity']").first)
    // y = x: one scale on both axes, so the line runs from the bottom-left to the top-right corner of the plot.
    let (x1, y1, x2, y2) = (SVGTest.number(line, "x1"), SVGTest.number(line, "y1"), SVGTest.number(line, "x2"), SVGTest.number(line, "y2"))
    #expect(x2 > x1 && y2 < y1)
    #expect(abs((x2 - x1) / (y1 - y2) - (420.0 - 0) / 360.0) < 2, "a diagonal of the plot area")
    let caption = try doc.select("//figure[@data-slot='predictions']/figcaption").first?.textContent ?? ""
    #expect(caption.contains("4 test points of seed 1") && caption.contains("other 1 backend"))
  }

  @Test func liftsAreInTheTargetsUnitsAndTheDatasetNamesTheTarget() throws {
    let doc = try ClaimPageTests.render(Self.result)
    #expect(try doc.select("//section[@id='lift']//td[@data-cell='mean']").first?.textContent == "+1.500")
    let terms = try doc.select("//*[@data-slot='dataset']/dt").map(\.textContent)
    #expect(terms.contains("Target") && !terms.contains("Classes"))
    #expect(try doc.select("//*[@data-slot='dataset']/dd").map(\.textContent).contains("real-valued (task regression; metric rmse)"))
    let text = try doc.select("//body").first?.textContent ?? ""
    #expect(!text.contains("accuracy") && !text.contains("points)"))
  }

  @Test func aClassificationPageHasNoPredictionsFigure() throws {
    let doc = try ClaimPageTests.render()
    #expect(try doc.select("//figure[@data-slot='predictions']").isEmpty)
    #expect(try doc.select("//*[local-name()='svg' and @id='chart-predictions']").isEmpty)
  }
}
