/// Points of a 2-D dataset coloured and shaped by class.
struct ScatterPlot {
  var title: String
  var points: [(x: Double, y: Double, label: Int)]
  var classes: [String]
  var xLabel: String
  var yLabel: String
  var frame = ChartFrame(width: 420, height: 340)

  var xScale: LinearScale {
    LinearScale(domain: ScatterPlot.padded(points.map(\.x)), range: (frame.plotLeft, frame.plotRight)).niced()
  }
  var yScale: LinearScale {
    LinearScale(domain: ScatterPlot.padded(points.map(\.y)), range: (frame.plotBottom, frame.plotTop)).niced()
  }

  /// The data extent widened by 5 % on each side, so no point sits on an axis.
  static func padded(_ values: [Double]) -> (lower: Double, upper: Double) {
    let e = LinearScale.extent(values)
    let pad = (e.upper - e.lower) * 0.05
    return (e.lower - pad, e.upper + pad)
  }

  func className(_ label: Int) -> String { classes.indices.contains(label) ? classes[label] : "class \(label)" }

  @discardableResult
  func render(into parent: MarkupElement, id: String) -> MarkupElement {
    let labels = Array(Set(points.map(\.label))).sorted()
    let counts = labels.map { l in "\(className(l)): \(points.filter { $0.label == l }.count) points" }
    let description = "\(points.count) points of \(xLabel) against \(yLabel); " + counts.joined(separator: ", ")
    let svg = SVGCanvas.begin(in: parent, frame: frame, id: id, title: title, description: description)
    let x = xScale, y = yScale
    SVGCanvas.leftAxis(in: svg, frame: frame, scale: y, label: yLabel)
    SVGCanvas.bottomAxis(in: svg, frame: frame, scale: x, label: xLabel)
    let legend = svg.append("g", ["class": "legend"])
    var lx = frame.plotLeft
    for l in labels {
      SVGCanvas.marker(in: legend, shape: max(l, 0), x: lx + 6, y: SVGCanvas.legendY - 4, size: 9, color: Palette.series(max(l, 0)))
      legend.append("text", ["x": SVGCanvas.num(lx + 16), "y": SVGCanvas.num(SVGCanvas.legendY), "font-size": "11"], text: className(l))
      lx += 36 + Double(className(l).count) * 6.2
    }
    let g = svg.append("g", ["class": "data"])
    for p in points where p.x.isFinite && p.y.isFinite {
      SVGCanvas.marker(in: g, shape: max(p.label, 0), x: x(p.x), y: y(p.y), size: 7,
                       color: Palette.series(max(p.label, 0)))
        .setAttribute("fill-opacity", "0.8")
    }
    return svg
  }
}
