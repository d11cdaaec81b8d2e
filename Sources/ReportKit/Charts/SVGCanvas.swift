import Foundation

/// The plot area of a chart inside its SVG: size and margins.
struct ChartFrame: Equatable {
  var width: Double
  var height: Double
  var left: Double = 56
  var right: Double = 16
  var top: Double = 54
  var bottom: Double = 40

  /// Leftmost and rightmost x of the plot area.
  var plotLeft: Double { left }
  var plotRight: Double { width - right }
  /// Top and bottom y of the plot area.
  var plotTop: Double { top }
  var plotBottom: Double { height - bottom }
  var plotWidth: Double { plotRight - plotLeft }
  var plotHeight: Double { plotBottom - plotTop }
}

/// Builds the pieces every chart shares: the `<svg>` with `<title>`, `<desc>` and a visible title, axes, legend.
enum SVGCanvas {
  static let namespace = "http://www.w3.org/2000/svg"

  /// Appends an `<svg>` with a title and a text alternative; returns it.
  static func begin(in parent: MarkupElement, frame: ChartFrame, id: String, title: String, description: String)
    -> MarkupElement
  {
    let svg = parent.append(
      "svg",
      [
        "xmlns": namespace, "class": "chart", "role": "img", "width": num(frame.width), "height": num(frame.height),
        "viewBox": "0 0 \(num(frame.width)) \(num(frame.height))", "aria-labelledby": "\(id)-title \(id)-desc",
        "id": id,
      ])
    svg.append("title", ["id": "\(id)-title"], text: title)
    svg.append("desc", ["id": "\(id)-desc"], text: description)
    svg.append("text", ["class": "chart-title", "x": "8", "y": "16", "font-size": "13", "font-weight": "600"],
               text: title)
    return svg
  }

  /// A coordinate as text: at most two decimals, no trailing zeros.
  static func num(_ v: Double) -> String {
    guard v.isFinite else { return "0" }
    let r = (v * 100).rounded() / 100
    if r == r.rounded() { return String(Int(r)) }
    var s = String(format: "%.2f", r)
    while s.hasSuffix("0") { s.removeLast() }
    return s
  }

  /// A left axis with grid lines and tick labels; returns the axis group.
  @discardableResult
  static func leftAxis(in svg: MarkupElement, frame: ChartFrame, scale: LinearScale, label: String,
                       format: (Double) -> String = { NumberText.tick($0) }) -> MarkupElement
  {
    let g = svg.append("g", ["class": "axis axis-y"])
    for t in scale.ticks() {
      let y = num(scale(t))
      g.append("line", ["class": "grid", "x1": num(frame.plotLeft), "x2": num(frame.plotRight), "y1": y, "y2": y,
                        "stroke": Palette.lightGrey])
      g.append("text", ["x": num(frame.plotLeft - 6), "y": y, "text-anchor": "end", "dominant-baseline": "middle",
                        "font-size": "11"], text: format(t))
    }
    g.append("line", ["x1": num(frame.plotLeft), "x2": num(frame.plotLeft), "y1": num(frame.plotTop),
                      "y2": num(frame.plotBottom), "stroke": Palette.grey])
    g.append("text", ["class": "axis-label", "x": "12", "y": num((frame.plotTop + frame.plotBottom) / 2),
                      "text-anchor": "middle", "font-size": "11",
                      "transform": "rotate(-90 12 \(num((frame.plotTop + frame.plotBottom) / 2)))"], text: label)
    return g
  }

  /// A bottom axis with tick labels for a linear scale; returns the axis group.
  @discardableResult
  static func bottomAxis(in svg: MarkupElement, frame: ChartFrame, scale: LinearScale, label: String,
                         ticks: [Double]? = nil, format: (Double) -> String = { NumberText.tick($0) }) -> MarkupElement
  {
    let g = svg.append("g", ["class": "axis axis-x"])
    g.append("line", ["x1": num(frame.plotLeft), "x2": num(frame.plotRight), "y1": num(frame.plotBottom),
                      "y2": num(frame.plotBottom), "stroke": Palette.grey])
    for t in ticks ?? scale.ticks() {
      let x = num(scale(t))
      g.append("line", ["x1": x, "x2": x, "y1": num(frame.plotBottom), "y2": num(frame.plotBottom + 4),
                        "stroke": Palette.grey])
      g.append("text", ["x": x, "y": num(frame.plotBottom + 16), "text-anchor": "middle", "font-size": "11"],
               text: format(t))
    }
    g.append("text", ["class": "axis-label", "x": num((frame.plotLeft + frame.plotRight) / 2),
                      "y": num(frame.height - 6), "text-anchor": "middle", "font-size": "11"], text: label)
    return g
  }

  /// Baseline y of the legend row, below the visible title.
  static let legendY = 38.0

  /// A one-row legend above the plot area: a swatch and a label per entry.
  static func legend(in svg: MarkupElement, frame: ChartFrame, entries: [(label: String, color: String)],
                     dashed: Set<Int> = []) {
    let g = svg.append("g", ["class": "legend"])
    var x = frame.plotLeft
    for (i, entry) in entries.enumerated() {
      if dashed.contains(i) {
        g.append("line", ["x1": num(x), "x2": num(x + 14), "y1": num(legendY - 4), "y2": num(legendY - 4), "stroke": entry.color,
                          "stroke-width": "2", "stroke-dasharray": "4 3"])
      } else {
        g.append("rect", ["x": num(x), "y": num(legendY - 10), "width": "12", "height": "12", "fill": entry.color])
      }
      g.append("text", ["x": num(x + 18), "y": num(legendY), "font-size": "11"], text: entry.label)
      x += 30 + Double(entry.label.count) * 6.2
    }
  }

  /// An interval whisker (vertical line with caps) from `low` to `high` at `x`.
  static func whisker(in g: MarkupElement, x: Double, yLow: Double, yHigh: Double, color: String = Palette.black) {
    g.append("line", ["class": "interval", "x1": num(x), "x2": num(x), "y1": num(yLow), "y2": num(yHigh),
                      "stroke": color, "stroke-width": "1.5"])
    for y in [yLow, yHigh] {
      g.append("line", ["x1": num(x - 4), "x2": num(x + 4), "y1": num(y), "y2": num(y), "stroke": color,
                        "stroke-width": "1.5"])
    }
  }

  /// A class marker (circle, square, triangle, diamond) centred on (x, y).
  @discardableResult
  static func marker(in g: MarkupElement, shape index: Int, x: Double, y: Double, size: Double, color: String)
    -> MarkupElement
  {
    let r = size / 2
    switch Palette.shapes[index % Palette.shapes.count] {
    case "square":
      return g.append("rect", ["class": "point", "x": num(x - r), "y": num(y - r), "width": num(size),
                               "height": num(size), "fill": color])
    case "triangle":
      return g.append("polygon", ["class": "point", "fill": color,
                                  "points": "\(num(x)),\(num(y - r)) \(num(x + r)),\(num(y + r)) \(num(x - r)),\(num(y + r))"])
    case "diamond":
      return g.append("polygon", ["class": "point", "fill": color,
                                  "points": "\(num(x)),\(num(y - r)) \(num(x + r)),\(num(y)) \(num(x)),\(num(y + r)) \(num(x - r)),\(num(y))"])
    default:
      return g.append("circle", ["class": "point", "cx": num(x), "cy": num(y), "r": num(r), "fill": color])
    }
  }
}
