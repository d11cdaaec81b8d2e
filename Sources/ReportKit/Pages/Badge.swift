import ClaimSpec

/// A small two-part SVG badge (label | value), for READMEs and dashboards.
struct Badge {
  var label: String
  var value: String
  var colour: String
  /// Dark text on light colours (orange), white elsewhere.
  var darkText: Bool = false

  /// Approximate text width in pixels at 11 px Verdana/DejaVu Sans (6.6 px per character).
  static func textWidth(_ s: String) -> Double { Double(s.count) * 6.6 }

  /// The badge as a standalone SVG document (XML with the SVG namespace).
  func document() -> MarkupDocument {
    let doc = MarkupDocument.xml(root: "svg", namespace: SVGCanvas.namespace)
    let svg = doc.root!
    let left = (Badge.textWidth(label) + 14).rounded()
    let right = (Badge.textWidth(value) + 14).rounded()
    let text = "\(label): \(value)"
    svg.setAttribute("width", SVGCanvas.num(left + right))
    svg.setAttribute("height", "20")
    svg.setAttribute("viewBox", "0 0 \(SVGCanvas.num(left + right)) 20")
    svg.setAttribute("role", "img")
    svg.setAttribute("aria-label", text)
    svg.append("title", text: text)
    svg.append("rect", ["width": SVGCanvas.num(left), "height": "20", "rx": "3", "fill": "#555555"])
    svg.append("rect", ["x": SVGCanvas.num(left), "width": SVGCanvas.num(right), "height": "20", "rx": "3",
                        "fill": colour])
    svg.append("rect", ["x": SVGCanvas.num(left), "width": "4", "height": "20", "fill": colour])
    let g = svg.append("g", ["font-family": "Verdana,DejaVu Sans,Geneva,sans-serif", "font-size": "11",
                             "text-anchor": "middle"])
    g.append("text", ["x": SVGCanvas.num(left / 2), "y": "14", "fill": "#ffffff"], text: label)
    g.append("text", ["x": SVGCanvas.num(left + right / 2), "y": "14", "fill": darkText ? "#1a1a1a" : "#ffffff"],
             text: value)
    return doc
  }

  /// Colour of a verdict (Okabe-Ito, green and vermillion darkened for text contrast; grey for errors).
  static func colour(_ verdict: Verdict) -> String {
    switch verdict {
    case .supported: return Palette.supported
    case .refuted: return Palette.refuted
    case .inconclusive: return Palette.inconclusive
    case .error: return Palette.error
    }
  }

  /// The badge of one claim: its id and verdict, with what was expected when they differ.
  static func claim(_ result: ClaimResult) -> Badge {
    var value = result.verdict.rawValue
    if result.verdict != result.expected { value += " (expected \(result.expected.rawValue))" }
    if !result.passed && result.verdict == result.expected { value += " (regressed)" }
    return Badge(label: result.claim, value: value, colour: colour(result.verdict),
                 darkText: result.verdict == .inconclusive)
  }

  /// The suite badge: counts of verdicts, red when any claim fails the build.
  static func suite(_ results: [ClaimResult]) -> Badge {
    let summary = SuiteSummary(results)
    let failing = summary.failing
    var parts: [String] = []
    for v in Verdict.allCases where summary[v] > 0 { parts.append("\(summary[v]) \(v.rawValue)") }
    if results.isEmpty { parts.append("no claims") }
    let value = parts.joined(separator: ", ") + (failing > 0 ? "; \(failing) failing" : "; all as expected")
    return Badge(label: "qlift claims", value: value, colour: failing > 0 ? Palette.refuted : Palette.supported)
  }
}
