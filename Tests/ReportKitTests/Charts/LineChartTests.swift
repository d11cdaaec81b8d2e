import Testing
@testable import ReportKit

@Suite struct LineChartTests {
  @Test func lossPathIsScaled() throws {
    let chart = LineChart(title: "Training loss", xLabel: "iteration", yLabel: "loss",
                          series: [.init(name: "hea", points: [(0, 1.0), (1, 0.5), (2, 0.25)])])
    let svg = chart.render(into: SVGTest.host(), id: "loss")
    try SVGTest.expectAccessibleChart(svg, id: "loss", title: "Training loss")
    // y domain niced to [0.2, 1] over 240…32; x 0…2 over 56…624.
    let path = try #require(try svg.select(".//*[@class='series']").first)
    #expect(path.attribute("d") == "M56 54 L340 182.75 L624 247.13")
    #expect(try svg.select(".//*[@class='point']").count == 3)
    // Iterations are whole numbers: no 0.5 ticks.
    let xLabels = try svg.select(".//*[@class='axis axis-x']/text").map(\.textContent)
    #expect(xLabels == ["0", "1", "2", "iteration"])
  }

  @Test func gapsAndReferenceLine() throws {
    var chart = LineChart(title: "Trend", xLabel: "run", yLabel: "lift",
                          series: [.init(name: "ideal", points: [(0, 0.1), (1, .nan), (2, 0.3)])],
                          reference: (0.2, "threshold"))
    chart.xTickLabels = [(0, "2026-11-20"), (1, "2026-11-21"), (2, "2026-11-22")]
    let svg = chart.render(into: SVGTest.host(), id: "t")
    let d = try #require(try svg.select(".//*[@class='series']").first?.attribute("d"))
    #expect(d.hasPrefix("M") && d.components(separatedBy: "M").count == 3 && !d.contains("L"))
    let reference = try #require(try svg.select(".//*[@class='threshold']").first)
    #expect(approx(SVGTest.number(reference, "y1"), 157))
    #expect(try svg.select(".//*[@class='axis axis-x']/text").map(\.textContent).contains("2026-11-21"))
  }
}
