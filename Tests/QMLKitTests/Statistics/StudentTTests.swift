import Testing
import Foundation
@testable import QMLKit

/// Student-t and incomplete beta against scipy 1.17.1 (Fixtures/statistics.json).
@Suite struct StudentTTests {
  @Test func quantilesMatchScipy() throws {
    let rows = try ml3Fixture("statistics").ml3List("quantiles")
    #expect(rows.count == 90)
    for r in rows {
      let t = studentTQuantile(r.ml3Double("p"), df: r.ml3Double("df"))
      #expect(ml3Close(t, r.ml3Double("t"), 1e-10), "p \(r.ml3Double("p")) df \(r.ml3Double("df")): \(t)")
    }
  }

  @Test func cdfMatchesScipy() throws {
    for r in try ml3Fixture("statistics").ml3List("cdfs") {
      #expect(abs(studentTCDF(r.ml3Double("t"), df: r.ml3Double("df")) - r.ml3Double("cdf")) < 1e-13)
    }
  }

  @Test func incompleteBetaMatchesScipy() throws {
    for r in try ml3Fixture("statistics").ml3List("betainc") {
      let v = regularizedIncompleteBeta(r.ml3Double("x"), a: r.ml3Double("a"), b: r.ml3Double("b"))
      #expect(ml3Close(v, r.ml3Double("value"), 1e-11))
    }
  }

  @Test func analyticCases() {
    // df = 1 is Cauchy: quantile tan(pi (p - 1/2)).
    #expect(ml3Close(studentTQuantile(0.8, df: 1), tan(Double.pi * 0.3), 1e-12))
    // df = 2: t = (2p - 1) sqrt(2 / (4 p (1 - p))).
    let p = 0.9
    #expect(ml3Close(studentTQuantile(p, df: 2), (2 * p - 1) * (2 / (4 * p * (1 - p))).squareRoot(), 1e-12))
  }
}
