import ClaimSpec
import Foundation

/// The `cells/` folder of a reports folder: one checksummed file per cell,
/// `cells/<claim>/seed-<seed>.baselines.json` and `cells/<claim>/seed-<seed>.backend-<id>.json`.
/// Every write is checked by `OutputEntry` and every read by `ProjectFile` (no link is followed).
enum CellStore {
  /// Largest cell file read (a first seed's cell carries its train kernel).
  static let maxBytes = ProjectFile.maxDataBytes

  /// What reading a cell file found.
  enum Read: Sendable {
    case missing
    case valid(CellRecord)
    /// A file that cannot be used, with the reason (a verb phrase).
    case damaged(String)
  }

  /// The folder of a claim's cells.
  static func folder(claim: String, in out: URL) -> URL {
    out.appendingPathComponent("cells").appendingPathComponent(claim)
  }

  /// The file of a cell.
  static func url(_ cell: CellID, in out: URL) -> URL {
    folder(claim: cell.claim, in: out).appendingPathComponent(cell.fileName)
  }

  /// Writes a record atomically (`cells/<claim>/` is created when missing; every component of
  /// the path is checked for links by `OutputFolder.prepare`).
  static func write(_ record: CellRecord, in out: URL) throws {
    try OutputFolder.prepare(out, subfolder: "cells/\(record.cell.claim)")
    try OutputFiles.write(try record.fileData(), to: url(record.cell, in: out), in: out)
  }

  /// Reads and verifies a cell file of `out`.
  static func read(_ cell: CellID, in out: URL) -> Read {
    read(url(cell, in: out), in: out, expecting: cell)
  }

  /// Reads and verifies the cell file at `file` inside `out`; its record must be `cell`.
  static func read(_ file: URL, in out: URL, expecting cell: CellID? = nil) -> Read {
    let data: Data
    do {
      data = try ProjectFile.read(file, root: out, maxBytes: maxBytes)
    } catch {
      return error.isMissing ? .missing : .damaged(error.reason)
    }
    do {
      let record = try CellRecord.decode(data)
      if let cell, record.cell != cell { return .damaged("holds \(record.cell), not \(cell)") }
      if record.cell.fileName != file.lastPathComponent { return .damaged("holds \(record.cell) under another cell's name") }
      return .valid(record)
    } catch let e as CellRecord.Damaged {
      return .damaged(e.reason)
    } catch {
      return .damaged("\(error)")
    }
  }

  /// The cell files of a claim in `out` (sorted by name), nil when it has no cells folder.
  static func files(claim: String, in out: URL) -> [URL]? {
    let dir = folder(claim: claim, in: out)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return nil }
    return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
  }
}
