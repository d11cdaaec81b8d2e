import Testing
@testable import ReportKit

@Suite struct NoiseLadderTests {
  @Test func stepsInOrderWithBaseline() throws {
    let chart = NoiseLadder(
      title: "Ladder", yLabel: "accuracy", steps: ["ideal", "shots", "heron"],
      lines: [.init(model: "zz", steps: [.init(mean: 0.9, low: 0.85, high: 0.95), .init(mean: 0.88, low: 0.83, high: 0.93),
                                          .init(mean: 0.8, low: 0.7, high: 0.9)]),
              .init(model: "hea", steps: [.init(mean: 0.8, low: 0.75, high: 0.85), nil, nil])],
      baseline: ("best baseline", 0.82))
    let svg = chart.render(into: SVGTest.host(), id: "n")
    try SVGTest.expectAccessibleChart(svg, id: "n", title: "Ladder")
    // y domain [0.7, 0.95] over 240…32; steps at band centres 150.67, 340, 529.33; two lines offset ∓3 px.
    let points = try svg.select(".//*[@class='point']")
    #expect(points.count == 4)
    #expect(approx(SVGTest.number(points[0], "cx"), 147.67))
    #expect(approx(SVGTest.number(points[0], "cy"), 95.2))
    #expect(approx(SVGTest.number(points[2], "cx"), 526.33))
    let baseline = try #require(try svg.select(".//*[@class='baseline']").first)
    #expect(approx(SVGTest.number(baseline, "y1"), 161.12))
    #expect(try svg.select(".//*[@class='axis axis-x']/text").map(\.textContent) == ["ideal", "shots", "heron"])
    #expect(try svg.select(".//desc").first?.textContent.contains("hea: ideal 0.800 → shots not run") == true)
  }
}
