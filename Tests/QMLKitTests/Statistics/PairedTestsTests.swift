import Testing
@testable import QMLKit

@Suite struct PairedTestsTests {
  @Test func pairedTTestMatchesScipy() throws {
    for r in try ml3Fixture("statistics").ml3List("ttests") {
      let res = pairedTTest(r.ml3Doubles("a"), r.ml3Doubles("b"))
      #expect(ml3Close(res.t, r.ml3Double("t"), 1e-10))
      #expect(ml3Close(res.pValue, r.ml3Double("p"), 1e-10))
    }
  }

  @Test func identicalSamplesGivePOne() {
    let xs = [0.8, 0.82, 0.79]
    #expect(pairedTTest(xs, xs).pValue == 1)
    #expect(pairedTTest(xs, xs).t == 0)
    #expect(pairedTTest(xs, xs.map { $0 - 0.1 }).pValue == 0)
    #expect(pairedTTest([1], [2]).pValue.isNaN)
  }

  @Test func wilcoxonMatchesScipy() throws {
    let rows = try ml3Fixture("statistics").ml3List("wilcoxon")
    #expect(rows.count == 4)
    for r in rows {
      let res = wilcoxonSignedRank(r.ml3Doubles("a"), r.ml3Doubles("b"))
      #expect(ml3Close(res.statistic, r.ml3Double("statistic"), 1e-12))
      #expect(ml3Close(res.pValue, r.ml3Double("p"), 1e-9), "\(res) vs \(r["p"]!)")
    }
  }
}
