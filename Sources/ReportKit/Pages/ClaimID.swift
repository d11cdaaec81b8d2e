/// Claim ids become file names (`claims/<id>.html`, `badges/<id>.svg`): only safe ones are accepted.
enum ClaimID {
  /// True for 1–128 characters of ASCII letters, digits, '.', '_' and '-', starting with a letter or
  /// digit and never containing "..": no '/', no '\', no spaces, no control characters.
  static func isSafe(_ id: String) -> Bool {
    guard (1...128).contains(id.utf8.count), !id.contains(".."), let first = id.utf8.first else { return false }
    func alnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    return alnum(first) && id.utf8.allSatisfy { alnum($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
  }
}
