import Testing
@testable import ReportKit

@Suite struct ScatterPlotTests {
  @Test func pointsAreScaledAndShapedByClass() throws {
    let chart = ScatterPlot(title: "Data", points: [(0, 0, 0), (1, 1, 1), (2, 0.5, 0)], classes: ["A", "B"],
                            xLabel: "x0", yLabel: "x1")
    let svg = chart.render(into: SVGTest.host(), id: "s")
    try SVGTest.expectAccessibleChart(svg, id: "s", title: "Data")
    // Plot 56…404 × 300…54 (below the title and legend). Extents padded by 5 % then niced: x [-0.5, 2.5], y [-0.2, 1.2].
    let points = try svg.select(".//*[@class='data']/*[@class='point']")
    #expect(points.map(\.name) == ["circle", "rect", "circle"])
    #expect(approx(SVGTest.number(points[0], "cx"), 114) && approx(SVGTest.number(points[0], "cy"), 264.86))
    #expect(approx(SVGTest.number(points[1], "x"), 226.5) && approx(SVGTest.number(points[1], "y"), 85.64))
    #expect(approx(SVGTest.number(points[2], "cx"), 346) && approx(SVGTest.number(points[2], "cy"), 177))
    #expect(points[0].attribute("fill") == Palette.series(0))
    #expect(points[1].attribute("fill") == Palette.series(1))
    #expect(try svg.select(".//desc").first?.textContent.contains("A: 2 points, B: 1 points") == true)
  }
}
