import ClaimSpec
import Foundation

/// The three files the report is rendered from: `index.html`, `claim.html` and `report.css`.
public struct ReportTemplates: Sendable, Equatable {
  /// The index page template.
  public var indexHTML: String
  /// The claim page template.
  public var claimHTML: String
  /// The stylesheet copied next to the pages.
  public var stylesheet: String
  /// Where the templates came from: a folder path, or "embedded".
  public var source: String

  /// The file names a templates folder must hold.
  public static let fileNames = ["index.html", "claim.html", "report.css"]

  /// Creates a template set from texts.
  public init(indexHTML: String, claimHTML: String, stylesheet: String, source: String) {
    self.indexHTML = indexHTML
    self.claimHTML = claimHTML
    self.stylesheet = stylesheet
    self.source = source
  }

  /// The copy compiled into the binary (generated from `templates/` by `templates/embed.sh`).
  public static let embedded = ReportTemplates(
    indexHTML: EmbeddedTemplates.indexHTML, claimHTML: EmbeddedTemplates.claimHTML,
    stylesheet: EmbeddedTemplates.stylesheet, source: "embedded")

  /// Reads the three files from `folder`, each a regular file whose real path stays inside
  /// `root` (default: `folder` itself), through `ProjectFile`.
  /// - Throws: `ReportError.template` naming the missing or unreadable file, `.refused` for a
  ///   link leaving `root`, a pipe or a device.
  public static func load(from folder: URL, root: URL? = nil) throws(ReportError) -> ReportTemplates {
    var texts: [String] = []
    for name in fileNames {
      let url = folder.appendingPathComponent(name)
      let data: Data
      do {
        data = try ProjectFile.read(url, root: root ?? folder, maxBytes: ProjectFile.maxOtherBytes, shown: url.relativePath)
      } catch {
        if error.isMissing {
          throw .template(file: url.relativePath, problem: "missing or unreadable (a templates folder holds \(fileNames.joined(separator: ", ")))")
        }
        throw .refused(path: error.path, reason: error.reason)
      }
      guard let text = String(data: data, encoding: .utf8) else {
        throw .template(file: url.relativePath, problem: "not UTF-8 text")
      }
      texts.append(text)
    }
    return ReportTemplates(indexHTML: texts[0], claimHTML: texts[1], stylesheet: texts[2], source: folder.relativePath)
  }

  /// Picks the templates: an explicit folder if given; else `templates/` in the working directory or
  /// next to the reports folder when it holds `index.html`; else the embedded copy.
  /// - Throws: `ReportError.template` when an explicit folder lacks a file.
  public static func discover(explicit: URL?, reportsFolder: URL, workingDirectory: URL) throws(ReportError)
    -> ReportTemplates
  {
    if let explicit { return try load(from: explicit) }
    let candidates = [
      workingDirectory.appendingPathComponent("templates"),
      reportsFolder.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("templates"),
    ]
    // A discovered folder is confined to the folder holding it (the project), so a committed
    // templates/ link or a link inside it cannot pull a file from outside into the report.
    for folder in candidates
    where fileNames.allSatisfy({ FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }) {
      return try load(from: folder, root: folder.deletingLastPathComponent())
    }
    return embedded
  }
}
