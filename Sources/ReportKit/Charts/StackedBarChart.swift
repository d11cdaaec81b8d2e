/// Horizontal stacked bars: each bar split into parts (data loading vs trainable).
struct StackedBarChart {
  /// One bar and its parts, in the order of `parts`.
  struct Bar {
    var label: String
    var values: [Double]
  }

  var title: String
  var xLabel: String
  /// Names of the parts, one colour each.
  var parts: [String]
  var bars: [Bar]
  var frame = ChartFrame(width: 640, height: 0, left: 170, right: 24, top: 32, bottom: 40)

  init(title: String, xLabel: String, parts: [String], bars: [Bar]) {
    self.title = title
    self.xLabel = xLabel
    self.parts = parts
    self.bars = bars
    frame.height = frame.top + frame.bottom + 30 * Double(max(bars.count, 1))
  }

  var xScale: LinearScale {
    let totals = bars.map { $0.values.filter(\.isFinite).map { max($0, 0) }.reduce(0, +) }
    return LinearScale(domain: LinearScale.extent(totals, including: [0]), range: (frame.plotLeft, frame.plotRight))
      .niced()
  }

  @discardableResult
  func render(into parent: MarkupElement, id: String) -> MarkupElement {
    let description = bars.map { b in
      b.label + ": " + zip(parts, b.values).map { "\($0) \(NumberText.tick($1))" }.joined(separator: ", ")
    }.joined(separator: "; ")
    let svg = SVGCanvas.begin(in: parent, frame: frame, id: id, title: title, description: description)
    let x = xScale
    SVGCanvas.bottomAxis(in: svg, frame: frame, scale: x, label: xLabel)
    SVGCanvas.legend(in: svg, frame: frame, entries: parts.enumerated().map { ($0.element, Palette.series($0.offset)) })
    let g = svg.append("g", ["class": "data"])
    for (bi, bar) in bars.enumerated() {
      let y = frame.plotTop + 4 + 30 * Double(bi)
      g.append("text", ["x": SVGCanvas.num(frame.plotLeft - 8), "y": SVGCanvas.num(y + 11), "text-anchor": "end",
                        "dominant-baseline": "middle", "font-size": "12"], text: bar.label)
      var start = 0.0
      for (pi, raw) in bar.values.enumerated() where pi < parts.count {
        let v = raw.isFinite ? max(raw, 0) : 0
        let rect = g.append("rect", ["class": "segment", "x": SVGCanvas.num(x(start)), "y": SVGCanvas.num(y),
                                     "width": SVGCanvas.num(x(start + v) - x(start)), "height": "22",
                                     "fill": Palette.series(pi)])
        rect.append("title", text: "\(bar.label): \(parts[pi]) \(NumberText.tick(v))")
        start += v
      }
    }
    return svg
  }
}
