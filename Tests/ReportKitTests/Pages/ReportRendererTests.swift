import ClaimSpec
import Foundation
import Testing
@testable import ReportKit

@Suite struct ReportRendererTests {
  func renderSample() throws -> URL {
    let folder = try SampleResults.temporaryFolder()
    try ReportRenderer().render(results: [SampleResults.supported, SampleResults.refuted],
                                history: SampleResults.history, to: folder)
    return folder
  }

  func page(_ folder: URL, _ path: String) throws -> (String, MarkupDocument) {
    let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    return (text, try MarkupDocument.parseHTML(text, name: path))
  }

  @Test func writesEveryFileAndNoTemporaries() throws {
    let folder = try renderSample()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(SampleResults.files(under: folder) == [
      ".qlift-written", "badges", "badges/adhoc-zz.svg", "badges/iris_vqc.v2.svg", "badges/suite.svg",
      "claims", "claims/adhoc-zz.html", "claims/iris_vqc.v2.html", "index.html", "report.css",
    ])
  }

  @Test func indexShowsSummaryAndOneRowPerClaim() throws {
    let folder = try renderSample()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (text, doc) = try page(folder, "index.html")
    #expect(text.hasPrefix("<!DOCTYPE html>\n"))
    #expect(doc.slot("summary")?.textContent == "1 supported, 1 refuted, 0 inconclusive, 1 failing the build")
    let rows = try doc.select("//table[@class='claims']/tbody/tr[not(@class='group')]")
    #expect(rows.count == 2)
    #expect(try doc.select("//*[@data-row]").isEmpty)
    let links = try doc.select("//td[@data-cell='claim']/a").map { $0.attribute("href") ?? "" }
    #expect(links == ["claims/iris_vqc.v2.html", "claims/adhoc-zz.html"])  // failing the build first
    let first = rows[1]
    #expect(try first.select(".//*[@data-cell='verdict']/span").first?.attribute("class") == "badge supported")
    let lift = try #require(try first.select(".//*[@data-cell='lift']").first).textContent
    #expect(lift.contains("ideal supported +0.180 (+18.0 points) [+0.140, +0.220] min +0.100"))
    #expect(lift.contains("heron supported +0.130 (+13.0 points) [+0.110, +0.150]"))
    #expect(try first.select(".//*[@data-cell='cost']").first?.textContent
      == "2 qubits · depth 14 · 120,422,400 shots · $12.40")
    #expect(try first.select(".//*[@data-cell='runtime']").first?.textContent == "8.10 s")
    #expect(try first.select(".//*[@data-cell='moved']").first?.textContent == "lift ideal: 0.200 → 0.180 (−0.020)")
    #expect(try first.select(".//*[@data-cell='why']").first?.textContent == "every bound held")
    let second = rows[0]
    #expect(try second.select(".//*[@data-cell='expected']").first?.textContent
      == "expected supported, got refuted✗ fails the build")
    #expect(try second.select(".//*[@data-cell='why']").first?.textContent
      == "verdict refuted, but the spec expects supported")
    #expect(try second.select(".//*[@data-cell='moved']").first?.textContent == "no accepted snapshot")
    #expect(try doc.select("//img[@src='badges/suite.svg']").count == 1)
  }

  @Test func claimPageHasEverySection() throws {
    let folder = try renderSample()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (_, doc) = try page(folder, "claims/adhoc-zz.html")
    #expect(doc.slot("title")?.textContent == "ZZ kernel beats RBF")
    #expect(doc.slot("hypothesis")?.textContent == "A ZZ kernel beats a tuned RBF SVM by 10 points.")
    #expect(try doc.select("//*[@data-slot='facts-warning']/*").isEmpty)
    #expect(try doc.select("//section[@id='facts']//tbody/tr").count == 5)
    #expect(try doc.select("//section[@id='results']//tbody/tr").count == 4)  // 2 scores + 2 baselines
    let baseline = try #require(try doc.select("(//section[@id='results']//table)[2]//tr/td[@data-cell='chosen']").first)
    #expect(baseline.textContent == "C=10, gamma=scale (2 seeds); C=1, gamma=0.1 (1 seed)")
    #expect(try doc.select("//section[@id='lift']//td[@data-cell='p']").map(\.textContent) == ["0.004", "0.010"])
    // One chart per kind, each with a title and a text alternative.
    for id in ["chart-scatter", "chart-metric", "chart-lift", "chart-ladder", "chart-loss", "chart-kernel",
               "chart-cost-depth", "chart-cost-gates", "chart-trend"] {
      let svg = try #require(try doc.select("//*[@id='\(id)']").first, "\(id) missing")
      #expect(try !svg.select("./title").isEmpty, "\(id) has no title")
      #expect(try !svg.select("./desc").isEmpty, "\(id) has no desc")
    }
    #expect(try doc.select("//section[@id='diagnostics']//td[@data-cell='reading']").first?.textContent
      == "Off-diagonal variance is healthy: no exponential concentration.")
    #expect(doc.slot("fallback")?.textContent == "svm_rbf")
    #expect(try doc.select("//section[@id='cost']//td[@data-cell='depth']").map(\.textContent) == ["10", "10 (14)"])
    #expect(try doc.select("//section[@id='manifest']//td[@data-cell='value']").first?.textContent == "sha256:abc123")
    #expect(try doc.select("//link[@rel='stylesheet']").first?.attribute("href") == "../report.css")
  }

  @Test func liftsOutsideTheCriteriaAreMarked() throws {
    let folder = try SampleResults.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var r = SampleResults.supported
    r.lifts[1].decisive = false
    try ReportRenderer().render(results: [r], history: [], to: folder)
    let (_, doc) = try page(folder, "claims/adhoc-zz.html")
    let verdicts = try doc.select("//section[@id='lift']//td[@data-cell='verdict']").map(\.textContent)
    #expect(verdicts == ["supported", "supportedreported only: not named in the criteria"])
    #expect(try doc.select("//*[@id='chart-lift']//text()[. = 'heron (info)']/..").count == 1)
    let (_, index) = try page(folder, "index.html")
    #expect(try index.select("//td[@data-cell='lift']").first?.textContent.contains("min +0.100, reported only: not decisive") == true)
  }

  @Test func hostileTextStaysTextAndMissingFactsWarn() throws {
    let folder = try renderSample()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (text, doc) = try page(folder, "claims/iris_vqc.v2.html")
    #expect(try doc.select("//script").isEmpty)
    #expect(!text.contains("<script>"))
    #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(doc.slot("hypothesis")?.textContent == SampleResults.hostile)
    #expect(doc.slot("title")?.textContent == "VQC \"beats\" kNN & friends")
    #expect(try doc.select("//b").isEmpty)  // the warning's <b> is text
    let warning = try #require(doc.slot("facts-warning")).textContent
    #expect(warning.contains("does not report its shots, runtime"))
    #expect(try doc.select("//section[@id='facts']//span[@class='missing']").count == 2)
    // Sections without data say so instead of staying blank.
    #expect(try doc.select("//section[@id='results']//tr[@class='empty']").count == 2)
    #expect(doc.slot("trend")?.textContent.contains("Not enough history") == true)
    #expect(doc.slot("kernel-heatmap")?.textContent == "No kernel matrix recorded.")
  }

  @Test func nothingLoadsFromTheNetworkAndNoScripts() throws {
    let folder = try renderSample()
    defer { try? FileManager.default.removeItem(at: folder) }
    for path in ["index.html", "claims/adhoc-zz.html", "claims/iris_vqc.v2.html"] {
      let (_, doc) = try page(folder, path)
      #expect(try doc.select("//script").isEmpty)
      let refs = try doc.select("//*[@src or @href]").map { $0.attribute("src") ?? $0.attribute("href") ?? "" }
      #expect(!refs.isEmpty)
      for ref in refs { #expect(!ref.contains("//"), "\(path) loads \(ref)") }
      #expect(try doc.select("//*[@*[starts-with(name(), 'on')]]").isEmpty)
    }
  }

  @Test func badgesAreStandaloneSVG() throws {
    let folder = try renderSample()
    defer { try? FileManager.default.removeItem(at: folder) }
    let suite = try MarkupDocument.parseXML(try String(contentsOf: folder.appendingPathComponent("badges/suite.svg"),
                                                       encoding: .utf8))
    let root = try #require(suite.root)
    #expect(root.name == "svg")
    #expect(root.children.first?.textContent == "qlift claims: 1 supported, 1 refuted; 1 failing")
    let claim = try MarkupDocument.parseXML(try String(contentsOf: folder.appendingPathComponent("badges/iris_vqc.v2.svg"),
                                                       encoding: .utf8))
    #expect(try #require(claim.root).attribute("aria-label") == "iris_vqc.v2: refuted (expected supported)")
  }

  @Test(arguments: ["../evil", "a/b", "x\\y", "..", "", " spaced", "new\nline", ".hidden"])
  func unsafeClaimIDsAreRefused(_ id: String) throws {
    let folder = try SampleResults.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var bad = SampleResults.supported
    bad.claim = id
    #expect(throws: ReportError.self) { try ReportRenderer().render(results: [bad], history: [], to: folder) }
    #expect(SampleResults.files(under: folder).isEmpty)
  }

  @Test func rerenderReplacesPagesWhole() throws {
    let folder = try renderSample()
    defer { try? FileManager.default.removeItem(at: folder) }
    var changed = SampleResults.supported
    changed.title = "Renamed"
    try ReportRenderer().render(results: [changed], history: [], to: folder)
    let (_, doc) = try page(folder, "claims/adhoc-zz.html")
    #expect(doc.slot("title")?.textContent == "Renamed")
    #expect(!SampleResults.files(under: folder).contains { $0.contains(".tmp-") })
    // The claim that is no longer in the results loses its page and badge.
    let gone = SampleResults.refuted.claim
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("claims/\(gone).html").path))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("badges/\(gone).svg").path))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("badges/suite.svg").path))
  }

  @Test func templatesFromAFolderAreUsed() throws {
    let folder = try SampleResults.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let templates = folder.appendingPathComponent("templates")
    try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
    try "<html><body><h1>Custom</h1><p data-slot='summary'></p><table><tr data-row='claim'><td data-cell='claim'></td></tr></table></body></html>"
      .write(to: templates.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
    try EmbeddedTemplates.claimHTML.write(to: templates.appendingPathComponent("claim.html"), atomically: true, encoding: .utf8)
    try "body{}".write(to: templates.appendingPathComponent("report.css"), atomically: true, encoding: .utf8)
    let out = folder.appendingPathComponent("out")
    try ReportRenderer(templates: templates).render(results: [SampleResults.supported], history: [], to: out)
    let (_, doc) = try page(out, "index.html")
    #expect(try doc.select("//h1").first?.textContent == "Custom")
    #expect(try doc.select("//td[@data-cell='claim']/a").count == 1)
    #expect(try String(contentsOf: out.appendingPathComponent("report.css"), encoding: .utf8) == "body{}")
  }
}
