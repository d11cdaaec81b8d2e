/// Grouped vertical bars of probability per outcome: the target distribution (grey) beside one or
/// more model distributions, for generative claims (model against target).
struct HistogramChart {
  /// One distribution over the chart's outcomes.
  struct Series {
    var name: String
    var probabilities: [Double]
  }

  var title: String
  /// The outcome labels (bitstrings), in order.
  var outcomes: [String]
  /// The target first, then the models.
  var series: [Series]
  /// Fixed colours by series name; the target is grey.
  var colours: [String: String] = [:]
  var frame = ChartFrame(width: 640, height: 320, left: 56, right: 16, top: 54, bottom: 40)

  init(title: String, outcomes: [String], series: [Series], colours: [String: String] = [:]) {
    self.title = title
    self.outcomes = outcomes
    self.series = series
    self.colours = colours
    // Bitstring labels are drawn vertically: room for the longest below the axis.
    let longest = Double(outcomes.map(\.count).max() ?? 1)
    frame.bottom = 30 + 7 * longest
    frame.height = 260 + frame.bottom
  }

  var yScale: LinearScale {
    let top = series.flatMap(\.probabilities).filter(\.isFinite).max() ?? 1
    return LinearScale(domain: (0, max(top, 1e-9)), range: (frame.plotBottom, frame.plotTop)).niced()
  }

  @discardableResult
  func render(into parent: MarkupElement, id: String) -> MarkupElement {
    let description = outcomes.enumerated().map { i, o in
      o + ": "
        + series.map { "\($0.name) \(NumberText.fixed(i < $0.probabilities.count ? $0.probabilities[i] : 0))" }
        .joined(separator: ", ")
    }.joined(separator: "; ")
    let svg = SVGCanvas.begin(in: parent, frame: frame, id: id, title: title, description: description)
    let y = yScale
    SVGCanvas.leftAxis(in: svg, frame: frame, scale: y, label: "probability")
    let colour = { (i: Int) -> String in
      i == 0 ? Palette.lightGrey : Palette.colour(self.series[i].name, index: i - 1, in: self.colours)
    }
    SVGCanvas.legend(in: svg, frame: frame, entries: series.indices.map { (series[$0].name, colour($0)) })
    let data = svg.append("g", ["class": "data"])
    let band = outcomes.isEmpty ? 0 : frame.plotWidth / Double(outcomes.count)
    let width = band * 0.85 / Double(max(series.count, 1))
    for (oi, outcome) in outcomes.enumerated() {
      let start = frame.plotLeft + Double(oi) * band + band * 0.075
      for (si, s) in series.enumerated() where oi < s.probabilities.count {
        let p = max(0, s.probabilities[oi])
        let rect = data.append(
          "rect",
          [
            "class": "bar", "x": SVGCanvas.num(start + Double(si) * width), "y": SVGCanvas.num(y(p)),
            "width": SVGCanvas.num(width), "height": SVGCanvas.num(max(0, y(0) - y(p))), "fill": colour(si),
            "stroke": si == 0 ? Palette.grey : colour(si), "stroke-width": "0.5"
          ])
        rect.append("title", text: "\(s.name), \(outcome): \(NumberText.fixed(p))")
      }
      let cx = frame.plotLeft + (Double(oi) + 0.5) * band
      let ly = frame.plotBottom + 8
      data.append(
        "text",
        [
          "x": SVGCanvas.num(cx), "y": SVGCanvas.num(ly), "text-anchor": "end", "font-size": "10", "font-family": "monospace",
          "transform": "rotate(-90 \(SVGCanvas.num(cx)) \(SVGCanvas.num(ly)))", "dominant-baseline": "middle"
        ], text: outcome)
    }
    svg.append(
      "line",
      [
        "x1": SVGCanvas.num(frame.plotLeft), "x2": SVGCanvas.num(frame.plotRight),
        "y1": SVGCanvas.num(frame.plotBottom), "y2": SVGCanvas.num(frame.plotBottom), "stroke": Palette.grey
      ])
    return svg
  }
}
