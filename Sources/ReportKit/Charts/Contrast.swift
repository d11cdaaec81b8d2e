import Foundation

/// WCAG 2.x contrast between two `#RRGGBB` colours (relative luminance, ratio 1…21; AA text needs 4.5).
enum Contrast {
  /// The AA minimum for normal-size text.
  static let aa = 4.5

  /// Relative luminance of `#RRGGBB` (nil when the text is not such a colour).
  static func luminance(_ hex: String) -> Double? {
    var s = hex.trimmingCharacters(in: .whitespaces)
    guard s.hasPrefix("#") else { return nil }
    s.removeFirst()
    if s.count == 3 { s = s.map { "\($0)\($0)" }.joined() }
    guard s.count == 6, let v = Int(s, radix: 16) else { return nil }
    func channel(_ c: Int) -> Double {
      let x = Double(c) / 255
      return x <= 0.04045 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * channel(v >> 16 & 0xFF) + 0.7152 * channel(v >> 8 & 0xFF) + 0.0722 * channel(v & 0xFF)
  }

  /// The contrast ratio of two colours, lighter over darker; 1 when either is not a colour.
  static func ratio(_ a: String, _ b: String) -> Double {
    guard let la = luminance(a), let lb = luminance(b) else { return 1 }
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
  }
}
