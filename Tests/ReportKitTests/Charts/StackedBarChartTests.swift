import Testing
@testable import ReportKit

@Suite struct StackedBarChartTests {
  @Test func segmentsStackFromZero() throws {
    let chart = StackedBarChart(title: "Depth", xLabel: "depth", parts: ["data loading", "trainable"],
                                bars: [.init(label: "zz", values: [4, 6]), .init(label: "hea", values: [2, 18])])
    let svg = chart.render(into: SVGTest.host(), id: "d")
    try SVGTest.expectAccessibleChart(svg, id: "d", title: "Depth")
    #expect(svg.attribute("height") == "132")
    // x domain [0, 20] over 170…616 (446 px).
    let segments = try svg.select(".//*[@class='segment']")
    #expect(segments.count == 4)
    #expect(SVGTest.number(segments[0], "x") == 170)
    #expect(approx(SVGTest.number(segments[0], "width"), 89.2))
    #expect(approx(SVGTest.number(segments[1], "x"), 259.2))
    #expect(approx(SVGTest.number(segments[1], "width"), 133.8))
    #expect(approx(SVGTest.number(segments[3], "x") + SVGTest.number(segments[3], "width"), 616))
    #expect(segments[0].attribute("fill") == Palette.series(0))
    #expect(segments[1].attribute("fill") == Palette.series(1))
  }
}
