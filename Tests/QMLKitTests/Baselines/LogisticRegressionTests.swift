import Testing
@testable import QMLKit

private struct LRFixture: Decodable {
  struct Model: Decodable {
    let C: Double
    let kind: String
    let coef: [[Double]]
    let intercept: [Double]
    let proba: [[Double]]
  }
  struct Block: Decodable {
    let x: [[Double]]
    let y_binary: [Int]
    let y_multi: [Int]
    let models: [Model]
  }
  let logistic: Block
}

/// scikit-learn LogisticRegression(lbfgs, tol=1e-12) coefficients (Fixtures/gen_baselines.py, part b).
@Suite struct LogisticRegressionTests {
  @Test func matchesScikitLearnCoefficients() throws {
    let f = try BaselineFixtures.json("baselines", as: LRFixture.self).logistic
    for m in f.models {
      let binary = m.kind == "binary"
      var model = LogisticRegression(C: m.C)
      try model.fit(features: f.x, labels: binary ? f.y_binary : f.y_multi, classCount: binary ? 2 : 3)
      #expect(model.coefficients.count == m.coef.count)
      for (row, ref) in zip(model.coefficients, m.coef) {
        for (a, b) in zip(row, ref) { #expect(BaselineFixtures.close(a, b, abs: 1e-5), "C=\(m.C) \(m.kind): \(a) vs \(b)") }
      }
      for (a, b) in zip(model.intercepts, m.intercept) {
        #expect(BaselineFixtures.close(a, b, abs: 1e-5), "C=\(m.C) \(m.kind) intercept: \(a) vs \(b)")
      }
      let p = try model.scores(Array(f.x.prefix(10)))
      for (row, ref) in zip(p, m.proba) { for (a, b) in zip(row, ref) { #expect(abs(a - b) < 1e-6) } }
    }
  }

  @Test func rejectsBadHyperparameter() {
    var m = LogisticRegression(C: 0)
    #expect(throws: ModelError.self) { try m.fit(features: [[0], [1]], labels: [0, 1], classCount: 2) }
  }
}
