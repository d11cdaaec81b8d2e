import Foundation
import Testing
@testable import ReportKit
import TestSupport

@Suite struct ReportTemplatesTests {
  /// The repository's templates/ folder, found from this file's path.
  static let repoTemplates = Repository.file("templates")

  @Test("the embedded copy equals templates/ (run `sh templates/embed.sh` after editing them)")
  func embeddedCopyMatchesFiles() throws {
    let files = try ReportTemplates.load(from: Self.repoTemplates)
    #expect(files.indexHTML == ReportTemplates.embedded.indexHTML)
    #expect(files.claimHTML == ReportTemplates.embedded.claimHTML)
    #expect(files.stylesheet == ReportTemplates.embedded.stylesheet)
  }

  @Test func discoveryPrefersExplicitThenWorkingDirectoryThenEmbedded() throws {
    let folder = try SampleResults.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let reports = folder.appendingPathComponent("reports")
    let nowhere = folder.appendingPathComponent("elsewhere")
    #expect(try ReportTemplates.discover(explicit: nil, reportsFolder: reports, workingDirectory: nowhere).source == "embedded")
    let templates = folder.appendingPathComponent("templates")
    try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
    for name in ReportTemplates.fileNames {
      try "x".write(to: templates.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    // Next to the reports folder.
    #expect(try ReportTemplates.discover(explicit: nil, reportsFolder: reports, workingDirectory: nowhere).source
      == templates.path)
    // In the working directory.
    #expect(try ReportTemplates.discover(explicit: nil, reportsFolder: nowhere.appendingPathComponent("r"),
                                         workingDirectory: folder).source == templates.path)
    // An explicit folder without the files is an error naming the file.
    let error = #expect(throws: ReportError.self) {
      try ReportTemplates.discover(explicit: nowhere, reportsFolder: reports, workingDirectory: folder)
    }
    #expect(error?.description.contains("elsewhere/index.html") == true)
  }

  @Test func templateMarkersAreChecked() throws {
    let results = [SampleResults.supported]
    func render(index: String) throws {
      let set = ReportTemplates(indexHTML: index, claimHTML: EmbeddedTemplates.claimHTML, stylesheet: "", source: "t")
      let folder = try SampleResults.temporaryFolder()
      defer { try? FileManager.default.removeItem(at: folder) }
      try ReportRenderer(templateSet: set).render(results: results, history: [], to: folder)
    }
    let typo = "<html><body><p data-slot='sumary'></p><table><tr data-row='claim'></tr></table></body></html>"
    let e1 = #expect(throws: ReportError.self) { try render(index: typo) }
    #expect(e1?.description.contains("unknown data-slot 'sumary'") == true)
    let noRow = "<html><body><p data-slot='summary'></p></body></html>"
    let e2 = #expect(throws: ReportError.self) { try render(index: noRow) }
    #expect(e2?.description.contains("missing required data-row 'claim'") == true)
    #expect(e2?.description.hasPrefix("t/index.html: ") == true)
  }
}
