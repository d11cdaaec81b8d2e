import ClaimSpec
import Foundation

/// Appends one line per claim and run to `reports/history.jsonl`, the trend data of the report.
public enum HistoryLog {
  /// Appends entries for `results` to the history file in `reports`.
  public static func append(_ results: [ClaimResult], to reports: URL) throws {
    let url = reports.appendingPathComponent("history.jsonl")
    try OutputEntry.check(url, in: reports, as: .file)
    var text = try OutputFiles.read(url, in: reports).map { String(decoding: $0, as: UTF8.self) } ?? ""
    if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
    let encoder = ResultsCoding.encoder(pretty: false)
    for r in results {
      let entry = HistoryEntry(
        claim: r.claim, date: r.manifest.finished, verdict: r.verdict,
        lift: Dictionary(uniqueKeysWithValues: r.lifts.map { ($0.backend, $0.summary.mean) }),
        gitCommit: r.manifest.gitCommit,
        interval: Dictionary(uniqueKeysWithValues: r.lifts.map { ($0.backend, [$0.summary.low, $0.summary.high]) }))
      text += String(decoding: try encoder.encode(entry), as: UTF8.self) + "\n"
    }
    try OutputFiles.write(Data(text.utf8), to: url, in: reports)
  }

  /// Reads the history file (missing file = empty; corrupt lines are skipped and counted).
  public static func read(from reports: URL) -> (entries: [HistoryEntry], skipped: Int) {
    let url = reports.appendingPathComponent("history.jsonl")
    guard let data = try? OutputFiles.read(url, in: reports) else { return ([], 0) }
    let text = String(decoding: data, as: UTF8.self)
    let decoder = ResultsCoding.decoder()
    var entries: [HistoryEntry] = [], skipped = 0
    for line in text.split(separator: "\n") where !line.isEmpty {
      if let e = try? decoder.decode(HistoryEntry.self, from: Data(line.utf8)) { entries.append(e) } else { skipped += 1 }
    }
    return (entries, skipped)
  }
}
