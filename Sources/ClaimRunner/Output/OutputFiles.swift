import ClaimSpec
import Foundation

/// Writes and reads of the runner inside the reports folder (`--out`), each checked by
/// `OutputEntry` (no symbolic link on the way, never followed) or `ProjectFile` (a regular
/// file inside `--out`) first.
public enum OutputFiles {
  /// Writes `data` atomically to `url` inside `out` after `OutputEntry.check`.
  /// - Throws: `ProjectFile.Refusal` (exit 2) naming a link or a wrong kind of entry.
  public static func write(_ data: Data, to url: URL, in out: URL) throws {
    try OutputEntry.check(url, in: out, as: .file)
    try data.write(to: url, options: .atomic)
  }

  /// The bytes of `url` inside `out`, nil when it does not exist.
  /// - Throws: `ProjectFile.Refusal` for a link leaving `out`, a pipe, a device or an oversized file.
  public static func read(_ url: URL, in out: URL) throws -> Data? {
    do {
      return try ProjectFile.read(url, root: out, maxBytes: ProjectFile.maxOtherBytes)
    } catch {
      if error.isMissing { return nil }
      throw error
    }
  }
}
