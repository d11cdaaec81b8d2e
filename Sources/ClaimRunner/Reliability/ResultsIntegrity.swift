import ClaimSpec
import Foundation

/// Checksummed results files: each `results/<id>.json` carries a `checksum` key, the SHA-256
/// (hex) of the result's canonical JSON (compact, sorted keys) without that key. A truncated
/// or edited file fails the check and is recomputed instead of trusted.
///
/// The key sits beside the result's own keys, so readers that decode a `ClaimResult`
/// (report, merge) ignore it and the result value itself is unchanged.
public enum ResultsIntegrity {
  /// What reading a results file found.
  public enum Read: Sendable {
    /// No file.
    case missing
    /// A file whose checksum matches.
    case valid(ClaimResult)
    /// A file that cannot be trusted, with the reason (a verb phrase: "is empty", "fails its checksum ...").
    case corrupt(String)
  }

  /// The reason given for a file written without a checksum (by an older qlift or by `qlift merge`).
  public static let noChecksum = "has no checksum (written by an older qlift or by 'qlift merge')"

  /// The checksum of a result: SHA-256 hex of its canonical JSON.
  public static func checksum(_ result: ClaimResult) throws -> String {
    let canonical = try ResultsCoding.encoder(pretty: false).encode(result)
    return SHA256Digest.hex(of: canonical) ?? SHA256Digest.unmatchable()
  }

  /// The pretty JSON of `result` with its `checksum` key.
  public static func encode(_ result: ClaimResult) throws -> Data {
    let body = try ResultsCoding.encoder().encode(result)
    let sum = try checksum(result)
    guard body.first == UInt8(ascii: "{") else { return body }
    var out = Data("{\n  \"checksum\" : \"\(sum)\",".utf8)
    out.append(body.dropFirst())
    return out
  }

  /// Writes `result` atomically with its checksum; with `out`, after `OutputEntry.check`
  /// (a link in the way is refused, not followed).
  public static func write(_ result: ClaimResult, to file: URL, in out: URL? = nil) throws {
    if let out { try OutputEntry.check(file, in: out, as: .file) }
    try encode(result).write(to: file, options: .atomic)
  }

  /// Reads and verifies a results file, through `ProjectFile` confined to its folder's parent
  /// (the reports folder): a link leading elsewhere, a pipe or a device is not read.
  public static func read(_ file: URL) -> Read {
    let data: Data
    do {
      let out = file.deletingLastPathComponent().deletingLastPathComponent()
      data = try ProjectFile.read(file, root: out, maxBytes: ProjectFile.maxOtherBytes)
    } catch {
      return error.isMissing ? .missing : .corrupt(error.reason)
    }
    struct Stamp: Decodable { var checksum: String? }
    let result: ClaimResult
    do {
      result = try ResultsCoding.decoder().decode(ClaimResult.self, from: data)
    } catch {
      return .corrupt(data.isEmpty ? "is empty" : "is not a complete results file (truncated or edited?)")
    }
    guard let stamp = try? JSONDecoder().decode(Stamp.self, from: data), let stored = stamp.checksum else {
      return .corrupt(Self.noChecksum)
    }
    guard let actual = try? checksum(result), actual == stored else {
      return .corrupt("fails its checksum (edited or damaged)")
    }
    return .valid(result)
  }
}
