import Testing
@testable import ReportKit

@Suite struct HeatmapTests {
  @Test func largeMatricesAreSubsampledKeepingClassOrder() {
    let n = 250
    let values = (0..<n).map { i in (0..<n).map { j in Double(i * 1000 + j) } }
    let labels = (0..<n).map { $0 < 120 ? 0 : 1 }
    let s = Heatmap.subsampled(values, labels: labels)
    #expect(s.stride == 3)
    #expect(s.values.count == 84 && s.values.allSatisfy { $0.count == 84 })
    #expect(s.values[1][2] == 3 * 1000 + 6)
    #expect(s.labels.filter { $0 == 0 }.count == 40)  // rows 0, 3, …, 117
    #expect(Heatmap.subsampled([[1]], labels: [0]).stride == 1)
  }

  @Test func cellsColoursAndClassBoundaries() throws {
    let chart = Heatmap(title: "Kernel", values: [[1, 0.2], [0.2, 1]], labels: [0, 1], classNames: ["A", "B"])
    let svg = chart.render(into: SVGTest.host(), id: "k")
    try SVGTest.expectAccessibleChart(svg, id: "k", title: "Kernel")
    let cells = try svg.select(".//*[@class='cell']")
    #expect(cells.count == 4)
    // Plot 304×298 → cells of 149 px; cell [0, 1] at (40 + 149, 32), below the visible title.
    #expect(SVGTest.number(cells[1], "x") == 189)
    #expect(SVGTest.number(cells[1], "y") == 32)
    #expect(SVGTest.number(cells[1], "width") == 149)
    // Ramp (247,251,255) → (8,48,107): 0.2 → (199,210,225), 1 → (8,48,107).
    #expect(cells[1].attribute("fill") == "#C7D2E1")
    #expect(cells[0].attribute("fill") == "#08306B")
    let boundaries = try svg.select(".//*[@class='boundary']")
    #expect(boundaries.count == 2)
    #expect(SVGTest.number(boundaries[0], "x1") == 189)
    // Class names centred on their blocks: rows 0 and 1 → y 32 + 74.5 and 32 + 223.5.
    let names = try svg.select(".//*[@class='class-label']")
    #expect(names.map(\.textContent) == ["A", "B"])
    #expect(names.map { SVGTest.number($0, "y") } == [106.5, 255.5])
    #expect(try svg.select(".//desc").first?.textContent.contains("mean off-diagonal 0.200") == true)
    // The colour bar is labelled, with its ends and middle.
    let key = try svg.select(".//*[@class='legend']/text").map(\.textContent)
    #expect(key == ["1", "0.5", "0", "kernel value"])
  }

  @Test func longClassNamesAreNotClipped() throws {
    let chart = Heatmap(title: "Kernel", values: [[1, 0.2], [0.2, 1]], labels: [0, 1], classNames: ["malignant", "benign"])
    let svg = chart.render(into: SVGTest.host(), id: "k")
    // A label ends 4 px left of the plot; at about 6.5 px a character it must start at x >= 0.
    for label in try svg.select(".//*[@class='class-label']") {
      let start = SVGTest.number(label, "x") - 6.5 * Double(label.textContent.count)
      #expect(start >= 0, "\(label.textContent) starts at \(start)")
    }
    // The key and its label stay inside the viewBox.
    let width = SVGTest.number(svg, "width")
    for t in try svg.select(".//*[@class='legend']/text") { #expect(SVGTest.number(t, "x") + 8 <= width) }
  }
}
