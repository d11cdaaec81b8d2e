/// A square matrix (a kernel's Gram matrix) as coloured cells, rows grouped by class.
struct Heatmap {
  var title: String
  var values: [[Double]]
  var labels: [Int]
  /// Class names by label index, written beside each class block (label numbers when missing).
  var classNames: [String] = []
  /// What the colours mean, written along the colour bar.
  var valueLabel = "kernel value"
  var frame = ChartFrame(width: 440, height: 340, left: 40, right: 96, top: 32, bottom: 10)

  init(title: String, values: [[Double]], labels: [Int], classNames: [String] = []) {
    self.title = title
    self.values = values
    self.labels = labels
    self.classNames = classNames
    // Room for the longest class name at 11 px (about 6.5 px a character), so no label is clipped.
    let names = Set(labels).map { classNames.indices.contains($0) ? classNames[$0] : String($0) }
    frame.left = max(frame.left, 12 + 6.5 * Double(names.map(\.count).max() ?? 0))
    frame.width = max(frame.width, frame.left + 300 + frame.right)
  }

  var size: Int { values.count }

  /// Cells narrower than about 3 px cannot be read: larger matrices are drawn from every k-th row and
  /// column (k = ⌈n / maxSize⌉), which keeps the class ordering and block structure.
  static let maxSize = 100

  /// `values` and `labels` keeping every k-th row and column so at most `maxSize` remain; k is returned.
  static func subsampled(_ values: [[Double]], labels: [Int], maxSize: Int = Heatmap.maxSize)
    -> (values: [[Double]], labels: [Int], stride: Int)
  {
    let n = values.count
    guard n > maxSize else { return (values, labels, 1) }
    let k = (n + maxSize - 1) / maxSize
    let keep = Array(Swift.stride(from: 0, to: n, by: k))
    let rows = keep.map { i in keep.map { j in j < values[i].count ? values[i][j] : .nan } }
    return (rows, keep.map { $0 < labels.count ? labels[$0] : 0 }, k)
  }
  /// Side of one cell in pixels.
  var cell: Double { size == 0 ? 0 : min(frame.plotWidth, frame.plotHeight) / Double(size) }
  /// The colour domain: [0, 1] when every value lies there (kernels), else the data extent.
  var domain: (lower: Double, upper: Double) {
    let all = values.flatMap { $0 }.filter(\.isFinite)
    if let lo = all.min(), let hi = all.max(), lo >= 0, hi <= 1 { return (0, 1) }
    return LinearScale.extent(all)
  }

  /// The fill of value `v` in colour domain `d` (compute `domain` once per chart: it scans every value).
  static func colour(_ v: Double, in d: (lower: Double, upper: Double)) -> String {
    Palette.sequential((v - d.lower) / (d.upper - d.lower))
  }

  @discardableResult
  func render(into parent: MarkupElement, id: String) -> MarkupElement {
    let all = values.flatMap { $0 }.filter(\.isFinite)
    let offDiagonal = values.enumerated().flatMap { i, row in row.enumerated().filter { $0.offset != i }.map(\.element) }
      .filter(\.isFinite)
    let mean = offDiagonal.isEmpty ? 0 : offDiagonal.reduce(0, +) / Double(offDiagonal.count)
    let description = "\(size)×\(size) matrix, values from \(NumberText.fixed(all.min() ?? 0)) to "
      + "\(NumberText.fixed(all.max() ?? 0)), mean off-diagonal \(NumberText.fixed(mean)); rows and columns ordered by class"
    let svg = SVGCanvas.begin(in: parent, frame: frame, id: id, title: title, description: description)
    let g = svg.append("g", ["class": "data"])
    let c = cell
    let d = domain
    for (i, row) in values.enumerated() {
      for (j, v) in row.enumerated() where j < size {
        let rect = g.append("rect", ["class": "cell", "x": SVGCanvas.num(frame.plotLeft + Double(j) * c),
                                     "y": SVGCanvas.num(frame.plotTop + Double(i) * c), "width": SVGCanvas.num(c),
                                     "height": SVGCanvas.num(c), "fill": v.isFinite ? Heatmap.colour(v, in: d) : Palette.lightGrey])
        if size <= 40 { rect.append("title", text: "[\(i), \(j)] = \(NumberText.fixed(v))") }
      }
    }
    // Class boundaries.
    for k in 1..<max(labels.count, 1) where k < size && labels[k] != labels[k - 1] {
      let p = Double(k) * c
      g.append("line", ["class": "boundary", "x1": SVGCanvas.num(frame.plotLeft + p), "x2": SVGCanvas.num(frame.plotLeft + p),
                        "y1": SVGCanvas.num(frame.plotTop), "y2": SVGCanvas.num(frame.plotTop + Double(size) * c),
                        "stroke": Palette.vermillion, "stroke-width": "1.5"])
      g.append("line", ["class": "boundary", "y1": SVGCanvas.num(frame.plotTop + p), "y2": SVGCanvas.num(frame.plotTop + p),
                        "x1": SVGCanvas.num(frame.plotLeft), "x2": SVGCanvas.num(frame.plotLeft + Double(size) * c),
                        "stroke": Palette.vermillion, "stroke-width": "1.5"])
    }
    // Class names beside the blocks of rows they label.
    var start = 0
    while start < min(labels.count, size) {
      var end = start
      while end + 1 < min(labels.count, size) && labels[end + 1] == labels[start] { end += 1 }
      let label = labels[start]
      let name = classNames.indices.contains(label) ? classNames[label] : String(label)
      g.append("text", ["class": "class-label", "x": SVGCanvas.num(frame.plotLeft - 4),
                        "y": SVGCanvas.num(frame.plotTop + (Double(start + end + 1) / 2) * c), "text-anchor": "end",
                        "dominant-baseline": "middle", "font-size": "11"], text: name)
      start = end + 1
    }
    // Colour key.
    let key = svg.append("g", ["class": "legend"])
    let keyX = frame.plotLeft + Double(size) * c + 20
    for step in 0..<10 {
      let t = Double(step) / 9
      key.append("rect", ["x": SVGCanvas.num(keyX), "y": SVGCanvas.num(frame.plotTop + Double(9 - step) * 16),
                          "width": "16", "height": "16", "fill": Palette.sequential(t)])
    }
    key.append("text", ["x": SVGCanvas.num(keyX + 22), "y": SVGCanvas.num(frame.plotTop + 12), "font-size": "11"],
               text: NumberText.tick(d.upper))
    key.append("text", ["x": SVGCanvas.num(keyX + 22), "y": SVGCanvas.num(frame.plotTop + 84), "font-size": "11"],
               text: NumberText.tick((d.lower + d.upper) / 2))
    key.append("text", ["x": SVGCanvas.num(keyX + 22), "y": SVGCanvas.num(frame.plotTop + 156), "font-size": "11"],
               text: NumberText.tick(d.lower))
    let labelX = keyX + 62, labelY = frame.plotTop + 80
    key.append("text", ["class": "axis-label", "x": SVGCanvas.num(labelX), "y": SVGCanvas.num(labelY),
                        "text-anchor": "middle", "font-size": "11",
                        "transform": "rotate(90 \(SVGCanvas.num(labelX)) \(SVGCanvas.num(labelY)))"], text: valueLabel)
    return svg
  }
}
