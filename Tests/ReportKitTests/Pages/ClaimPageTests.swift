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
    // Every point's tooltip names its run; entries without intervals draw no bars.
    let tips = try doc.select("//*[@id='chart-trend']//*[@class='point']/*[local-name()='title']").map(\.textContent)
    #expect(tips.contains("lift on ideal: 0.200 (2026-11-20 10:00, commit a, supported)"), "\(tips)")
    #expect(try doc.select("//*[@id='chart-trend']//*[@class='interval']").isEmpty)
    #expect(doc.slot("trend")?.textContent.contains("recorded before intervals were kept") == true)
  }

  @Test func runsOnTheSameDayAreToldApartByTheirTime() throws {
    var history = SampleResults.history
    history[0].date = "2026-11-25T08:30:00Z"
    let html = try ClaimPage.render(ClaimPageTests.result, history: history, template: ReportTemplates.embedded.claimHTML,
                                    file: "claim.html")
    let doc = try MarkupDocument.parseHTML(html, name: "claim.html")
    let ticks = try doc.select("//*[@id='chart-trend']//*[@class='axis axis-x']/*[local-name()='text' and not(@class)]")
      .map(\.textContent)
    #expect(ticks == ["11-25 08:30", "a", "11-25 10:00", "b"])
  }

  @Test func eachRunsIntervalIsDrawnWhenTheHistoryHasIt() throws {
    var history = SampleResults.history
    history[0].interval = ["ideal": [0.15, 0.25], "heron": [0.1, 0.2]]
    history[1].interval = ["ideal": [0.12, 0.24]]
    let html = try ClaimPage.render(ClaimPageTests.result, history: history, template: ReportTemplates.embedded.claimHTML,
                                    file: "claim.html")
    let doc = try MarkupDocument.parseHTML(html, name: "claim.html")
    let bars = try doc.select("//*[@id='chart-trend']//*[@class='interval']/*[local-name()='title']").map(\.textContent)
    #expect(bars.count == 3, "\(bars)")
    // Bars of the two backends at the same run are set apart, so neither hides the other.
    let xs = try doc.select("//*[@id='chart-trend']//*[@class='interval']").compactMap { $0.attribute("d")?.split(separator: " ").first }
    #expect(Set(xs).count == 3, "\(xs)")
    #expect(bars.contains("lift on ideal: interval [+0.120, +0.240]"), "\(bars)")
    let tips = try doc.select("//*[@id='chart-trend']//*[@class='point']/*[local-name()='title']").map(\.textContent)
    #expect(tips.contains("lift on ideal: 0.180 [+0.120, +0.240] (2026-11-25 10:00, commit b, supported)"), "\(tips)")
    #expect(doc.slot("trend")?.textContent.contains("Bars show each run's interval") == true)
  }
}

@Suite struct PreviousRunLinkTests {
  @Test func theClaimPageLinksThePreviousRunWithItsCommitAndVerdict() throws {
    var links = ClaimLinks(spec: "../../specs/adhoc.yaml", results: "../results/adhoc-zz.json", junit: "../junit.xml")
    links.previous = "../results/previous/adhoc-zz.json"
    let html = try ClaimPage.render(ClaimPageTests.result, history: SampleResults.history,
                                    template: ReportTemplates.embedded.claimHTML, file: "claim.html", links: links)
    let doc = try MarkupDocument.parseHTML(html, name: "claim.html")
    let slot = try #require(doc.slot("links"))
    #expect(slot.textContent.contains("Previous run results/previous/adhoc-zz.json (2026-11-25 10:00, commit b, supported)"),
            "\(slot.textContent)")
    #expect(try doc.select("//a[@href='../results/previous/adhoc-zz.json']").count == 1)
  }

  @Test func withoutTheKeptFileThePreviousRunIsNamedFromTheHistory() throws {
    let doc = try ClaimPageTests.render()
    let text = try #require(doc.slot("links")).textContent
    #expect(text.contains("Previous run 2026-11-25 10:00, commit b, supported (its results were not kept)"), "\(text)")
    let none = try ClaimPage.render(ClaimPageTests.result, history: [], template: ReportTemplates.embedded.claimHTML, file: "c.html")
    #expect(!none.contains("Previous run"))
  }
}
