import ClaimSpec
import Foundation

/// Renders the static report from results alone: `index.html`, `claims/<id>.html`,
/// `badges/<id>.svg`, `badges/suite.svg` and `report.css`, every file written atomically;
/// pages and badges of claims not in the results are removed.
public struct ReportRenderer: Sendable {
  /// The templates pages are rendered from.
  public let templates: ReportTemplates
  private let templatesFolder: URL?

  /// Uses the templates in `templates` (a folder with index.html, claim.html, report.css), or the
  /// copy compiled into the binary when nil. A folder is read when `render` runs.
  public init(templates: URL? = nil) {
    self.templates = .embedded
    self.templatesFolder = templates
  }

  /// Uses an already loaded template set.
  public init(templateSet: ReportTemplates) {
    self.templates = templateSet
    self.templatesFolder = nil
  }

  /// Renders every page into `folder` (created if needed); claim pages link their spec relative to the
  /// working directory, where spec paths in the results are relative to. Claims are listed in id order.
  /// - Throws: `ReportError` for an unsafe or duplicate claim id, a bad template, or a failed write.
  public func render(results: [ClaimResult], history: [HistoryEntry], to folder: URL) throws(ReportError) {
    let set = try templatesFolder.map { folder throws(ReportError) in try ReportTemplates.load(from: folder) } ?? templates
    var seen: [String: Int] = [:]
    for r in results {
      guard ClaimID.isSafe(r.claim) else { throw .unsafeClaimID(id: r.claim, file: "results/\(r.claim).json") }
      seen[r.claim, default: 0] += 1
      if seen[r.claim]! > 1 { throw .duplicateClaim(id: r.claim, files: ["results/\(r.claim).json"]) }
    }
    let sorted = results.sorted { $0.claim < $1.claim }
    let indexFile = set.source == "embedded" ? "embedded index.html" : set.source + "/index.html"
    let claimFile = set.source == "embedded" ? "embedded claim.html" : set.source + "/claim.html"

    // Render everything first, so a template error leaves the old report untouched.
    let index = try IndexPage.render(sorted, template: set.indexHTML, file: indexFile)
    var pages: [(String, String)] = []
    var badges: [(String, String)] = []
    let project = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    let absoluteFolder = URL(fileURLWithPath: folder.path, isDirectory: true)
    for r in sorted {
      let links = ClaimLinks.make(id: r.claim, specFile: r.specFile, reportsFolder: absoluteFolder, projectFolder: project)
      pages.append((r.claim, try ClaimPage.render(r, history: history, template: set.claimHTML, file: claimFile,
                                                  links: links)))
      badges.append((r.claim, try Badge.claim(r).document().serialize()))
    }
    let suite = try Badge.suite(sorted).document().serialize()

    // Every file written, relative to the folder; checked (no symbolic link on the way) before any write.
    var files: [(String, String)] = [("report.css", set.stylesheet)]
    files += pages.map { ("claims/\($0.0).html", $0.1) }
    files += badges.map { ("badges/\($0.0).svg", $0.1) }
    files += [("badges/suite.svg", suite), ("index.html", index)]
    try checkOutput(folder.appendingPathComponent("claims", isDirectory: true), in: folder, as: .folder)
    try checkOutput(folder.appendingPathComponent("badges", isDirectory: true), in: folder, as: .folder)
    try checkOutput(folder.appendingPathComponent(WrittenFiles.name), in: folder, as: .file)
    for (path, _) in files { try checkOutput(folder.appendingPathComponent(path), in: folder, as: .file) }
    try AtomicFile.makeFolder(folder.appendingPathComponent("claims", isDirectory: true))
    try AtomicFile.makeFolder(folder.appendingPathComponent("badges", isDirectory: true))
    for (path, text) in files { try AtomicFile.write(text, to: folder.appendingPathComponent(path)) }
    // Pages and badges of claims no longer in the results would be stale: remove those qlift
    // wrote itself (listed by the previous render), never anything else.
    let written = files.map(\.0)
    let previous = WrittenFiles.read(in: folder)
    try WrittenFiles.write(written, in: folder)
    for path in previous where !written.contains(path) {
      let url = folder.appendingPathComponent(path)
      guard (try? OutputEntry.check(url, in: folder, as: .file)) != nil, OutputEntry.isRegularFile(url) else { continue }
      try? FileManager.default.removeItem(at: url)
    }
  }

