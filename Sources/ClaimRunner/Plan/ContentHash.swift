import ClaimSpec
import Foundation

/// SHA-256 of a claim's inputs (spec bytes, data file bytes, qlift version), the cache key
/// recorded in every result's manifest.
enum ContentHash {
  /// Hex SHA-256 of the parts, each prefixed by its length so boundaries cannot shift.
  static func hex(_ parts: [Data]) -> String {
    var hasher = SHA256Digest()
    for part in parts {
      let n = UInt64(part.count)
      hasher.update(Data((0..<8).map { UInt8(truncatingIfNeeded: n >> (8 * $0)) }))  // little-endian length
      hasher.update(part)
    }
    return hasher.hex() ?? SHA256Digest.unmatchable()
  }

  /// The hash of a claim's inputs, recorded in its manifest: the spec file, its data files and
  /// the qlift version. Imported hardware counts are checked against it.
  static func claim(_ claim: Claim) -> String {
    var parts: [Data] = [Data(RunEnvironment.qliftVersion.utf8)]
    parts.append(projectData(URL(fileURLWithPath: claim.file), claim) ?? Data(claim.file.utf8))
    for f in claim.dataset.source.files { parts.append(projectData(f.url, claim) ?? Data()) }
    return hex(parts)
  }

  /// A file of the claim's project read through `ProjectFile` (nil when refused or missing).
  static func projectData(_ url: URL, _ claim: Claim) -> Data? {
    let root = claim.projectRoot ?? ProjectPaths(specFile: URL(fileURLWithPath: claim.file)).root
    return try? ProjectFile.read(url, root: root, maxBytes: ProjectFile.maxDataBytes)
  }
}
