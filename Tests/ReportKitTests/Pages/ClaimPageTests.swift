import ClaimSpec
import Testing
@testable import ReportKit

@Suite struct ClaimPageTests {
  /// The sample claim with a device backend without prices, cost bounds and a wrapped hypothesis.
  static var result: ClaimResult {
    var r = SampleResults.supported
    r.hypothesis = "A ZZ kernel beats\na tuned RBF SVM.\n\nOn the device too."
    r.costs[1].cloudUsd = 0
    r.costs[1].queueSeconds = 0
    r.costs[1].shots = 67_092_480
    r.costChecks = [BoundCheck(name: "max_depth", limit: 40, actual: 14, held: true),
                    BoundCheck(name: "max_shots", limit: 1e8, actual: 67_092_480, held: true)]
    r.reasons = ["On ideal, zz-kernel's lift over the best baseline by cross-validation is [+0.14, +0.22], clearing 0.10."]
    return r
  }

  static func render(_ r: ClaimResult = result) throws -> MarkupDocument {
    let links = ClaimLinks(spec: "../../specs/adhoc.yaml", results: "../results/adhoc-zz.json", junit: "../junit.xml",
                           snapshot: "../../specs/accepted/adhoc-zz.json")
    let html = try ClaimPage.render(r, history: SampleResults.history, template: ReportTemplates.embedded.claimHTML,
                                    file: "claim.html", links: links)
    return try MarkupDocument.parseHTML(html, name: "claim.html")
  }

  @Test func unpricedDeviceAndUnknownQueueAreSaid() throws {
    let doc = try Self.render()
    #expect(try doc.select("//td[@data-cell='price']").map(\.textContent) == ["none (simulator)", "not priced"])
    #expect(try doc.select("//td[@data-cell='queue']").map(\.textContent) == ["none (simulator)", "unknown"])
    #expect(try doc.select("//td[@data-cell='shots']").map(\.textContent) == ["exact", "67,092,480"])
  }

  @Test func boundsSayWhetherTheyAreTheWorstOrATotal() throws {
    let doc = try Self.render()
    #expect(try doc.select("//th[.='Measured (worst)']").isEmpty)
    #expect(try doc.select("//section[@id='cost']//td[@data-cell='actual']").map(\.textContent) == ["14", "67,092,480"])
    let aggregates = try doc.select("//td[@data-cell='aggregate']").map(\.textContent)
    #expect(aggregates == ["worst model and backend", "total over models, backends and seeds"])
  }

  @Test func linksHypothesisAndLiftPoints() throws {
    let doc = try Self.render()
    let hrefs = try doc.select("//*[@data-slot='links']/a").map { $0.attribute("href") ?? "" }
    #expect(hrefs == ["../../specs/adhoc.yaml", "../results/adhoc-zz.json", "../junit.xml", "../../specs/accepted/adhoc-zz.json"])
    var unaccepted = Self.result
    unaccepted.regressions = []
    let without = try Self.render(unaccepted).select("//*[@data-slot='links']/a").map(\.textContent)
    #expect(!without.contains("accepted/adhoc-zz.json"))
    #expect(try doc.select("//*[@data-slot='hypothesis']/p").map(\.textContent)
      == ["A ZZ kernel beats a tuned RBF SVM.", "On the device too."])
    #expect(try doc.select("//section[@id='lift']//td[@data-cell='mean']").first?.textContent == "+0.180 (+18.0 points)")
  }

  @Test func chartsHaveVisibleTitlesFixedModelColoursAndLimits() throws {
    let doc = try Self.render()
    for svg in try doc.select("//*[local-name()='svg']") {
      let visible = try svg.select("./*[local-name()='text' and @class='chart-title']").first?.textContent ?? ""
      #expect(!visible.isEmpty, "\(svg.attribute("id") ?? "?") has no visible title")
    }
    // zz-kernel has one colour on every chart, and it is not a verdict colour.
    let colour = ModelColours(Self.result).colour("zz-kernel")
    #expect(!Palette.verdicts.contains(colour))
    let metricBars = try doc.select("//*[@id='chart-metric']//*[@class='bar']").filter {
      $0.children.first?.textContent.hasPrefix("zz-kernel") == true
    }
    #expect(!metricBars.isEmpty && metricBars.allSatisfy { $0.attribute("fill") == colour })
    let segments = try doc.select("//*[@id='chart-cost-depth']//*[@class='segment']")
    #expect(segments.allSatisfy { $0.attribute("fill") == colour })
    let baseline = try doc.select("//*[@id='chart-metric']//*[@class='bar']").first { $0.children.first?.textContent.hasPrefix("svm_rbf") == true }
    #expect(baseline?.attribute("fill") == ModelColours(Self.result).colour("svm_rbf"))
    #expect(baseline?.attribute("fill") != colour)
    // A limit line where the criteria bound the depth; a note where they do not bound the gates.
    #expect(try doc.select("//*[@id='chart-cost-depth']//*[@class='limit']").count == 1)
    #expect(try doc.select("//*[@id='chart-cost-gates']//*[@class='limit-note']").count == 1)
    // The lift axis says what the lift is over.
    let axis = try doc.select("//*[@id='chart-lift']//*[@class='axis-label']").map(\.textContent)
    #expect(axis == ["lift of zz-kernel over svm_rbf (best baseline)"])
  }
}

@Suite struct TrendChartTests {
  @Test func eachRunIsMarkedWithItsCommit() throws {
    let doc = try ClaimPageTests.render()
    let ticks = try doc.select("//*[@id='chart-trend']//*[@class='axis axis-x']/*[local-name()='text' and not(@class)]")
      .map(\.textContent)
    #expect(ticks == ["2026-11-20", "a", "2026-11-25", "b"])
  }
}