  /// `OutputEntry.check` as a `ReportError.refused`.
  private func checkOutput(_ url: URL, in folder: URL, as kind: OutputEntry.Kind) throws(ReportError) {
    do { try OutputEntry.check(url, in: folder, as: kind) } catch { throw .refused(path: error.path, reason: error.reason) }
  }

  /// Reads `folder/results/*.json` (one `ClaimResult` each, in file-name order) and, if present,
  /// `folder/history.jsonl` (one `HistoryEntry` per line; blank lines skipped).
  /// - Throws: `ReportError.noResults` when there is no results file, `.corruptResult` naming the file,
  ///   `.corruptHistory` naming the line, `.unsafeClaimID` and `.duplicateClaim`.
  public static func loadResults(from folder: URL) throws(ReportError) -> ([ClaimResult], [HistoryEntry]) {
    let resultsFolder = folder.appendingPathComponent("results", isDirectory: true)
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: resultsFolder.path)) ?? [])
      .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
    guard !names.isEmpty else { throw .noResults(folder: folder.relativePath) }
    let decoder = ResultsCoding.decoder()
    var results: [ClaimResult] = []
    var files: [String: String] = [:]
    for name in names {
      let url = resultsFolder.appendingPathComponent(name)
      let data: Data
      do { data = try ProjectFile.read(url, root: folder, maxBytes: ProjectFile.maxOtherBytes, shown: url.relativePath) } catch {
        throw .refused(path: error.path, reason: error.reason)
      }
      let result: ClaimResult
      do { result = try decoder.decode(ClaimResult.self, from: data) } catch {
        throw .corruptResult(file: url.relativePath, detail: describe(error))
      }
      guard ClaimID.isSafe(result.claim) else { throw .unsafeClaimID(id: result.claim, file: url.relativePath) }
      if let other = files[result.claim] { throw .duplicateClaim(id: result.claim, files: [other, url.relativePath]) }
      files[result.claim] = url.relativePath
      results.append(result)
    }
    var history: [HistoryEntry] = []
    let historyURL = folder.appendingPathComponent("history.jsonl")
    let historyData: Data?
    do {
      historyData = try ProjectFile.read(historyURL, root: folder, maxBytes: ProjectFile.maxOtherBytes, shown: historyURL.relativePath)
    } catch {
      if !error.isMissing { throw .refused(path: error.path, reason: error.reason) }
      historyData = nil
    }
    if let data = historyData {
      let text = String(decoding: data, as: UTF8.self)
      for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { continue }
        do { history.append(try decoder.decode(HistoryEntry.self, from: Data(trimmed.utf8))) } catch {
          throw .corruptHistory(file: historyURL.relativePath, line: i + 1, detail: describe(error))
        }
      }
    }
    return (results, history)
  }

  /// A decoding error as "field a.b[2].c: what went wrong".
  static func describe(_ error: Error) -> String {
    func path(_ keys: [CodingKey]) -> String {
      let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
      return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "(top level)" : text)
    }
    guard let e = error as? DecodingError else { return "\(error)" }
    switch e {
    case .keyNotFound(let key, let c): return "missing field '\(path(c.codingPath + [key]))'"
    case .typeMismatch(_, let c): return "field '\(path(c.codingPath))': \(c.debugDescription)"
    case .valueNotFound(_, let c): return "field '\(path(c.codingPath))': \(c.debugDescription)"
    case .dataCorrupted(let c):
      let underlying = (c.underlyingError as NSError?)?.userInfo["NSDebugDescription"] as? String
      return c.codingPath.isEmpty ? "invalid JSON\(underlying.map { ": \($0)" } ?? "")"
        : "field '\(path(c.codingPath))': \(c.debugDescription)"
    @unknown default: return "\(e)"
    }
  }
}
