/// Lines over a numeric x axis: training loss per iteration, or the headline lift over history.
struct LineChart {
  /// One line.
  struct Series {
    var name: String
    var points: [(x: Double, y: Double)]
    /// An interval per point (same order as `points`), drawn as a capped vertical bar; nil: none.
    var bands: [(low: Double, high: Double)?] = []
    /// A note per point (e.g. its date and commit), added to the point's tooltip.
    var notes: [String] = []
  }

  var title: String
  var xLabel: String
  var yLabel: String
  var series: [Series]
  /// An optional dashed horizontal reference (a threshold) with its label.
  var reference: (value: Double, label: String)? = nil
  /// Tick labels for the x axis at given x values (e.g. dates); nil: numeric ticks.
  var xTickLabels: [(x: Double, label: String)]? = nil
  /// Fixed colours by series name (one per model across a page); others take the palette by index.
  var colours: [String: String] = [:]
  var frame = ChartFrame(width: 640, height: 300)

  var xScale: LinearScale {
    let xs = series.flatMap { $0.points.map(\.x) }
    return LinearScale(domain: LinearScale.extent(xs), range: (frame.plotLeft, frame.plotRight))
  }

  var yScale: LinearScale {
    let ys = series.flatMap { $0.points.map(\.y) + $0.bands.compactMap { $0 }.flatMap { [$0.low, $0.high] } }
    return LinearScale(domain: LinearScale.extent(ys, including: reference.map { [$0.value] } ?? []),
                       range: (frame.plotBottom, frame.plotTop)).niced()
  }

  /// The `d` attribute of a series' path: "M x y L x y …" (non-finite points break the line).
  func pathData(_ s: Series) -> String {
    let x = xScale, y = yScale
    var d = ""
    var pen = false
    for p in s.points {
      guard p.x.isFinite, p.y.isFinite else { pen = false; continue }
      d += (d.isEmpty ? "" : " ") + (pen ? "L" : "M") + SVGCanvas.num(x(p.x)) + " " + SVGCanvas.num(y(p.y))
      pen = true
    }
    return d
  }

  @discardableResult
  func render(into parent: MarkupElement, id: String) -> MarkupElement {
    let description = series.map { s in
      let ys = s.points.map(\.y).filter(\.isFinite)
      guard let first = ys.first, let last = ys.last else { return "\(s.name): no points" }
      return "\(s.name): \(s.points.count) points from \(NumberText.fixed(first)) to \(NumberText.fixed(last)), "
        + "lowest \(NumberText.fixed(ys.min()!))"
    }.joined(separator: "; ")
    let svg = SVGCanvas.begin(in: parent, frame: frame, id: id, title: title, description: description)
    let x = xScale, y = yScale
    SVGCanvas.leftAxis(in: svg, frame: frame, scale: y, label: yLabel)
    if let labels = xTickLabels {
      let axis = SVGCanvas.bottomAxis(in: svg, frame: frame, scale: x, label: xLabel, ticks: [])
      let stride = max(1, labels.count / 6)
      for (i, t) in labels.enumerated() where i % stride == 0 || i == labels.count - 1 {
        let anchor = labels.count > 1 && i == 0 ? "start" : (labels.count > 1 && i == labels.count - 1 ? "end" : "middle")
        // A label may hold a second line (e.g. the commit under the date).
        for (k, line) in t.label.split(separator: "\n").enumerated() {
          axis.append("text", ["x": SVGCanvas.num(x(t.x)), "y": SVGCanvas.num(frame.plotBottom + 16 + 12 * Double(k)),
                               "text-anchor": anchor, "font-size": "11"], text: String(line))
        }
      }
    } else {
      let xs = series.flatMap { $0.points.map(\.x) }.filter(\.isFinite)
      let integral = xs.allSatisfy { $0 == $0.rounded() }
      let ticks = x.ticks().filter { !integral || $0 == $0.rounded() }
      SVGCanvas.bottomAxis(in: svg, frame: frame, scale: x, label: xLabel, ticks: ticks)
    }
    var legend = series.enumerated().map { ($0.element.name, Palette.colour($0.element.name, index: $0.offset, in: colours)) }
    if let reference { legend.append((reference.label, Palette.black)) }
    SVGCanvas.legend(in: svg, frame: frame, entries: legend, dashed: reference == nil ? [] : [legend.count - 1])
    let g = svg.append("g", ["class": "data"])
    if let reference {
      g.append("line", ["class": "threshold", "x1": SVGCanvas.num(frame.plotLeft), "x2": SVGCanvas.num(frame.plotRight),
                        "y1": SVGCanvas.num(y(reference.value)), "y2": SVGCanvas.num(y(reference.value)),
                        "stroke": Palette.black, "stroke-dasharray": "5 4", "stroke-width": "1.5"])
    }
    // Interval bars of series sharing an x are set a few pixels apart, so none hides another.
    let banded = series.filter { $0.bands.contains { $0 != nil } }.count
    var bandIndex = 0
    for (i, s) in series.enumerated() {
      let colour = Palette.colour(s.name, index: i, in: colours)
      let dodge = s.bands.contains { $0 != nil } ? (Double(bandIndex) - Double(banded - 1) / 2) * 6 : 0
      if s.bands.contains(where: { $0 != nil }) { bandIndex += 1 }
      let path = g.append("path", ["class": "series", "d": pathData(s), "fill": "none", "stroke": colour,
                                   "stroke-width": "2"])
      path.append("title", text: s.name)
      for (k, p) in s.points.enumerated() where k < s.bands.count && p.x.isFinite {
        guard let b = s.bands[k], b.low.isFinite, b.high.isFinite else { continue }
        let cx = x(p.x) + dodge, top = y(b.high), bottom = y(b.low)
        let bar = g.append("path", ["class": "interval", "fill": "none", "stroke": colour, "stroke-width": "1.5",
                                    "d": "M\(SVGCanvas.num(cx - 4)) \(SVGCanvas.num(top)) H\(SVGCanvas.num(cx + 4)) "
                                      + "M\(SVGCanvas.num(cx)) \(SVGCanvas.num(top)) V\(SVGCanvas.num(bottom)) "
                                      + "M\(SVGCanvas.num(cx - 4)) \(SVGCanvas.num(bottom)) H\(SVGCanvas.num(cx + 4))"])
        bar.append("title", text: "\(s.name): interval \(NumberText.interval(b.low, b.high, signed: true))")
      }
      if s.points.count <= 40 {
        for (k, p) in s.points.enumerated() where p.x.isFinite && p.y.isFinite {
          let dot = g.append("circle", ["class": "point", "cx": SVGCanvas.num(x(p.x)), "cy": SVGCanvas.num(y(p.y)),
                                        "r": "3", "fill": colour])
          var tip = "\(s.name): \(NumberText.fixed(p.y))"
          if k < s.bands.count, let b = s.bands[k] { tip += " \(NumberText.interval(b.low, b.high, signed: true))" }
          if k < s.notes.count, !s.notes[k].isEmpty { tip += " (\(s.notes[k]))" }
          dot.append("title", text: tip)
        }
      }
    }
    return svg
  }
}
