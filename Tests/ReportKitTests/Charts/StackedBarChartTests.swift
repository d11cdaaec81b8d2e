import Testing
@testable import ReportKit

@Suite struct StackedBarChartTests {
  static let bars: [StackedBarChart.Bar] = [.init(label: "zz", values: [4, 6]), .init(label: "hea", values: [2, 18])]

  @Test func segmentsStackFromZeroInTheModelsColour() throws {
    let chart = StackedBarChart(title: "Depth", xLabel: "depth", parts: ["data loading", "trainable"], bars: Self.bars,
                                limit: nil, colours: ["zz": Palette.wine])
    let svg = chart.render(into: SVGTest.host(), id: "d")
    try SVGTest.expectAccessibleChart(svg, id: "d", title: "Depth")
    #expect(svg.attribute("height") == "162")
    // x domain [0, 20] over 60…616 (556 px).
    let segments = try svg.select(".//*[@class='segment']")
    #expect(segments.count == 4)
    #expect(SVGTest.number(segments[0], "x") == 60)
    #expect(approx(SVGTest.number(segments[0], "width"), 111.2))
    #expect(approx(SVGTest.number(segments[1], "x"), 171.2))
    #expect(approx(SVGTest.number(segments[1], "width"), 166.8))
    #expect(approx(SVGTest.number(segments[3], "x") + SVGTest.number(segments[3], "width"), 616))
    // One colour per model (fixed ones first), the data-loading part solid, the rest light.
    #expect(segments[0].attribute("fill") == Palette.wine)
    #expect(segments[1].attribute("fill") == Palette.wine)
    #expect(segments[0].attribute("fill-opacity") == "1")
    #expect(segments[1].attribute("fill-opacity") == "0.35")
    #expect(segments[2].attribute("fill") == Palette.series(1))
    for s in segments { #expect(!Palette.verdicts.contains(s.attribute("fill") ?? "")) }
    // Without a bound the chart says so.
    #expect(try svg.select(".//*[@class='limit']").isEmpty)
    #expect(try svg.select(".//*[@class='limit-note']").first?.textContent == "no limit in the criteria")
  }

  @Test func theLimitIsDrawnAndInTheDomain() throws {
    let chart = StackedBarChart(title: "Gates", xLabel: "gates", parts: ["data loading", "rest"], bars: Self.bars,
                                limit: (value: 30, label: "limit 30"))
    let svg = chart.render(into: SVGTest.host(), id: "g")
    let line = try #require(try svg.select(".//*[@class='limit']").first)
    // Domain [0, 30] over 60…616: the limit sits at the right end.
    #expect(approx(SVGTest.number(line, "x1"), 616))
    #expect(line.attribute("stroke-dasharray") != nil)
    #expect(try svg.select(".//*[@class='legend']/text").map(\.textContent) == ["data loading", "rest", "limit 30"])
  }

  @Test func routedTotalsAreMarkedSoAnExceededLimitShows() throws {
    let chart = StackedBarChart(title: "Gates", xLabel: "gates", parts: ["data loading", "rest"], bars: Self.bars,
                                limit: (value: 30, label: "limit 30"), marks: ["hea": 40])
    let svg = chart.render(into: SVGTest.host(), id: "g")
    // The domain reaches the routed 40 past the limit 30: [0, 40] over 60…616.
    let mark = try #require(try svg.select(".//*[@class='mark']").first)
    #expect(mark.attribute("points")?.hasPrefix("616,") == true)
    let line = try #require(try svg.select(".//*[@class='limit']").first)
    #expect(approx(SVGTest.number(line, "x1"), 60 + 556 * 0.75))
  }
}
