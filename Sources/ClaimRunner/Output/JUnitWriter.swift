import ClaimSpec
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Writes `junit.xml`: one test case per claim, a failure with the numbers when the claim fails the build.
public enum JUnitWriter {
  /// The JUnit XML document for a suite of claim results.
  public static func document(_ results: [ClaimResult], suiteName: String = "qlift") -> String {
    let failures = results.filter { !$0.passed }.count
    let total = results.reduce(0.0) { $0 + $1.manifest.seconds }
    let root = XMLElement(name: "testsuites")
    let suite = XMLElement(name: "testsuite")
    suite.addAttribute(attribute("name", suiteName))
    suite.addAttribute(attribute("tests", String(results.count)))
    suite.addAttribute(attribute("failures", String(failures)))
    suite.addAttribute(attribute("errors", "0"))
    suite.addAttribute(attribute("time", String(format: "%.3f", total)))
    for r in results {
      let tc = XMLElement(name: "testcase")
      tc.addAttribute(attribute("classname", "claims." + r.claim))
      tc.addAttribute(attribute("name", r.title.isEmpty ? r.claim : r.title))
      tc.addAttribute(attribute("file", r.specFile))
      tc.addAttribute(attribute("time", String(format: "%.3f", r.manifest.seconds)))
      if !r.passed {
        let f = XMLElement(name: "failure")
        f.addAttribute(attribute("message", failureMessage(r)))
        f.addAttribute(attribute("type", r.verdict == r.expected ? "regression" : "verdict"))
        f.stringValue = r.reasons.joined(separator: "\n")
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

  /// One line saying why a claim fails the build.
  public static func failureMessage(_ r: ClaimResult) -> String {
    if r.verdict != r.expected {
      let lifts = r.lifts.map { l in
        "\(l.backend) lift \(fmt(l.summary.mean)) [\(fmt(l.summary.low)), \(fmt(l.summary.high))] vs min \(fmt(l.threshold))"
      }.joined(separator: "; ")
      return "expected \(r.expected.rawValue), got \(r.verdict.rawValue): \(lifts)"
    }
    let moved = r.regressions.filter(\.tripped).map { "\($0.name) moved from \(fmt($0.accepted)) to \(fmt($0.actual))" }
    return "regressed against the accepted snapshot: " + moved.joined(separator: "; ")
  }

  /// Plain-text summary lines of a result (verdict, lifts, costs).
  public static func summaryLines(_ r: ClaimResult) -> [String] {
    var lines = ["verdict: \(r.verdict.rawValue) (expected \(r.expected.rawValue))", "best baseline: \(r.bestBaseline)"]
    for l in r.lifts {
      lines.append("lift on \(l.backend) (\(l.model)): \(fmt(l.summary.mean)) [\(fmt(l.summary.low)), \(fmt(l.summary.high))], min \(fmt(l.threshold))")
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
