import ClaimSpec
import Testing
@testable import ReportKit

@Suite struct IndexPageTests {
  /// A refuted claim that passes (as expected), one failing on cost, one inconclusive, one supported.
  static var results: [ClaimResult] {
    var costly = SampleResults.supported
    costly.claim = "b-costly"
    costly.verdict = .refuted
    costly.costChecks = [BoundCheck(name: "max_cloud_usd", limit: 1000, actual: 114_166.5, held: false)]
    costly.fallback = "logistic_regression"
    var refutedOK = SampleResults.supported
    refutedOK.claim = "a-refuted"
    refutedOK.verdict = .refuted
    refutedOK.expected = .refuted
    refutedOK.lifts[0].verdict = .refuted
    var unsure = SampleResults.supported
    unsure.claim = "c-unsure"
    unsure.verdict = .inconclusive
    unsure.expected = .inconclusive
    var good = SampleResults.supported
    good.claim = "d-good"
    good.lifts[1].decisive = false
    good.lifts[1].verdict = .inconclusive
    return [refutedOK, costly, unsure, good]
  }

  static func render(_ results: [ClaimResult]) throws -> MarkupDocument {
    let html = try IndexPage.render(results, template: ReportTemplates.embedded.indexHTML, file: "index.html")
    return try MarkupDocument.parseHTML(html, name: "index.html")
  }

  @Test func rowsAreGroupedFailingFirstThenByVerdict() throws {
    let doc = try Self.render(Self.results)
    let rows = try doc.select("//table[@class='claims']/tbody/tr")
    let labels = rows.map { $0.attribute("class") == "group" ? "# " + $0.textContent
      : (try? $0.select(".//td[@data-cell='claim']/a").first?.textContent) ?? "?" }
    #expect(labels == ["# Failing the build (1)", "b-costly", "# Supported (1)", "d-good", "# Refuted (1)", "a-refuted",
                       "# Inconclusive (1)", "c-unsure"])
    let heading = try #require(rows.first)
    #expect(try heading.select("./th").first?.attribute("colspan") == "9")
  }

  @Test func aFailingRowSaysWhichBoundAndByHowMuchAndItsFallback() throws {
    let doc = try Self.render(Self.results)
    let row = try #require(try doc.select("//tr[@class='failing']").first)
    #expect(try row.select(".//td[@data-cell='why']").first?.textContent == "cloud cost $114,166.50 > $1,000.00")
    let cost = try #require(try row.select(".//td[@data-cell='cost']").first)
    #expect(cost.textContent.hasPrefix("cloud cost $114,166.50 > $1,000.00"))
    #expect(cost.textContent.hasSuffix("$12.40"))
    #expect(try row.select(".//td[@data-cell='fallback']").first?.textContent == "logistic_regression")
  }

  @Test func everyBackendShowsItsOwnVerdictIncludingNonDecisiveOnes() throws {
    let doc = try Self.render(Self.results)
    let link = try #require(try doc.select("//a[.='d-good']").first)
    _ = link
    let cell = try #require(try doc.select("//tr[.//a[.='d-good']]/td[@data-cell='lift']").first)
    let badges = try cell.select(".//span[contains(@class, 'badge')]").map { $0.attribute("class") ?? "" }
    #expect(badges == ["badge supported", "badge inconclusive"])
    #expect(cell.textContent.contains("heron"))
    #expect(cell.textContent.contains("reported only: not decisive"))
    #expect(cell.textContent.contains("+0.180 (+18.0 points)"))
  }
}
