import Testing
@testable import QMLKit

/// Agreement bound with scikit-learn's SVR (both solved to tol = 1e-8): the 1e-6 issue 19 asks for;
/// measured 7e-15 on Linux x86-64 (the same iterates as libsvm, kernel cache rounding included).
private let svrTolerance = 1e-6

@Suite struct KernelSVRTests {
  @Test func matchesScikitLearnSVR() throws {
    let f = try RegressionFixture.load()
    var worst = 0.0
    for c in f.svr {
      var m = SVRRegressor(kernel: .rbf(gamma: c.gamma.kernelGamma), C: c.C, epsilon: c.epsilon, tolerance: 1e-8)
      try m.fit(features: f.train_x, targets: f.train_y)
      let svr = try #require(m.model)
      let tag = "C \(c.C) epsilon \(c.epsilon)"
      #expect(svr.converged)
      #expect(svr.supportIndices == c.support, "\(tag) support")
      #expect(maxAbsDifference(svr.dualCoefficients, c.dual_coef) < svrTolerance, "\(tag) dual")
      #expect(abs(svr.intercept - c.intercept) < svrTolerance, "\(tag) intercept \(svr.intercept) vs \(c.intercept)")
      let d = maxAbsDifference(try m.predict(f.test_x), c.predict)
      #expect(d < svrTolerance, "\(tag): predictions off by \(d)")
      worst = max(worst, d, maxAbsDifference(svr.dualCoefficients, c.dual_coef), abs(svr.intercept - c.intercept))
    }
    print("SVR vs scikit-learn (tol 1e-8): max |Δ| over predictions, dual coefficients, intercepts = \(worst)")
  }

  @Test func zeroTubeOnALineKernelFitsExactly() throws {
    // Linear kernel, targets on a line, large C and epsilon = 0: predictions are the line.
    let xs: [Double] = [-2, -1, 0, 1, 2]
    let k = Matrix(xs.map { a in xs.map { a * $0 } })
    var svr = KernelSVR(C: 100, epsilon: 0, tolerance: 1e-10)
    try svr.fit(kernel: k, targets: xs.map { 3 * $0 + 1 })
    #expect(svr.converged)
    let test: [Double] = [0.5, -1.5]
    let pred = try svr.predict(kernel: Matrix(test.map { a in xs.map { a * $0 } }))
    #expect(maxAbsDifference(pred, test.map { 3 * $0 + 1 }) < 1e-8)
  }

  @Test func wideTubeHasNoSupportVectors() throws {
    // Every target inside the tube around its mean: alpha = 0, prediction = the constant.
    var svr = KernelSVR(C: 1, epsilon: 10)
    try svr.fit(kernel: Matrix([[1, 0.5], [0.5, 1]]), targets: [0.2, 0.4])
    #expect(svr.supportIndices.isEmpty)
    let p = try svr.predict(kernel: Matrix([[0.3, 0.3]]))
    #expect(p[0] >= 0.4 - 10 && p[0] <= 0.2 + 10)
  }

  @Test func reportsNonConvergenceAndBadInput() throws {
    let f = try RegressionFixture.load()
    var svr = KernelSVR(C: 10, epsilon: 0.01, tolerance: 1e-8, maxIterations: 2)
    let k = SVMKernel.rbf(gamma: .value(0.1)).resolved(features: f.train_x).gram(f.train_x)
    try svr.fit(kernel: k, targets: f.train_y)
    #expect(!svr.converged)
    var wrapped = SVRRegressor(C: 0)
    #expect(throws: ModelError.self) { try wrapped.fit(features: f.train_x, targets: f.train_y) }
    var negative = KernelSVR(epsilon: -1)
    #expect(throws: ModelError.self) { try negative.fit(kernel: Matrix([[1]]), targets: [1]) }
    #expect(throws: ModelError.notFitted) { try KernelSVR().predict(kernel: Matrix([[1]])) }
  }
}

@Suite struct KernelSVRPrecisionTests {
  /// Without libsvm's single-precision kernel cache the solver answers a slightly different
  /// problem; this records how far that is from scikit-learn (for the report, not a bound on us).
  @Test func doublePrecisionKernelDriftsFromScikitLearn() throws {
    let f = try RegressionFixture.load()
    var worst = 0.0
    for c in f.svr {
      let kernel = SVMKernel.rbf(gamma: c.gamma.kernelGamma).resolved(features: f.train_x)
      var svr = KernelSVR(C: c.C, epsilon: c.epsilon, tolerance: 1e-8)
      svr.roundsKernelAsLibsvm = false
      try svr.fit(kernel: kernel.gram(f.train_x), targets: f.train_y)
      let p = try svr.predict(kernel: kernel.cross(f.test_x, f.train_x, columns: Array(f.train_x.indices)))
      worst = max(worst, maxAbsDifference(p, c.predict))
    }
    print("SVR in double precision vs scikit-learn: max |Δ prediction| = \(worst)")
    #expect(worst < 1e-4)
  }
}
