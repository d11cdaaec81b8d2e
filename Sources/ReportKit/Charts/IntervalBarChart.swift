/// Vertical bars with interval whiskers, grouped: the metric per model and backend.
struct IntervalBarChart {
  /// One bar: a series (model) inside a group (backend).
  struct Bar {
    var series: String
    var mean: Double
    var low: Double
    var high: Double
  }
  /// A group of bars sharing a label (a backend, or "classical" for the baselines).
  struct Group {
    var label: String
    var bars: [Bar]
  }

  var title: String
  var yLabel: String
  var groups: [Group]
  /// Fixed y domain (e.g. 0...1 for accuracies); nil: from the data, including 0.
  var yDomain: (lower: Double, upper: Double)? = nil
  /// Fixed colours by series (model) name; others take the palette by index.
  var colours: [String: String] = [:]
  var frame = ChartFrame(width: 640, height: 300)

  /// Series names in first-seen order; each gets one palette colour.
  var seriesNames: [String] {
    var seen: [String] = []
    for g in groups { for b in g.bars where !seen.contains(b.series) { seen.append(b.series) } }
    return seen
  }

  /// The y scale the bars are drawn with.
  var yScale: LinearScale {
    let values = groups.flatMap { $0.bars.flatMap { [$0.low, $0.high, $0.mean] } }
    let domain = yDomain ?? LinearScale.extent(values, including: [0])
    let scale = LinearScale(domain: domain, range: (frame.plotBottom, frame.plotTop))
    return yDomain == nil ? scale.niced() : scale
  }

  /// Width of one group's band.
  var bandWidth: Double { groups.isEmpty ? 0 : frame.plotWidth / Double(groups.count) }

  /// Widest bar, in pixels, so a lone bar does not fill its whole band.
  static let maxBarWidth = 56.0

  /// Left x and width of bar `index` in group `group`: bars share 80 % of the band (each at most
  /// `maxBarWidth`), centred in it.
  func barGeometry(group: Int, index: Int, of count: Int) -> (x: Double, width: Double) {
    let n = Double(max(count, 1))
    let width = min(bandWidth * 0.8 / n, IntervalBarChart.maxBarWidth)
    let start = frame.plotLeft + Double(group) * bandWidth + (bandWidth - width * n) / 2
    return (start + Double(index) * width, width)
  }

  @discardableResult
  func render(into parent: MarkupElement, id: String) -> MarkupElement {
    let names = seriesNames
    let description = groups.map { g in
      g.label + ": " + g.bars.map { "\($0.series) \(NumberText.fixed($0.mean)) \(NumberText.interval($0.low, $0.high))" }
        .joined(separator: ", ")
    }.joined(separator: "; ")
    let svg = SVGCanvas.begin(in: parent, frame: frame, id: id, title: title, description: description)
    let y = yScale
    SVGCanvas.leftAxis(in: svg, frame: frame, scale: y, label: yLabel)
    SVGCanvas.legend(in: svg, frame: frame,
                     entries: names.enumerated().map { ($0.element, Palette.colour($0.element, index: $0.offset, in: colours)) })
    let data = svg.append("g", ["class": "data"])
    let zero = y(min(max(0, y.domain.lower), y.domain.upper))
    for (gi, group) in groups.enumerated() {
      for (bi, bar) in group.bars.enumerated() {
        let (x, w) = barGeometry(group: gi, index: bi, of: group.bars.count)
        let top = min(y(bar.mean), zero)
        let colour = Palette.colour(bar.series, index: names.firstIndex(of: bar.series) ?? 0, in: colours)
        let rect = data.append("rect", ["class": "bar", "x": SVGCanvas.num(x), "y": SVGCanvas.num(top),
                                        "width": SVGCanvas.num(w), "height": SVGCanvas.num(abs(y(bar.mean) - zero)),
                                        "fill": colour])
        rect.append("title", text: "\(bar.series) on \(group.label): \(NumberText.fixed(bar.mean)) "
                    + "(interval \(NumberText.interval(bar.low, bar.high)))")
        SVGCanvas.whisker(in: data, x: x + w / 2, yLow: y(bar.low), yHigh: y(bar.high))
      }
      data.append("text", ["x": SVGCanvas.num(frame.plotLeft + (Double(gi) + 0.5) * bandWidth),
                           "y": SVGCanvas.num(frame.plotBottom + 16), "text-anchor": "middle", "font-size": "11"],
                  text: group.label)
    }
    svg.append("line", ["x1": SVGCanvas.num(frame.plotLeft), "x2": SVGCanvas.num(frame.plotRight),
                         "y1": SVGCanvas.num(frame.plotBottom), "y2": SVGCanvas.num(frame.plotBottom),
                         "stroke": Palette.grey])
    return svg
  }
}
