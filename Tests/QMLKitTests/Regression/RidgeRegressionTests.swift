import Testing
@testable import QMLKit

@Suite struct RidgeRegressionTests {
  @Test func matchesScikitLearnRidge() throws {
    let f = try RegressionFixture.load()
    var worst = 0.0
    for c in f.ridge {
      var m = RidgeRegression(alpha: c.alpha)
      try m.fit(features: f.train_x, targets: f.train_y)
      #expect(maxAbsDifference(m.coefficients, c.coef) < 1e-12, "alpha \(c.alpha) coef")
      #expect(abs(m.intercept - c.intercept) < 1e-12, "alpha \(c.alpha) intercept")
      let d = maxAbsDifference(try m.predict(f.test_x), c.predict)
      #expect(d < 1e-12, "alpha \(c.alpha): predictions off by \(d)")
      worst = max(worst, d, maxAbsDifference(m.coefficients, c.coef))
    }
    print("Ridge vs scikit-learn: max |Δ| over coefficients and predictions = \(worst)")
  }

  @Test func recoversAnExactLineWithoutPenalty() throws {
    let x: [[Double]] = (0..<6).map { [Double($0), Double($0 * $0) / 5] }
    let y = x.map { 2 * $0[0] - 3 * $0[1] + 0.5 }
    var m = RidgeRegression(alpha: 0)
    try m.fit(features: x, targets: y)
    #expect(maxAbsDifference(m.coefficients, [2, -3]) < 1e-10)
    #expect(abs(m.intercept - 0.5) < 1e-10)
  }

  @Test func rejectsBadInput() {
    var m = RidgeRegression(alpha: -1)
    #expect(throws: ModelError.self) { try m.fit(features: [[1], [2]], targets: [1, 2]) }
    m.alpha = 1
    #expect(throws: ModelError.self) { try m.fit(features: [[1], [2]], targets: [1]) }
    #expect(throws: ModelError.self) { try m.fit(features: [[1], [2]], targets: [1, .nan]) }
    #expect(throws: ModelError.notFitted) { try RidgeRegression().predict([[1]]) }
    var singular = RidgeRegression(alpha: 0)
    #expect(throws: ModelError.self) { try singular.fit(features: [[1], [1], [1]], targets: [1, 2, 3]) }
  }
}
