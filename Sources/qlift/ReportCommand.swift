import ArgumentParser
import ClaimSpec
import ClaimRunner
import Foundation
import ReportKit

/// `qlift report`: re-renders the HTML report from stored results, without re-running any claim.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Re-render the HTML report from stored results (no re-run).",
    discussion: """
      Reads <folder>/results/*.json and <folder>/history.jsonl and writes index.html, claims/<id>.html, \
      badges/*.svg and report.css into <folder>. Templates come from --templates, else ./templates or \
      a templates folder next to <folder>, else the copy built into qlift.
      """
  )

  @Argument(help: "Reports folder holding results/*.json.")
  var folder: String = "reports"

  @Option(name: .long, help: "Folder with index.html, claim.html and report.css.")
  var templates: String?

  func run() throws {
    let out = URL(fileURLWithPath: folder)
    var isFolder: ObjCBool = false
    // Lock an existing reports folder (a missing one fails below, naming it).
    let lock = FileManager.default.fileExists(atPath: out.path, isDirectory: &isFolder) && isFolder.boolValue
      ? try OutputLock.acquire(out) : nil
    defer { lock?.release() }
    let summary = try ReportCommand.render(
      folder: URL(fileURLWithPath: folder), templates: templates.map { URL(fileURLWithPath: $0) })
    print(summary)
  }

  /// Loads the results in `folder`, renders the report into it and returns a one-line summary.
  /// `verify` and `run` can call this after writing results.
  /// - Throws: `ReportError` naming the folder, file or line at fault.
  static func render(folder: URL, templates: URL?, workingDirectory: URL? = nil) throws(ReportError) -> String {
    let (results, history) = try ReportRenderer.loadResults(from: folder)
    let cwd = workingDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let set = try ReportTemplates.discover(explicit: templates, reportsFolder: folder, workingDirectory: cwd)
    try ReportRenderer(templateSet: set).render(results: results, history: history, to: folder)
    let failing = SuiteSummary(results).failing
    return "Rendered \(results.count) claim page\(results.count == 1 ? "" : "s") to "
      + "\(folder.appendingPathComponent("index.html").relativePath) (\(failing) failing the build; templates: \(set.source))"
  }
}
