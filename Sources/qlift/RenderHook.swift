import ArgumentParser
import ClaimRunner
import ClaimSpec
import Foundation
import ReportKit

/// Renders the HTML report of `results` into `folder`, with the trend data of its history file,
/// using `templates/` in the working folder when present (the designers' copies) and the
/// templates built into qlift otherwise.
func renderReport(_ results: [ClaimResult], in folder: URL) throws {
  let local = URL(fileURLWithPath: "templates", isDirectory: true)
  let templates = FileManager.default.fileExists(atPath: local.appendingPathComponent("index.html").path) ? local : nil
  do {
    try ReportRenderer(templates: templates).render(
      results: results, history: HistoryLog.read(from: folder).entries, to: folder)
  } catch {
    printError("error: could not render the report in \(folder.path): \(error)")
    throw ExitCode(3)
  }
}
