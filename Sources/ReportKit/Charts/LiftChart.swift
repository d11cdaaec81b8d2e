/// The lift per backend as a point with its interval, against the threshold line and zero.
struct LiftChart {
  /// One backend's lift.
  struct Row {
    var backend: String
    var mean: Double
    var low: Double
    var high: Double
    var verdict: String
  }

  var title: String
  var rows: [Row]
  var threshold: Double
  /// The x axis label, naming what the lift is over ("lift of zz over svm_rbf (best baseline)").
  var xLabel: String
  var frame = ChartFrame(width: 640, height: 0, left: 110, right: 24, top: 56, bottom: 40)

  init(title: String, rows: [Row], threshold: Double, xLabel: String = "lift over the best baseline") {
    self.title = title
    self.xLabel = xLabel
    self.rows = rows
    self.threshold = threshold
    frame.height = frame.top + frame.bottom + 36 * Double(max(rows.count, 1))
    // Room for the longest backend label at 12 px (about 7 px a character).
    frame.left = max(frame.left, 16 + 7 * Double(rows.map(\.backend.count).max() ?? 0))
  }

  /// Where a label at `x` hangs so it stays inside the chart: from its end near the right edge,
  /// from its start near the left edge, centred elsewhere.
  static func labelAnchor(_ x: Double, frame: ChartFrame) -> String {
    if x > frame.plotRight - frame.plotWidth / 6 { return "end" }
    if x < frame.plotLeft + frame.plotWidth / 6 { return "start" }
    return "middle"
  }

  /// The x scale (lift), covering every interval, zero and the threshold.
  var xScale: LinearScale {
    let values = rows.flatMap { [$0.low, $0.high, $0.mean] }
    return LinearScale(domain: LinearScale.extent(values, including: [0, threshold]),
                       range: (frame.plotLeft, frame.plotRight)).niced()
  }

  /// The centre y of row `index`.
  func rowY(_ index: Int) -> Double { frame.plotTop + 18 + 36 * Double(index) }

  static func colour(_ verdict: String) -> String {
    switch verdict {
    case "supported": return Palette.supported
    case "refuted": return Palette.refuted
    case "inconclusive": return Palette.inconclusive
    default: return Palette.error
    }
  }

  @discardableResult
  func render(into parent: MarkupElement, id: String) -> MarkupElement {
    let description = "Threshold \(NumberText.signed(threshold)). "
      + rows.map { "\($0.backend): \(NumberText.signed($0.mean)) \(NumberText.interval($0.low, $0.high, signed: true)), \($0.verdict)" }
      .joined(separator: "; ")
    let svg = SVGCanvas.begin(in: parent, frame: frame, id: id, title: title, description: description)
    let x = xScale
    SVGCanvas.bottomAxis(in: svg, frame: frame, scale: x, label: xLabel,
                         format: { NumberText.signed($0, 2) })
    let g = svg.append("g", ["class": "data"])
    g.append("line", ["class": "zero", "x1": SVGCanvas.num(x(0)), "x2": SVGCanvas.num(x(0)),
                      "y1": SVGCanvas.num(frame.plotTop), "y2": SVGCanvas.num(frame.plotBottom), "stroke": Palette.grey])
    g.append("line", ["class": "threshold", "x1": SVGCanvas.num(x(threshold)), "x2": SVGCanvas.num(x(threshold)),
                      "y1": SVGCanvas.num(frame.plotTop - 6), "y2": SVGCanvas.num(frame.plotBottom),
                      "stroke": Palette.black, "stroke-width": "1.5", "stroke-dasharray": "5 4"])
    g.append("text", ["x": SVGCanvas.num(x(threshold)), "y": SVGCanvas.num(frame.plotTop - 10),
                      "text-anchor": Self.labelAnchor(x(threshold), frame: frame),
                      "font-size": "11"], text: "threshold \(NumberText.signed(threshold))")
    for (i, row) in rows.enumerated() {
      let cy = rowY(i)
      let colour = LiftChart.colour(row.verdict)
      g.append("text", ["x": SVGCanvas.num(frame.plotLeft - 8), "y": SVGCanvas.num(cy), "text-anchor": "end",
                        "dominant-baseline": "middle", "font-size": "12"], text: row.backend)
      g.append("line", ["class": "interval", "x1": SVGCanvas.num(x(row.low)), "x2": SVGCanvas.num(x(row.high)),
                        "y1": SVGCanvas.num(cy), "y2": SVGCanvas.num(cy), "stroke": colour, "stroke-width": "3"])
      let dot = g.append("circle", ["class": "point", "cx": SVGCanvas.num(x(row.mean)), "cy": SVGCanvas.num(cy),
                                    "r": "5", "fill": colour, "stroke": Palette.black])
      dot.append("title", text: "\(row.backend): lift \(NumberText.signed(row.mean)) "
                 + "\(NumberText.interval(row.low, row.high, signed: true)), \(row.verdict)")
    }
    return svg
  }
}
