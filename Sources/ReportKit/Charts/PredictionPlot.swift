/// Predicted against true targets of a regression claim's test split, one colour and shape per
/// model, both axes on one scale with the y = x line (a perfect model's points lie on it).
struct PredictionPlot {
  /// One model's predictions.
  struct Series {
    var name: String
    var colour: String
    var truth: [Double]
    var predicted: [Double]
  }

  var title: String
  var series: [Series]
  var axisLabel: String
  var frame = ChartFrame(width: 420, height: 360)

  /// One domain for both axes, padded, so the y = x line is the diagonal.
  var scales: (x: LinearScale, y: LinearScale) {
    let all = series.flatMap { $0.truth + $0.predicted }.filter(\.isFinite)
    let d = ScatterPlot.padded(all)
    let x = LinearScale(domain: d, range: (frame.plotLeft, frame.plotRight)).niced()
    let y = LinearScale(domain: (x.domain.lower, x.domain.upper), range: (frame.plotBottom, frame.plotTop))
    return (x, y)
  }

  @discardableResult
  func render(into parent: MarkupElement, id: String) -> MarkupElement {
    let counts = series.map { "\($0.name): \($0.truth.count) points" }.joined(separator: ", ")
    let svg = SVGCanvas.begin(in: parent, frame: frame, id: id, title: title,
                              description: "Predicted against true \(axisLabel) on the test split; \(counts); the dashed line is y = x.")
    let (x, y) = scales
    SVGCanvas.leftAxis(in: svg, frame: frame, scale: y, label: "predicted \(axisLabel)")
    SVGCanvas.bottomAxis(in: svg, frame: frame, scale: x, label: "true \(axisLabel)")
    SVGCanvas.legend(in: svg, frame: frame, entries: series.map { ($0.name, $0.colour) })
    let lo = x.domain.lower, hi = x.domain.upper
    svg.append("line", ["class": "identity", "x1": SVGCanvas.num(x(lo)), "y1": SVGCanvas.num(y(lo)), "x2": SVGCanvas.num(x(hi)),
                        "y2": SVGCanvas.num(y(hi)), "stroke": Palette.black, "stroke-width": "1.2", "stroke-dasharray": "4 3"])
    let g = svg.append("g", ["class": "data"])
    for (k, s) in series.enumerated() {
      for (t, p) in zip(s.truth, s.predicted) where t.isFinite && p.isFinite {
        SVGCanvas.marker(in: g, shape: k, x: x(t), y: y(p), size: 7, color: s.colour).setAttribute("fill-opacity", "0.75")
      }
    }
    return svg
  }
}
