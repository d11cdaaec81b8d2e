import ClaimSpec
import Foundation

/// Why a claim got its verdict or fails the build, one short line per deciding cause and by how
/// much: an exceeded cost bound, a decisive lift short of its minimum, a tripped regression.
enum Causes {
  /// The deciding causes, most decisive first (cost bounds, lifts, regressions, then a verdict
  /// that differs from the expected one for no listed reason). Empty for a clean supported claim.
  static func of(_ r: ClaimResult) -> [String] {
    if let e = r.inputError { return ["could not run: " + inputProblem(e)] }
    var out: [String] = r.costChecks.filter { !$0.held }.map(BoundText.comparison)
    for l in r.lifts where l.decisive && l.verdict != .supported {
      out.append(lift(l, metric: r.metric))
    }
    for c in r.regressions where c.tripped {
      if c.name.hasPrefix("cost ") {
        // Cost figures in their own units (integers, money, seconds); the tolerance is a relative rise.
        let bound = String(c.name.dropFirst(5))
        out.append("\(c.name) regressed \(BoundText.value(bound, c.accepted)) \u{2192} \(BoundText.value(bound, c.actual)) "
          + "(tolerance +\(NumberText.fixed(c.tolerance * 100, 0))%)")
      } else {
        out.append("\(c.name) regressed \(NumberText.fixed(c.accepted)) \u{2192} \(NumberText.fixed(c.actual)) "
          + "(\(NumberText.signed(c.actual - c.accepted)), tolerance \u{00B1}\(NumberText.fixed(c.tolerance)))")
      }
    }
    if out.isEmpty && r.verdict != r.expected {
      out.append("verdict \(r.verdict.rawValue), but the spec expects \(r.expected.rawValue)")
    }
    if out.isEmpty && r.verdict == .error {
      out.append("the claim could not be run (see its warnings)")
    }
    return out
  }

  /// A run-time input error without its `file:line:col: error: ` prefix (the row names the claim).
  static func inputProblem(_ message: String) -> String {
    guard let r = message.range(of: ": error: ") else { return message }
    return String(message[r.upperBound...])
  }

  /// One decisive lift that did not clear its minimum: how far the interval is from it.
  static func lift(_ l: LiftResult, metric: String = "") -> String {
    let s = l.summary
    let range = NumberText.interval(s.low, s.high, signed: true)
    let min = NumberText.signed(l.threshold)
    switch l.verdict {
    case .refuted:
      return "lift on \(l.backend) \(range) < min \(min) by \(shortfall(l.threshold - s.high, metric: metric))"
    case .inconclusive:
      return "lift on \(l.backend) \(range) straddles min \(min): lower bound \(shortfall(l.threshold - s.low, metric: metric)) short"
    case .error, .supported:
      return "lift on \(l.backend) could not be measured"
    }
  }

  /// A positive gap in points without its sign: "8.0 points".
  static func shortfall(_ gap: Double, metric: String = "") -> String {
    NumberText.difference(abs(gap), metric: metric).replacingOccurrences(of: "+", with: "")
  }
}
