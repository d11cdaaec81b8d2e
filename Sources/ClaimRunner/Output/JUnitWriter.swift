import ClaimSpec
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Writes `junit.xml`: one test case per claim; a `<failure>` with the numbers, the deciding
/// cause first, when the claim fails the build; an `<error>` when it could not run (verdict `error`).
public enum JUnitWriter {
  /// The JUnit XML document for a suite of claim results.
  public static func document(_ results: [ClaimResult], suiteName: String = "qlift") -> String {
    let summary = SuiteSummary(results)
    let errors = summary.errors, failures = summary.failures, total = summary.seconds
    let root = XMLElement(name: "testsuites")
    let suite = XMLElement(name: "testsuite")
    suite.addAttribute(attribute("name", suiteName))
    suite.addAttribute(attribute("tests", String(results.count)))
    suite.addAttribute(attribute("failures", String(failures)))
    suite.addAttribute(attribute("errors", String(errors)))
    suite.addAttribute(attribute("time", String(format: "%.3f", total)))
    for r in results {
      let tc = XMLElement(name: "testcase")
      tc.addAttribute(attribute("classname", "claims." + r.claim))
      tc.addAttribute(attribute("name", r.title.isEmpty ? r.claim : r.title))
      tc.addAttribute(attribute("file", r.specFile))
      tc.addAttribute(attribute("time", String(format: "%.3f", r.manifest.seconds)))
      if r.verdict == .error {
        let e = XMLElement(name: "error")
        e.addAttribute(attribute("message", errorMessage(r)))
        e.addAttribute(attribute("type", r.inputError != nil ? "input" : "model"))
        e.stringValue = r.reasons.joined(separator: "\n")
        tc.addChild(e)
      } else if !r.passed {
        let f = XMLElement(name: "failure")
        f.addAttribute(attribute("message", failureMessage(r)))
        f.addAttribute(attribute("type", r.verdict == r.expected ? "regression" : "verdict"))
        f.stringValue = r.allReasons.joined(separator: "\n")
        tc.addChild(f)
      }
      let out = XMLElement(name: "system-out")
      out.stringValue = summaryLines(r).joined(separator: "\n")
      tc.addChild(out)
      suite.addChild(tc)
    }
    root.addChild(suite)
    let doc = XMLDocument(rootElement: root)
    doc.version = "1.0"
    doc.characterEncoding = "UTF-8"
    return doc.xmlString(options: [.nodePrettyPrint]) + "\n"
  }

  /// One line saying why a claim fails the build: the deciding cause first (the failed cost
  /// bound or the decisive lift, or the number that regressed), then the verdict against the expectation.
  public static func failureMessage(_ r: ClaimResult) -> String {
    if r.verdict != r.expected {
      let causes = decidingCauses(r)
      let verdict = "expected \(r.expectedLabel), got \(r.verdictLabel)"
      return causes.isEmpty ? verdict : causes.joined(separator: "; ") + " (\(verdict))"
    }
    let moved = r.regressions.filter(\.tripped).map { "\($0.name) moved from \(fmt($0.accepted)) to \(fmt($0.actual))" }
    return moved.joined(separator: "; ") + " (regressed against the accepted snapshot)"
  }

  /// Why a claim could not run: its refused input, else the first reason.
  public static func errorMessage(_ r: ClaimResult) -> String {
    r.inputError ?? r.reasons.first ?? "the claim could not run"
  }

  /// What decided the verdict, most decisive first: failed cost bounds, then decisive lifts
  /// (with their one-sided p-values against the threshold), then the reported ones.
  public static func decidingCauses(_ r: ClaimResult) -> [String] {
    var out = r.costChecks.filter { !$0.held }.map { "cost bound \($0.name): \(fmt($0.actual)) > \(fmt($0.limit))" }
    let decisive = r.lifts.filter(\.decisive)
    for l in decisive.sorted(by: { rank($0.verdict, r.verdict) < rank($1.verdict, r.verdict) }) {
      out.append(liftLine(l))
    }
    out += r.lifts.filter { !$0.decisive }.map { liftLine($0) + " (reported, not decisive)" }
    return out
  }

  private static func rank(_ v: Verdict, _ claim: Verdict) -> Int { v == claim ? 0 : 1 }

  private static func liftLine(_ l: LiftResult) -> String {
    var text = "\(l.backend) lift \(fmt(l.summary.mean)) [\(fmt(l.summary.low)), \(fmt(l.summary.high))] vs min \(fmt(l.threshold))"
    if !l.reportedPValue.isNaN { text += ", one-sided p \(fmtP(l.reportedPValue))" }
    if let why = l.inconclusiveReason { text += " (\(why))" }
    return text
  }

  /// Plain-text summary lines of a result (verdict, lifts, costs).
  public static func summaryLines(_ r: ClaimResult) -> [String] {
    var lines = ["verdict: \(r.verdictLabel) (expected \(r.expectedLabel))", "best baseline: \(r.bestBaseline)"]
    if let i = r.inference { lines.append("intervals: \(i.explanation)") }
    for l in r.lifts {
      var line = "lift on \(l.backend) (\(l.model)): \(fmt(l.summary.mean)) [\(fmt(l.summary.low)), \(fmt(l.summary.high))], min \(fmt(l.threshold))"
      if !l.reportedPValue.isNaN { line += ", one-sided p against the minimum \(fmtP(l.reportedPValue))" }
      if let note = l.powerNote { line += "; \(note)" }
      lines.append(line)
    }
    for c in r.costChecks { lines.append("\(c.name): \(fmt(c.actual)) (limit \(fmt(c.limit)))\(c.held ? "" : " EXCEEDED")") }
    return lines
  }

  private static func attribute(_ name: String, _ value: String) -> XMLNode {
    XMLNode.attribute(withName: name, stringValue: value) as! XMLNode
  }
}

/// Formats a number for messages: 4 significant digits.
func fmt(_ x: Double) -> String {
  if x.isNaN { return "nan" }
  if x == x.rounded() && abs(x) < 1e9 { return String(Int(x)) }
  return String(format: "%.4g", x)
}
