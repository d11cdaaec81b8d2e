import Foundation

/// Everything that can go wrong while loading results or rendering the report, with the file at fault.
public enum ReportError: Error, Equatable, CustomStringConvertible {
  /// The reports folder holds no `results/*.json`.
  case noResults(folder: String)
  /// A results file could not be read or decoded.
  case corruptResult(file: String, detail: String)
  /// A line of the history file could not be decoded.
  case corruptHistory(file: String, line: Int, detail: String)
  /// A claim id that is not safe to use in a file name.
  case unsafeClaimID(id: String, file: String)
  /// Two results files carry the same claim id.
  case duplicateClaim(id: String, files: [String])
  /// A template is missing, unparsable or lacks a required slot.
  case template(file: String, problem: String)
  /// An XPath expression did not compile or evaluate.
  case xpath(expression: String, message: String)
  /// libxml2 could not parse or serialise a document.
  case markup(message: String)
  /// A file could not be written.
  case write(path: String, reason: String)
  /// A file refused before reading or writing: a link leaving its folder, a link inside the
  /// reports folder, a pipe, a device, an oversized file (bad input, exit 2).
  case refused(path: String, reason: String)

  /// True for errors about the user's files (templates, results, links in the reports folder)
  /// rather than qlift failing to write or serialise.
  public var isInputError: Bool {
    switch self {
    case .write, .markup, .xpath: return false
    default: return true
    }
  }

  /// A one-line, lower-case message naming what and where.
  public var description: String {
    switch self {
    case .noResults(let folder):
      return "\(folder): no results found (expected \(folder)/results/*.json; run `qlift verify` first)"
    case .corruptResult(let file, let detail):
      return "\(file): not a readable results file: \(detail)"
    case .corruptHistory(let file, let line, let detail):
      return "\(file):\(line): not a readable history entry: \(detail)"
    case .unsafeClaimID(let id, let file):
      return "\(file): claim id '\(id)' is not safe in a file name (use letters, digits, '.', '_' and '-')"
    case .duplicateClaim(let id, let files):
      return "claim id '\(id)' appears in more than one results file: \(files.joined(separator: ", "))"
    case .template(let file, let problem):
      return "\(file): template error: \(problem)"
    case .xpath(let expression, let message):
      return "xpath '\(expression)': \(message)"
    case .markup(let message):
      return "markup error: \(message)"
    case .write(let path, let reason):
      return "\(path): cannot write: \(reason)"
    case .refused(let path, let reason):
      return "\(path): \(reason)"
    }
  }
}
