import Foundation
import Testing
@testable import ReportKit

@Suite struct ClaimLinksTests {
  @Test func linksAreRelativeToTheClaimPage() {
    let links = ClaimLinks.make(id: "iqm", specFile: "specs/iqm.yaml", reportsFolder: URL(fileURLWithPath: "/p/reports"),
                                projectFolder: URL(fileURLWithPath: "/p"))
    #expect(links == ClaimLinks(spec: "../../specs/iqm.yaml", results: "../results/iqm.json", junit: "../junit.xml",
                                snapshot: "../../specs/accepted/iqm.json"))
    #expect(ClaimLinks.relative(from: URL(fileURLWithPath: "/a/out/deep/claims"), to: URL(fileURLWithPath: "/a/specs/x.yaml"))
      == "../../../specs/x.yaml")
    #expect(ClaimLinks.relative(from: URL(fileURLWithPath: "/a/reports/claims"), to: URL(fileURLWithPath: "/a/reports/./../s.yaml"))
      == "../../s.yaml")
  }

  @Test func thePreviousRunIsLinkedOnlyWhenItsResultsWereKept() throws {
    let project = try SampleResults.temporaryFolder()
    let reports = project.appendingPathComponent("reports")
    let make = { ClaimLinks.make(id: "x", specFile: "specs/x.yaml", reportsFolder: reports, projectFolder: project) }
    #expect(make().previous == nil)
    try FileManager.default.createDirectory(at: reports.appendingPathComponent("results/previous"), withIntermediateDirectories: true)
    try "{}".write(to: reports.appendingPathComponent("results/previous/x.json"), atomically: true, encoding: .utf8)
    #expect(make().previous == "../results/previous/x.json")
  }
}
