import Crypto
import Foundation

/// SHA-256 of a claim's inputs (spec bytes, data file bytes, qlift version), the cache key
/// recorded in every result's manifest.
enum ContentHash {
  /// Hex SHA-256 of the parts, each prefixed by its length so boundaries cannot shift.
  static func hex(_ parts: [Data]) -> String {
    var hasher = SHA256()
    for part in parts {
      var n = UInt64(part.count).littleEndian
      withUnsafeBytes(of: &n) { hasher.update(bufferPointer: $0) }
      hasher.update(data: part)
    }
    return hasher.finalize().map { String(format: "%02x", $0) }.joined()
  }
}
