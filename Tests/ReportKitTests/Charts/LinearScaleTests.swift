import Testing
@testable import ReportKit

/// Expected ticks are d3-array 3.2's `ticks(lo, hi, count)` for the same arguments.
@Suite struct LinearScaleTests {
  @Test func mapsLinearlyIncludingReversedRanges() {
    let s = LinearScale(domain: (0, 1), range: (240, 32))
    #expect(s(0) == 240)
    #expect(s(1) == 32)
    #expect(s(0.5) == 136)
    #expect(LinearScale(domain: (2, 2), range: (0, 10))(2) == 5)
  }

  @Test(arguments: [
    (0.0, 1.0, 5, [0, 0.2, 0.4, 0.6, 0.8, 1]),
    (0.0, 10.0, 10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    (-0.03, 0.16, 5, [0, 0.05, 0.1, 0.15]),
    (0.7, 0.95, 5, [0.7, 0.75, 0.8, 0.85, 0.9, 0.95]),
    (0.0, 20.0, 5, [0, 5, 10, 15, 20]),
    (1.0, 1234.0, 5, [200, 400, 600, 800, 1000, 1200]),
    (0.1, 0.3, 5, [0.1, 0.15, 0.2, 0.25, 0.3]),
  ])
  func d3Ticks(_ lo: Double, _ hi: Double, _ count: Int, _ expected: [Double]) {
    #expect(LinearScale.ticks(lo, hi, count: count) == expected)
  }

  @Test func niceExtendsToWholeSteps() {
    let n = LinearScale(domain: (-0.03, 0.16), range: (0, 1)).niced()
    #expect(n.domain.lower == -0.05)
    #expect(n.domain.upper == 0.2)
    let already = LinearScale(domain: (0.7, 0.95), range: (0, 1)).niced()
    #expect(already.domain == (0.7, 0.95))
    #expect(LinearScale(domain: (0.25, 1), range: (0, 1)).niced().domain == (0.2, 1))
  }

  @Test func extentPadsDegenerateData() {
    #expect(LinearScale.extent([]) == (0, 1))
    #expect(LinearScale.extent([3, 3]) == (2.7, 3.3))
    #expect(LinearScale.extent([0]) == (-0.5, 0.5))
    #expect(LinearScale.extent([.nan, 2, 5], including: [0]) == (0, 5))
  }
}
