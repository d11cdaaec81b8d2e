import ArgumentParser
import Foundation
import ReportKit

/// Renders the HTML report of the results stored in `folder` (the one render path of `verify`,
/// `run`, `merge` and `qlift report`), with templates found as `qlift report` finds them.
func renderReport(in folder: URL, templates: URL? = nil) throws {
  do {
    _ = try ReportCommand.render(folder: folder, templates: templates)
  } catch let e where e.isInputError {
    throw CommandError.badInput("error: \(e.description)")
  } catch {
    throw CommandError.internalError("error: could not render the report in \(folder.path): \(error.description)")
  }
}
