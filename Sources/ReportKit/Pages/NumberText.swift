import Foundation

/// The one number format of the report: metric values with 3 decimals, lifts signed and as points,
/// money with thousands separators and cents, integers without decimals, a true minus sign (U+2212).
enum NumberText {
  /// The minus sign every negative number is written with (U+2212, not the hyphen).
  static let minus = "\u{2212}"

  /// `s` with a leading ASCII hyphen replaced by the true minus sign.
  static func trueMinus(_ s: String) -> String { s.hasPrefix("-") ? minus + s.dropFirst() : s }

  /// A plain value with `digits` decimals (−0.020); "n/a" for NaN or infinity; never "−0.000".
  static func fixed(_ v: Double, _ digits: Int = 3) -> String {
    guard v.isFinite else { return "n/a" }
    let s = String(format: "%.\(digits)f", v)
    return s == "-" + String(format: "%.\(digits)f", 0.0) ? String(format: "%.\(digits)f", 0.0) : trueMinus(s)
  }

  /// A signed value (+0.105, −0.020), for lifts and deltas.
  static func signed(_ v: Double, _ digits: Int = 3) -> String {
    guard v.isFinite else { return "n/a" }
    let s = fixed(abs(v), digits)
    if s == fixed(0, digits) { return s }
    return (v < 0 ? minus : "+") + s
  }

  /// A lift of a [0, 1] metric in percentage points: 0.261 → "+26.1 points".
  /// A difference of `metric` values: in points for the scores in [0, 1], in the target's own
  /// units (no points) for the regression errors rmse and mae: "+0.288 rmse".
  static func difference(_ v: Double, metric: String) -> String {
    unitless(metric) ? signed(v) + " " + metric : points(v)
  }

  /// True for metrics measured in the target's units (rmse, mae) or in their own (log_loss and
  /// the generative kl in nats, mmd), whose differences are not points: only scores bounded in
  /// [0, 1] (accuracy, balanced_accuracy, f1_macro, roc_auc, tv) differ by points.
  static func unitless(_ metric: String) -> Bool { ["rmse", "mae", "kl", "mmd", "log_loss"].contains(metric) }

  static func points(_ v: Double) -> String {
    guard v.isFinite else { return "n/a" }
    return signed(v * 100, 1) + " points"
  }

  /// An interval "[low, high]".
  static func interval(_ low: Double, _ high: Double, signed useSign: Bool = false, _ digits: Int = 3) -> String {
    useSign ? "[\(signed(low, digits)), \(signed(high, digits))]" : "[\(fixed(low, digits)), \(fixed(high, digits))]"
  }

  /// An axis tick label: as few decimals as the value needs (at most 4), thousands separated.
  static func tick(_ v: Double) -> String {
    guard v.isFinite else { return "" }
    if abs(v) >= 1000 && v == v.rounded() { return count(v) }
    for digits in 0...4 {
      let s = String(format: "%.\(digits)f", v)
      if abs((Double(s) ?? v) - v) < 1e-9 * max(1, abs(v)) { return s == "-0" ? "0" : trueMinus(s) }
    }
    return trueMinus(String(format: "%.4g", v))
  }

  /// Digits of a non-negative whole number grouped by thousands: "1234567" → "1,234,567".
  static func grouped(_ digits: String) -> String {
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return out
  }

  /// A count with thousands separators and no decimals (67092480 → "67,092,480"); huge values as 1.2e+15.
  static func count(_ v: Double) -> String {
    guard v.isFinite else { return "n/a" }
    if abs(v) >= 1e15 { return trueMinus(String(format: "%.2e", v)) }
    let n = Int(v.rounded())
    return (n < 0 ? minus : "") + grouped(String(n.magnitude))
  }

  /// An integer with thousands separators.
  static func integer(_ n: Int) -> String { (n < 0 ? minus : "") + grouped(String(n.magnitude)) }

  /// US dollars with thousands separators and cents ("$114,166.50", "$0.00"); "<$0.01" below a cent.
  static func usd(_ v: Double) -> String {
    guard v.isFinite else { return "n/a" }
    if v > 0 && v < 0.005 { return "<$0.01" }
    let cents = Int((abs(v) * 100).rounded())
    return (v < 0 ? minus : "") + "$" + grouped(String(cents / 100)) + "." + String(format: "%02d", cents % 100)
  }

  /// Decimal numbers inside prose written by the runner ("lift is -0.01852 [-0.1779, 0.1408]") in
  /// the page's format: 3 decimals and a true minus. Values after "=" (hyperparameters such as
  /// gamma=0.0001) and integers are left as written.
  static func prose(_ text: String) -> String {
    guard let regex = try? NSRegularExpression(pattern: #"(?<![=\w.])-?\d+\.\d+(?!\.\d)(?!\w)"#) else { return text }
    let ns = text as NSString
    var out = ""
    var last = 0
    for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
      out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
      let token = ns.substring(with: m.range)
      out += Double(token).map { fixed($0) } ?? token
      last = m.range.location + m.range.length
    }
    return out + ns.substring(from: last)
  }

  /// Seconds as "0.42 s", "8.1 s", "2 min 05 s", "3 h 20 min".
  static func seconds(_ v: Double) -> String {
    guard v.isFinite else { return "n/a" }
    if v < 10 { return String(format: "%.2f s", v) }
    if v < 120 { return String(format: "%.1f s", v) }
    let total = Int(v.rounded())
    if total < 7200 { return String(format: "%d min %02d s", total / 60, total % 60) }
    return String(format: "%d h %02d min", total / 3600, (total % 3600) / 60)
  }
}
