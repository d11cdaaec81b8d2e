/// Horizontal stacked bars: each bar split into parts (data loading vs the rest), with the
/// criteria's limit as a dashed line (or a note that the criteria set none).
struct StackedBarChart {
  /// One bar and its parts, in the order of `parts`.
  struct Bar {
    var label: String
    var values: [Double]
  }

  var title: String
  var xLabel: String
  /// Names of the parts: the first drawn solid, later ones lighter, in the bar's colour.
  var parts: [String]
  var bars: [Bar]
  /// The bound to draw, e.g. (60, "limit 60 (max_two_qubit_gates)"); nil draws a "no limit" note.
  var limit: (value: Double, label: String)?
  /// Fixed colours by bar label (one per model across a page); others take the palette by index.
  var colours: [String: String] = [:]
  /// A value to mark on a bar (e.g. the total after routing, which the limit applies to), by bar label.
  var marks: [String: Double] = [:]
  /// The legend text of the marks.
  var markLabel = "after routing"
  var frame = ChartFrame(width: 640, height: 0, left: 170, right: 24, top: 54, bottom: 40)

  /// Fill opacity of part `index`: the first part solid, the rest light.
  static func opacity(_ index: Int) -> Double { index == 0 ? 1 : 0.35 }

  init(title: String, xLabel: String, parts: [String], bars: [Bar], limit: (value: Double, label: String)?,
       colours: [String: String] = [:], marks: [String: Double] = [:]) {
    self.marks = marks
    self.title = title
    self.xLabel = xLabel
    self.parts = parts
    self.bars = bars
    self.limit = limit
    self.colours = colours
    frame.height = frame.top + frame.bottom + 30 * Double(max(bars.count, 1)) + 8
    // Room for the longest bar label at 12 px (about 7 px a character).
    frame.left = max(60, 16 + 7 * Double(bars.map(\.label.count).max() ?? 0))
  }

  /// The x scale, covering every bar and the limit.
  var xScale: LinearScale {
    let totals = bars.map { $0.values.filter(\.isFinite).map { max($0, 0) }.reduce(0, +) }
    let extra = ((limit.map { [0, $0.value] } ?? [0]) + marks.values).filter(\.isFinite)
    return LinearScale(domain: LinearScale.extent(totals, including: extra), range: (frame.plotLeft, frame.plotRight))
      .niced()
  }

  @discardableResult
  func render(into parent: MarkupElement, id: String) -> MarkupElement {
    var description = bars.map { b in
      b.label + ": " + zip(parts, b.values).map { "\($0) \(NumberText.tick($1))" }.joined(separator: ", ")
    }.joined(separator: "; ")
    description += marks.isEmpty ? "" : "; " + bars.compactMap { b in marks[b.label].map { "\(b.label) \(markLabel) \(NumberText.tick($0))" } }
      .joined(separator: ", ")
    description += limit.map { "; \($0.label)" } ?? "; no limit in the criteria"
    let svg = SVGCanvas.begin(in: parent, frame: frame, id: id, title: title, description: description)
    let x = xScale
    SVGCanvas.bottomAxis(in: svg, frame: frame, scale: x, label: xLabel)
    var legend = parts.enumerated().map { (label: $0.element, color: Palette.series(0)) }
    if !marks.isEmpty { legend.append((markLabel, Palette.black)) }
    if let limit { legend.append((limit.label, Palette.black)) }
    SVGCanvas.legend(in: svg, frame: frame, entries: legend, dashed: limit == nil ? [] : [legend.count - 1])
    if let swatches = try? svg.select("./g[@class='legend']/rect") {
      for (i, rect) in swatches.enumerated() where i < parts.count { rect.setAttribute("fill-opacity", SVGCanvas.num(Self.opacity(i))) }
    }
    let g = svg.append("g", ["class": "data"])
    for (bi, bar) in bars.enumerated() {
      let y = frame.plotTop + 4 + 30 * Double(bi)
      let colour = Palette.colour(bar.label, index: bi, in: colours)
      g.append("text", ["x": SVGCanvas.num(frame.plotLeft - 8), "y": SVGCanvas.num(y + 11), "text-anchor": "end",
                        "dominant-baseline": "middle", "font-size": "12"], text: bar.label)
      var start = 0.0
      for (pi, raw) in bar.values.enumerated() where pi < parts.count {
        let v = raw.isFinite ? max(raw, 0) : 0
        let rect = g.append("rect", ["class": "segment", "x": SVGCanvas.num(x(start)), "y": SVGCanvas.num(y),
                                     "width": SVGCanvas.num(x(start + v) - x(start)), "height": "22",
                                     "fill": colour, "fill-opacity": SVGCanvas.num(Self.opacity(pi)),
                                     "stroke": colour])
        rect.append("title", text: "\(bar.label): \(parts[pi]) \(NumberText.tick(v))")
        start += v
      }
      if let m = marks[bar.label], m.isFinite {
        let mark = SVGCanvas.marker(in: g, shape: 3, x: x(m), y: y + 11, size: 12, color: Palette.black)
        mark.setAttribute("class", "mark")
        mark.append("title", text: "\(bar.label): \(markLabel) \(NumberText.tick(m))")
      }
    }
    if let limit, limit.value.isFinite {
      g.append("line", ["class": "limit", "x1": SVGCanvas.num(x(limit.value)), "x2": SVGCanvas.num(x(limit.value)),
                        "y1": SVGCanvas.num(frame.plotTop - 4), "y2": SVGCanvas.num(frame.plotBottom),
                        "stroke": Palette.black, "stroke-width": "1.5", "stroke-dasharray": "5 4"])
    } else {
      g.append("text", ["class": "limit-note", "x": SVGCanvas.num(frame.plotRight), "y": SVGCanvas.num(frame.height - 6),
                        "text-anchor": "end", "font-size": "11"], text: "no limit in the criteria")
    }
    return svg
  }
}
