import ClaimSpec
import Foundation
import Testing
@testable import ReportKit

/// Issue 17: links planted inside the reports folder or the templates folder (real symbolic
/// links in a temporary folder) are refused, never followed; only files qlift wrote are deleted.
@Suite struct ReportOutputSymlinkTests {
  let fm = FileManager.default

  func render(to folder: URL, _ results: [ClaimResult] = [SampleResults.supported, SampleResults.refuted]) throws(ReportError) {
    try ReportRenderer().render(results: results, history: [], to: folder)
  }

  @Test(arguments: ["claims", "badges"])
  func aLinkedSubfolderIsRefusedAndNothingIsWrittenOrDeletedThroughIt(_ sub: String) throws {
    let folder = try SampleResults.temporaryFolder()
    let outside = try SampleResults.temporaryFolder()
    defer { try? fm.removeItem(at: folder); try? fm.removeItem(at: outside) }
    let victim = outside.appendingPathComponent(sub == "claims" ? "stale.html" : "stale.svg")
    try "precious".write(to: victim, atomically: true, encoding: .utf8)
    try fm.createSymbolicLink(at: folder.appendingPathComponent(sub), withDestinationURL: outside)
    #expect {
      try render(to: folder)
    } throws: { e in
      guard case .refused(let path, let reason) = e as? ReportError else { return false }
      return path.hasSuffix("/" + sub) && reason.contains("symbolic link")
    }
    #expect(try fm.contentsOfDirectory(atPath: outside.path) == [victim.lastPathComponent])
    #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
    #expect(!fm.fileExists(atPath: folder.appendingPathComponent("index.html").path), "wrote before checking")
    #expect(ReportError.refused(path: "x", reason: "y").isInputError)
  }

  @Test(arguments: ["index.html", "report.css", "claims/adhoc-zz.html"])
  func aLinkedFileIsRefused(_ name: String) throws {
    let folder = try SampleResults.temporaryFolder()
    let outside = try SampleResults.temporaryFolder()
    defer { try? fm.removeItem(at: folder); try? fm.removeItem(at: outside) }
    try fm.createDirectory(at: folder.appendingPathComponent("claims"), withIntermediateDirectories: true)
    let target = outside.appendingPathComponent("target")
    try "precious".write(to: target, atomically: true, encoding: .utf8)
    try fm.createSymbolicLink(at: folder.appendingPathComponent(name), withDestinationURL: target)
    #expect(throws: ReportError.self) { try render(to: folder) }
    #expect(try String(contentsOf: target, encoding: .utf8) == "precious")
    // The link is still a link: not replaced, not followed.
    #expect((try? fm.destinationOfSymbolicLink(atPath: folder.appendingPathComponent(name).path)) != nil)
  }

  @Test func onlyPagesQliftWroteAreDeletedAsStale() throws {
    let folder = try SampleResults.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    try render(to: folder)
    // A page someone put there by hand, never written by qlift.
    let handmade = folder.appendingPathComponent("claims/handmade.html")
    try "mine".write(to: handmade, atomically: true, encoding: .utf8)
    try render(to: folder, [SampleResults.supported])
    let claims = try fm.contentsOfDirectory(atPath: folder.appendingPathComponent("claims").path).sorted()
    #expect(claims == ["adhoc-zz.html", "handmade.html"], "the stale page qlift wrote is removed, the hand-made one kept")
    let badges = try fm.contentsOfDirectory(atPath: folder.appendingPathComponent("badges").path).sorted()
    #expect(badges == ["adhoc-zz.svg", "suite.svg"])
  }

  @Test func anEditedWrittenListCannotNameFilesOutsideThePages() throws {
    let folder = try SampleResults.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    try "keep".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    try "../notes.txt\nnotes.txt\nclaims/../notes.txt\n".write(
      to: folder.appendingPathComponent(WrittenFiles.name), atomically: true, encoding: .utf8)
    try render(to: folder)
    #expect(fm.fileExists(atPath: folder.appendingPathComponent("notes.txt").path))
  }

  @Test func aTemplateLinkedOutsideTheProjectIsRefusedNotRendered() throws {
    let project = try SampleResults.temporaryFolder()
    defer { try? fm.removeItem(at: project) }
    let templates = project.appendingPathComponent("templates")
    try fm.createDirectory(at: templates, withIntermediateDirectories: true)
    try ReportTemplates.embedded.indexHTML.write(to: templates.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
    try ReportTemplates.embedded.claimHTML.write(to: templates.appendingPathComponent("claim.html"), atomically: true, encoding: .utf8)
    try fm.createSymbolicLink(atPath: templates.appendingPathComponent("report.css").path, withDestinationPath: "/proc/self/environ")
    let reports = project.appendingPathComponent("reports")
    #expect {
      _ = try ReportTemplates.discover(explicit: nil, reportsFolder: reports, workingDirectory: project)
    } throws: { e in
      guard case .refused(let path, let reason) = e as? ReportError else { return false }
      return path.hasSuffix("report.css") && reason.contains("outside")
    }
  }

  @Test func aHistoryFileLinkedOutsideTheReportsFolderIsRefused() throws {
    let folder = try SampleResults.temporaryFolder()
    defer { try? fm.removeItem(at: folder) }
    try render(to: folder)
    let results = folder.appendingPathComponent("results")
    try fm.createDirectory(at: results, withIntermediateDirectories: true)
    try ResultsCoding.encoder().encode(SampleResults.supported).write(to: results.appendingPathComponent("adhoc-zz.json"))
    try fm.createSymbolicLink(atPath: folder.appendingPathComponent("history.jsonl").path, withDestinationPath: "/proc/self/environ")
    #expect {
      _ = try ReportRenderer.loadResults(from: folder)
    } throws: { e in
      guard case .refused(let path, _) = e as? ReportError else { return false }
      return path.hasSuffix("history.jsonl")
    }
  }
}
