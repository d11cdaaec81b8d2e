import Testing
@testable import ReportKit

@Suite struct IntervalBarChartTests {
  // Frame 640×280, margins left 56, right 16, top 32, bottom 40: plot x 56…624, y 240 (value 0) … 32 (value 1).
  let chart = IntervalBarChart(
    title: "Test accuracy", yLabel: "accuracy",
    groups: [
      .init(label: "classical", bars: [.init(series: "svm", mean: 0.7, low: 0.65, high: 0.75)]),
      .init(label: "ideal", bars: [.init(series: "zz", mean: 0.5, low: 0.4, high: 0.6),
                                   .init(series: "hea", mean: 0.25, low: 0.2, high: 0.3)]),
    ], yDomain: (0, 1))

  @Test func structureAndScaledCoordinates() throws {
    let svg = chart.render(into: SVGTest.host(), id: "c")
    try SVGTest.expectAccessibleChart(svg, id: "c", title: "Test accuracy")
    let bars = try svg.select(".//*[@class='bar']")
    #expect(bars.count == 3)
    // Two groups → bands of 284 px; bars are min(284·0.8/n, 56) = 56 px wide, centred in the band:
    // group 0 starts at 56 + (284 − 56)/2 = 170, group 1 at 56 + 284 + (284 − 112)/2 = 426.
    #expect(approx(SVGTest.number(bars[0], "x"), 170))
    let zz = bars[1]
    #expect(approx(SVGTest.number(zz, "x"), 426))
    #expect(approx(SVGTest.number(zz, "width"), 56))
    #expect(approx(SVGTest.number(zz, "y"), 157))
    #expect(approx(SVGTest.number(zz, "height"), 103))
    #expect(approx(SVGTest.number(bars[2], "x"), 482))
    #expect(approx(SVGTest.number(bars[2], "width"), 56))
    #expect(approx(SVGTest.number(bars[2], "y"), 208.5))
    #expect(zz.attribute("fill") == Palette.series(1))
    #expect(try zz.select("title").first?.textContent.contains("zz on ideal: 0.500") == true)
    // Whisker of zz: 0.4 → 156.8, 0.6 → 115.2 at the bar centre 454.
    let whiskers = try svg.select(".//*[@class='interval']")
    #expect(whiskers.count == 3)
    #expect(approx(SVGTest.number(whiskers[1], "x1"), 454))
    #expect(approx(SVGTest.number(whiskers[1], "y1"), 177.6))
    #expect(approx(SVGTest.number(whiskers[1], "y2"), 136.4))
    // Axis ticks 0, 0.2, …, 1 with labels.
    let labels = try svg.select(".//*[@class='axis axis-y']/text").map(\.textContent)
    #expect(labels.prefix(6) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
    #expect(try svg.select(".//desc").first?.textContent.contains("zz 0.500 [0.400, 0.600]") == true)
  }
}
