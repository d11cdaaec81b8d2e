import ClaimSpec
import Foundation

/// A share of the suite for one CI job: shard `index` (1-based) of `count`.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
  /// 1-based shard number.
  public var index: Int
  /// Number of shards.
  public var count: Int

  /// Parses `K/N` with 1 <= K <= N.
  public init?(_ text: String) {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
    index = k; count = n
  }

  public var description: String { "\(index)/\(count)" }

  /// The claims of this shard. Claims are dealt by longest recorded runtime first to the
  /// least-loaded shard (ties by claim id), so shards are balanced and the split is stable:
  /// every shard computes the same assignment from the same inputs.
  ///
  /// Only the first `min(count, claims.count)` shards can receive a claim (an empty shard is
  /// always the lowest-numbered least-loaded one), so the work and memory are bounded by the
  /// number of claims, whatever `count` is (`--shard 1/9223372036854775807` allocates nothing big).
  public func select(_ claims: [Claim], runtimes: [String: Double]) -> [Claim] {
    let used = min(count, claims.count)
    guard index <= used else { return [] }
    let ordered = claims.sorted {
      let a = runtimes[$0.id] ?? 1, b = runtimes[$1.id] ?? 1
      return a != b ? a > b : $0.id < $1.id
    }
    var load = [Double](repeating: 0, count: used)
    var mine = Set<String>()
    for c in ordered {
      var best = 0
      for s in 1..<used where load[s] < load[best] { best = s }
      load[best] += runtimes[c.id] ?? 1
      if best == index - 1 { mine.insert(c.id) }
    }
    return claims.filter { mine.contains($0.id) }
  }
}

/// Combines the outputs of several shard runs into one reports folder.
public enum ShardMerger {
  /// Reads `results/*.json` and `history.jsonl` of each folder (claim shards) and assembles the
  /// other claims of `set` from the folders' `cells/` (cell shards, `CellMerger`), which needs
  /// the specs. Duplicate claims are an error.
  public static func merge(_ folders: [URL], into out: URL, specs set: SpecSet? = nil, gitCommit: String? = nil) throws -> [ClaimResult] {
    let cells = CellMerger.hasCells(folders)
    var results: [ClaimResult] = []
    var seen: [String: String] = [:]
    var history: [HistoryEntry] = []
    for folder in folders {
      let dir = folder.appendingPathComponent("results")
      let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
      if names.isEmpty && !cells { throw RunnerError.corruptFile(dir.path, "no results to merge") }
      for name in names {
        let url = dir.appendingPathComponent(name)
        let r: ClaimResult
        do {
          r = try ResultsCoding.decoder().decode(
            ClaimResult.self, from: ProjectFile.read(url, root: folder, maxBytes: ProjectFile.maxOtherBytes))
        } catch let e as ProjectFile.Refusal {
          throw RunnerError.corruptFile(url.path, e.reason)
        } catch {
          throw RunnerError.corruptFile(url.path, "\(error)")
        }
        if let other = seen[r.claim] {
          throw RunnerError.corruptFile(url.path, "claim '\(r.claim)' is also in \(other)")
        }
        seen[r.claim] = url.path
        results.append(r)
      }
      history += HistoryLog.read(from: folder).entries
    }
    var assembled: [ClaimResult] = []
    if cells {
      guard let set else {
        throw RunnerError.corruptFile(
          folders.map { $0.appendingPathComponent("cells").path }.joined(separator: ", "),
          "cells of a cell-sharded run are assembled from their specs: give the spec files or folders the shards ran (--specs)")
      }
      assembled = try CellMerger.assemble(folders, set: set, skipping: Set(seen.keys), into: out, gitCommit: gitCommit)
      results += assembled
    }
    results.sort { $0.claim < $1.claim }
    let resultsOut = out.appendingPathComponent("results")
    try OutputFolder.prepare(out, subfolder: "results")
    for r in results {
      try ResultsIntegrity.write(r, to: resultsOut.appendingPathComponent(r.claim + ".json"), in: out)
    }
    try OutputFiles.write(Data(JUnitWriter.document(results).utf8), to: out.appendingPathComponent("junit.xml"), in: out)
    let encoder = ResultsCoding.encoder(pretty: false)
    let lines = try history.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
    try OutputFiles.write(
      Data((lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")).utf8), to: out.appendingPathComponent("history.jsonl"), in: out)
    try HistoryLog.append(assembled, to: out)
    return results
  }

  /// Runtimes recorded in a reports folder's results (claim id -> seconds), for balancing shards.
  public static func recordedRuntimes(in out: URL) -> [String: Double] {
    let dir = out.appendingPathComponent("results")
    var t: [String: Double] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasSuffix(".json") {
      if let data = (try? OutputFiles.read(dir.appendingPathComponent(name), in: out)) ?? nil,
        let r = try? ResultsCoding.decoder().decode(ClaimResult.self, from: data)
      {
        t[r.claim] = r.manifest.seconds
      }
    }
    return t
  }
}

extension Shard {
  /// The cells of this shard. Cells are dealt by estimated seconds, longest first (ties in cell
  /// order), each to the least-loaded shard (ties to the lowest-numbered), so shards are balanced
  /// and every shard computes the same assignment from the same specs and data. Only the first
  /// `min(count, cells.count)` shards receive cells.
  public func select(cells: [(cell: CellID, seconds: Double)]) -> [CellID] {
    let used = min(count, cells.count)
    guard index <= used else { return [] }
    let ordered = cells.sorted { $0.seconds != $1.seconds ? $0.seconds > $1.seconds : $0.cell < $1.cell }
    var load = [Double](repeating: 0, count: used)
    var mine: [CellID] = []
    for c in ordered {
      var best = 0
      for s in 1..<used where load[s] < load[best] { best = s }
      load[best] += c.seconds
      if best == index - 1 { mine.append(c.cell) }
    }
    return mine.sorted()
  }
}
