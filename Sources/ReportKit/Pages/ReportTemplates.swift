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

  /// Reads the three files from `folder`.
  /// - Throws: `ReportError.template` naming the missing or unreadable file.
  public static func load(from folder: URL) throws(ReportError) -> ReportTemplates {
    var texts: [String] = []
    for name in fileNames {
      let url = folder.appendingPathComponent(name)
      guard let data = FileManager.default.contents(atPath: url.path) else {
        throw .template(file: url.relativePath, problem: "missing or unreadable (a templates folder holds \(fileNames.joined(separator: ", ")))")
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
    for folder in candidates
    where fileNames.allSatisfy({ FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }) {
      return try load(from: folder)
    }
    return embedded
  }
}
