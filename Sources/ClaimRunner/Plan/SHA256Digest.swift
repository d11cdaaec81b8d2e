import CLibCrypto
import Foundation

/// An incremental SHA-256 (FIPS 180-4) through the system's libcrypto, for cache keys and
/// results checksums.
struct SHA256Digest: ~Copyable {
  private let context: OpaquePointer?

  /// Starts an empty digest. A context libcrypto cannot allocate leaves the digest unusable,
  /// and `hex()` then returns nil.
  init() {
    let ctx = EVP_MD_CTX_new()
    if let ctx, EVP_DigestInit_ex(ctx, EVP_sha256(), nil) == 1 {
      context = ctx
    } else {
      EVP_MD_CTX_free(ctx)
      context = nil
    }
  }

  deinit { EVP_MD_CTX_free(context) }

  /// Adds bytes to the digest.
  mutating func update(_ data: Data) {
    guard let context, !data.isEmpty else { return }
    data.withUnsafeBytes { raw in _ = EVP_DigestUpdate(context, raw.baseAddress, raw.count) }
  }

  /// The lowercase hex digest of everything added (nil if libcrypto failed).
  consuming func hex() -> String? {
    guard let context else { return nil }
    var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    guard EVP_DigestFinal_ex(context, &out, &length) == 1 else { return nil }
    return out.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
  }

  /// A stand-in for a digest libcrypto could not compute: unique per call and never a hex digest,
  /// so a cache key or checksum built from it matches nothing and the result is recomputed.
  static func unmatchable() -> String { "no-digest-" + UUID().uuidString }

  /// The hex SHA-256 of one block of bytes.
  static func hex(of data: Data) -> String? {
    var d = SHA256Digest()
    d.update(data)
    return d.hex()
  }
}
