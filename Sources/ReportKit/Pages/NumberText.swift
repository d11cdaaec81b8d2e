import Foundation

/// How numbers read on the pages: fixed decimals, signed lifts, intervals, counts and money.
enum NumberText {
  /// A plain value with `digits` decimals; "n/a" for NaN or infinity.
  static func fixed(_ v: Double, _ digits: Int = 3) -> String {
    guard v.isFinite else { return "n/a" }
    let s = String(format: "%.\(digits)f", v)
    return s == "-" + String(format: "%.\(digits)f", 0.0) ? String(format: "%.\(digits)f", 0.0) : s
  }

  /// A signed value (+0.105, −0.020), for lifts and deltas.
  static func signed(_ v: Double, _ digits: Int = 3) -> String {
    guard v.isFinite else { return "n/a" }
    let s = fixed(abs(v), digits)
    if s == fixed(0, digits) { return s }
    return (v < 0 ? "\u{2212}" : "+") + s
  }

  /// An interval "[low, high]".
  static func interval(_ low: Double, _ high: Double, signed useSign: Bool = false, _ digits: Int = 3) -> String {
    useSign ? "[\(signed(low, digits)), \(signed(high, digits))]" : "[\(fixed(low, digits)), \(fixed(high, digits))]"
  }

  /// An axis tick label: as few decimals as the value needs (at most 4).
  static func tick(_ v: Double) -> String {
    guard v.isFinite else { return "" }
    for digits in 0...4 {
      let s = String(format: "%.\(digits)f", v)
      if abs((Double(s) ?? v) - v) < 1e-9 * max(1, abs(v)) { return s == "-0" ? "0" : s }
    }
    return String(format: "%.4g", v)
  }

  /// A count with thousands separators (1 234 567 → "1,234,567"); large values as 1.2e9.
  static func count(_ v: Double) -> String {
    guard v.isFinite else { return "n/a" }
    if abs(v) >= 1e15 { return String(format: "%.2e", v) }
    let n = Int(v.rounded())
    let digits = String(abs(n))
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return (n < 0 ? "-" : "") + out
  }

  /// US dollars with cents ("$12.40"); "$0" for zero.
  static func usd(_ v: Double) -> String {
    guard v.isFinite else { return "n/a" }
    if v == 0 { return "$0" }
    return v < 0.01 ? "<$0.01" : "$" + String(format: "%.2f", v)
  }

  /// Seconds as "0.42 s", "8.1 s", "2 min 05 s".
  static func seconds(_ v: Double) -> String {
    guard v.isFinite else { return "n/a" }
    if v < 10 { return String(format: "%.2f s", v) }
    if v < 120 { return String(format: "%.1f s", v) }
    let total = Int(v.rounded())
    if total < 7200 { return String(format: "%d min %02d s", total / 60, total % 60) }
    return String(format: "%d h %02d min", total / 3600, (total % 3600) / 60)
  }
}
