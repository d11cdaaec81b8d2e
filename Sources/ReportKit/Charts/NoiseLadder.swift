/// A model's metric down the noise ladder (ideal → shots → noisy → device), one line per model,
/// with interval whiskers and the best baseline as a dashed line.
struct NoiseLadder {
  /// One model's score at one step.
  struct Step {
    var mean: Double
    var low: Double
    var high: Double
  }
  /// One model across the steps (nil where the model did not run on a backend).
  struct Line {
    var model: String
    var steps: [Step?]
  }

  var title: String
  var yLabel: String
  /// Backend ids in ladder order.
  var steps: [String]
  /// A second line under a step's name (e.g. "mitigated: readout"), nil for none.
  var stepNotes: [String?] = []
  var lines: [Line]
  var baseline: (label: String, value: Double)?
  /// Fixed colours by model (and by the baseline's label); others take the palette by index.
  var colours: [String: String] = [:]
  var frame = ChartFrame(width: 640, height: 300)

  var yScale: LinearScale {
    let values = lines.flatMap { $0.steps.compactMap { $0 }.flatMap { [$0.low, $0.high] } } + (baseline.map { [$0.value] } ?? [])
    return LinearScale(domain: LinearScale.extent(values), range: (frame.plotBottom, frame.plotTop)).niced()
  }

  /// The x centre of step `index` (steps sit at band centres).
  func stepX(_ index: Int) -> Double {
    frame.plotLeft + (Double(index) + 0.5) * frame.plotWidth / Double(max(steps.count, 1))
  }

  @discardableResult
  func render(into parent: MarkupElement, id: String) -> MarkupElement {
    var parts = lines.map { line in
      line.model + ": " + zip(steps, line.steps).map { name, s in
        s.map { "\(name) \(NumberText.fixed($0.mean))" } ?? "\(name) not run"
      }.joined(separator: " → ")
    }
    for (name, note) in zip(steps, stepNotes) {
      if let note { parts.append("\(name): \(note)") }
    }
    if let baseline { parts.append("\(baseline.label) \(NumberText.fixed(baseline.value))") }
    let svg = SVGCanvas.begin(in: parent, frame: frame, id: id, title: title, description: parts.joined(separator: "; "))
    let y = yScale
    SVGCanvas.leftAxis(in: svg, frame: frame, scale: y, label: yLabel)
    let axis = svg.append("g", ["class": "axis axis-x"])
    for (i, name) in steps.enumerated() {
      axis.append("text", ["x": SVGCanvas.num(stepX(i)), "y": SVGCanvas.num(frame.plotBottom + 16),
                           "text-anchor": "middle", "font-size": "12"], text: name)
      if i < stepNotes.count, let note = stepNotes[i] {
        axis.append("text", ["x": SVGCanvas.num(stepX(i)), "y": SVGCanvas.num(frame.plotBottom + 30),
                             "text-anchor": "middle", "font-size": "10", "class": "step-note"], text: note)
      }
    }
    var legend = lines.enumerated().map { ($0.element.model, Palette.colour($0.element.model, index: $0.offset, in: colours)) }
    let baselineColour = baseline.map { colours[$0.label] ?? Palette.black } ?? Palette.black
    if let baseline { legend.append((baseline.label, baselineColour)) }
    SVGCanvas.legend(in: svg, frame: frame, entries: legend, dashed: baseline == nil ? [] : [legend.count - 1])
    let g = svg.append("g", ["class": "data"])
    if let baseline {
      g.append("line", ["class": "baseline", "x1": SVGCanvas.num(frame.plotLeft), "x2": SVGCanvas.num(frame.plotRight),
                        "y1": SVGCanvas.num(y(baseline.value)), "y2": SVGCanvas.num(y(baseline.value)),
                        "stroke": baselineColour, "stroke-width": "2", "stroke-dasharray": "6 4"])
    }
    for (li, line) in lines.enumerated() {
      let colour = Palette.colour(line.model, index: li, in: colours)
      let offset = (Double(li) - Double(lines.count - 1) / 2) * 6
      var d = ""
      for (si, step) in line.steps.enumerated() {
        guard let step, si < steps.count else { continue }
        d += (d.isEmpty ? "M" : " L") + SVGCanvas.num(stepX(si) + offset) + " " + SVGCanvas.num(y(step.mean))
      }
      g.append("path", ["class": "series", "d": d, "fill": "none", "stroke": colour, "stroke-width": "2"])
      for (si, step) in line.steps.enumerated() {
        guard let step, si < steps.count else { continue }
        let cx = stepX(si) + offset
        SVGCanvas.whisker(in: g, x: cx, yLow: y(step.low), yHigh: y(step.high), color: colour)
        let dot = g.append("circle", ["class": "point", "cx": SVGCanvas.num(cx), "cy": SVGCanvas.num(y(step.mean)),
                                      "r": "4", "fill": colour])
        dot.append("title", text: "\(line.model) on \(steps[si]): \(NumberText.fixed(step.mean)) "
                   + NumberText.interval(step.low, step.high))
      }
    }
    return svg
  }
}
