import Testing
@testable import ReportKit

@Suite struct LiftChartTests {
  @Test func pointsIntervalsAndThresholdAreScaled() throws {
    let chart = LiftChart(title: "Lift", rows: [
      .init(backend: "ideal", mean: 0.12, low: 0.08, high: 0.16, verdict: "supported"),
      .init(backend: "heron", mean: 0.02, low: -0.03, high: 0.07, verdict: "refuted"),
    ], threshold: 0.1)
    let svg = chart.render(into: SVGTest.host(), id: "lift")
    try SVGTest.expectAccessibleChart(svg, id: "lift", title: "Lift")
    // Domain niced to [-0.05, 0.2] over x 110…616 (506 px): x(v) = 110 + (v + 0.05) / 0.25 · 506.
    #expect(svg.attribute("height") == "168")
    let threshold = try #require(try svg.select(".//*[@class='threshold']").first)
    #expect(approx(SVGTest.number(threshold, "x1"), 413.6))
    #expect(threshold.attribute("stroke-dasharray") != nil)
    let zero = try #require(try svg.select(".//*[@class='zero']").first)
    #expect(approx(SVGTest.number(zero, "x1"), 211.2))
    let points = try svg.select(".//*[@class='point']")
    #expect(points.count == 2)
    #expect(approx(SVGTest.number(points[0], "cx"), 454.08))
    #expect(approx(SVGTest.number(points[0], "cy"), 74))
    #expect(approx(SVGTest.number(points[1], "cy"), 110))
    #expect(points[0].attribute("fill") == Palette.supported)
    #expect(points[1].attribute("fill") == Palette.refuted)
    let intervals = try svg.select(".//*[@class='interval']")
    #expect(approx(SVGTest.number(intervals[1], "x1"), 150.48))
    #expect(approx(SVGTest.number(intervals[1], "x2"), 352.88))
  }

  @Test func aThresholdLabelAtTheRightEdgeHangsInsideTheChart() {
    let frame = ChartFrame(width: 640, height: 100, left: 110, right: 24, top: 56, bottom: 40)
    #expect(LiftChart.labelAnchor(frame.plotRight, frame: frame) == "end")
    #expect(LiftChart.labelAnchor(frame.plotLeft, frame: frame) == "start")
    #expect(LiftChart.labelAnchor((frame.plotLeft + frame.plotRight) / 2, frame: frame) == "middle")
  }
}
