import Foundation
import Testing
@testable import QMLKit

@Suite struct KernelRidgeTests {
  @Test func rbfMatchesScikitLearnKernelRidge() throws {
    let f = try RegressionFixture.load()
    var worst = 0.0
    for c in f.kernel_ridge {
      var m = KernelRidgeRegressor(kernel: .rbf(gamma: c.gamma.map { .value($0) } ?? .auto), alpha: c.alpha)
      try m.fit(features: f.train_x, targets: f.train_y)
      let dual = try #require(m.model).dualCoefficients
      #expect(maxAbsDifference(dual, c.dual_coef) < 1e-10, "alpha \(c.alpha) gamma \(String(describing: c.gamma)) dual")
      let d = maxAbsDifference(try m.predict(f.test_x), c.predict)
      #expect(d < 1e-10, "alpha \(c.alpha) gamma \(String(describing: c.gamma)): predictions off by \(d)")
      worst = max(worst, d, maxAbsDifference(dual, c.dual_coef))
    }
    print("KernelRidge (rbf) vs scikit-learn: max |Δ| over dual coefficients and predictions = \(worst)")
  }

  @Test func precomputedMatchesScikitLearn() throws {
    let c = try RegressionFixture.load().precomputed_kernel_ridge
    var m = KernelRidge(alpha: c.alpha)
    try m.fit(kernel: Matrix(c.train_kernel), targets: try RegressionFixture.load().train_y)
    #expect(maxAbsDifference(m.dualCoefficients, c.dual_coef) < 1e-8)
    #expect(maxAbsDifference(try m.predict(kernel: Matrix(c.test_kernel)), c.predict) < 1e-9)
  }

  @Test func quantumKernelRidgeIsKernelRidgeOnTheQuantumGram() throws {
    let x: [[Double]] = (0..<12).map { i in [Double(i) * 0.25, sin(Double(i))] }
    let y = x.map { sin($0[0]) + 0.5 * $0[1] }
    let test: [[Double]] = [[0.1, 0.2], [1.3, -0.4], [2.2, 0.9]]
    let kernel = QuantumKernel(encoding: AngleEncoding())
    var q = QuantumKernelRidgeRegressor(kernel: kernel, alpha: 0.1)
    try q.fit(features: x, targets: y)
    var reference = KernelRidge(alpha: 0.1)
    try reference.fit(kernel: try kernel.trainMatrix(x), targets: y)
    let expected = try reference.predict(kernel: try kernel.crossMatrix(test, x))
    #expect(maxAbsDifference(try q.predict(test), expected) < 1e-12)
    #expect(q.trainKernel?.rows == 12)
    // It interpolates its own training targets closely at a small penalty.
    #expect(r2Score(targets: y, predictions: try q.predict(x)) > 0.9)
  }

  @Test func rejectsBadInput() {
    var m = KernelRidge(alpha: 0)
    #expect(throws: ModelError.self) { try m.fit(kernel: Matrix([[1, 0], [0, 1]]), targets: [1, 2]) }
    m.alpha = 1
    #expect(throws: ModelError.self) { try m.fit(kernel: Matrix([[1, 0], [0, 1]]), targets: [1]) }
    #expect(throws: ModelError.self) { try m.fit(kernel: Matrix([[1, .nan], [0, 1]]), targets: [1, 2]) }
    #expect(throws: ModelError.notFitted) { try KernelRidge().predict(kernel: Matrix([[1]])) }
  }
}
