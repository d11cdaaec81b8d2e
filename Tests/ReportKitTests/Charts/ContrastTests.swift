import ClaimSpec
import Foundation
import Testing
@testable import ReportKit

@Suite struct ContrastTests {
  @Test func ratiosMatchWCAG() {
    #expect(approx(Contrast.ratio("#000000", "#ffffff"), 21, 0.01))
    #expect(approx(Contrast.ratio("#777777", "#ffffff"), 4.48, 0.01))
    // The Okabe-Ito green and vermillion that badges used fail AA with white text.
    #expect(Contrast.ratio("#ffffff", Palette.bluishGreen) < Contrast.aa)
    #expect(Contrast.ratio("#ffffff", Palette.vermillion) < Contrast.aa)
  }

  /// The custom properties of the embedded stylesheet: "--name: #hex".
  static func variables() -> [String: String] {
    var out: [String: String] = [:]
    let css = ReportTemplates.embedded.stylesheet
    for part in css.components(separatedBy: ";") {
      guard let range = part.range(of: "--") else { continue }
      let pair = part[range.lowerBound...].split(separator: ":", maxSplits: 1)
      guard pair.count == 2 else { continue }
      let name = pair[0].trimmingCharacters(in: .whitespaces)
      let value = pair[1].trimmingCharacters(in: .whitespacesAndNewlines)
      guard value.hasPrefix("#"), !name.contains(")"), out[name] == nil else { continue }
      out[name] = value
    }
    return out
  }

  @Test func stylesheetTextMeetsAA() throws {
    let v = Self.variables()
    func c(_ name: String) throws -> String { try #require(v[name], "\(name) missing from report.css") }
    let pairs: [(String, String, String)] = [
      ("supported badge", try c("--on-dark"), try c("--supported")),
      ("refuted badge", try c("--on-dark"), try c("--refuted")),
      ("inconclusive badge", try c("--on-light"), try c("--inconclusive")),
      ("error badge", try c("--on-dark"), try c("--error")),
      ("passes", try c("--supported"), try c("--paper")),
      ("passes on a band", try c("--supported"), try c("--band")),
      ("fails", try c("--refuted"), try c("--paper")),
      ("missing fact on a serious warning", try c("--refuted"), try c("--serious-band")),
      ("muted text", try c("--muted"), try c("--paper")),
      ("muted text on a band", try c("--muted"), try c("--band")),
      ("links", try c("--link"), try c("--paper")),
      ("body text on a warning", try c("--ink"), try c("--warn-band")),
    ]
    for (what, text, background) in pairs {
      let r = Contrast.ratio(text, background)
      #expect(r >= Contrast.aa, "\(what): \(text) on \(background) is \(String(format: "%.2f", r)):1")
    }
    // The stylesheet and the SVG badges use the same verdict colours.
    #expect(try c("--supported").uppercased() == Palette.supported)
    #expect(try c("--refuted").uppercased() == Palette.refuted)
  }

  @Test(arguments: Verdict.allCases)
  func svgBadgesMeetAA(_ verdict: Verdict) {
    var r = SampleResults.supported
    r.verdict = verdict
    let badge = Badge.claim(r)
    let text = badge.darkText ? "#1a1a1a" : "#ffffff"
    #expect(Contrast.ratio(text, badge.colour) >= Contrast.aa, "\(verdict): \(Contrast.ratio(text, badge.colour))")
    #expect(Contrast.ratio("#ffffff", "#555555") >= Contrast.aa)  // the label half
  }
}
