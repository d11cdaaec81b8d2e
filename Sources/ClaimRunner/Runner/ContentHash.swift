import Foundation

/// A stable content hash of a claim's inputs (spec bytes, data file bytes, qlift version),
/// used as the cache key and recorded in the manifest.
enum ContentHash {
  /// Hex digest of the concatenated parts (64-bit FNV-1a, twice with different bases).
  static func hex(_ parts: [Data]) -> String {
    var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x8422_2325_cbf2_9ce4
    for part in parts {
      for byte in part {
        a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 0x9E37
      }
      a = (a ^ 0xFF) &* 0x0000_0100_0000_01B3
    }
    return String(format: "%016llx%016llx", a, b)
  }
}
