import Foundation
import Testing
@testable import QMLKit

/// scikit-learn's SVC(C=1, kernel="precomputed", tol=1e-8) on a ZZ kernel; made by
/// /work/shared/reference/peers/gen_reference.py (section c), copied into Fixtures.
private struct PrecomputedSVMFixture: Decodable {
  let train_kernel: [[Double]]
  let train_labels: [Int]
  let test_kernel: [[Double]]
  let support: [Int]
  let dual_coef: [Double]
  let intercept: Double
  let test_decision_function: [Double]
  let test_predictions: [Int]
}

private func loadFixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T { try fixtures.json(name, as: type) }

private func close(_ a: Double, _ b: Double, rel: Double = 1e-4, abs absTol: Double = 1e-6) -> Bool {
  abs(a - b) <= max(absTol, rel * max(abs(a), abs(b)))
}

@Suite struct KernelSVMTests {
  @Test func matchesScikitLearnOnPrecomputedKernel() throws {
    let f = try loadFixture("svm_precomputed", as: PrecomputedSVMFixture.self)
    var svm = KernelSVM(C: 1, tolerance: 1e-8)
    try svm.fit(kernel: Matrix(f.train_kernel), labels: f.train_labels)
    #expect(svm.converged)
    #expect(svm.supportIndices == f.support)
    #expect(svm.dualCoefficients.count == f.dual_coef.count)
    for (a, b) in zip(svm.dualCoefficients, f.dual_coef) { #expect(close(a, b), "dual coef \(a) vs \(b)") }
    #expect(close(svm.intercept, f.intercept), "intercept \(svm.intercept) vs \(f.intercept)")
    let test = Matrix(f.test_kernel)
    let decisions = svm.decisionFunction(kernel: test)
    for (row, ref) in zip(decisions, f.test_decision_function) {
      #expect(row.count == 1)
      #expect(close(row[0], ref), "decision \(row[0]) vs \(ref)")
    }
    #expect(svm.predict(kernel: test) == f.test_predictions)
  }

  @Test func defaultToleranceStaysClose() throws {
    let f = try loadFixture("svm_precomputed", as: PrecomputedSVMFixture.self)
    var svm = KernelSVM(C: 1)
    try svm.fit(kernel: Matrix(f.train_kernel), labels: f.train_labels)
    let decisions = svm.decisionFunction(kernel: Matrix(f.test_kernel))
    for (row, ref) in zip(decisions, f.test_decision_function) { #expect(abs(row[0] - ref) < 5e-3) }
  }

  @Test func reportsNonConvergence() throws {
    let f = try loadFixture("svm_precomputed", as: PrecomputedSVMFixture.self)
    var svm = KernelSVM(C: 1, tolerance: 1e-8, maxIterations: 3)
    try svm.fit(kernel: Matrix(f.train_kernel), labels: f.train_labels)
    #expect(!svm.converged)
    #expect(svm.iterations == 3)
  }

  @Test func rejectsBadInput() {
    var svm = KernelSVM(C: 1)
    #expect(throws: ModelError.self) { try svm.fit(kernel: Matrix(rows: 2, columns: 3), labels: [0, 1]) }
    #expect(throws: ModelError.self) { try svm.fit(kernel: Matrix(rows: 2, columns: 2), labels: [0, 0]) }
    #expect(throws: ModelError.self) { try svm.fit(kernel: Matrix(rows: 3, columns: 3), labels: [0, 2, 2]) }
    #expect(throws: ModelError.self) { try svm.fit(kernel: Matrix([[1, .nan], [.nan, 1]]), labels: [0, 1]) }
    var bad = KernelSVM(C: 0)
    #expect(throws: ModelError.self) { try bad.fit(kernel: Matrix([[1, 0], [0, 1]]), labels: [0, 1]) }
  }

  /// Two separable points per class on a linear kernel: the hard-margin solution is analytic.
  @Test func analyticTwoPointMargin() throws {
    // x = -1 (class 0) and x = +1 (class 1); linear kernel K = x x'. w = 1, b = 0,
    // alpha = 1/2 each (needs C >= 1/2); decision(x) = x.
    let xs = [-1.0, 1.0]
    let k = Matrix(xs.map { a in xs.map { a * $0 } })
    var svm = KernelSVM(C: 10, tolerance: 1e-10)
    try svm.fit(kernel: k, labels: [0, 1])
    #expect(svm.supportIndices == [0, 1])
    #expect(abs(svm.dualCoefficients[0] + 0.5) < 1e-9 && abs(svm.dualCoefficients[1] - 0.5) < 1e-9)
    #expect(abs(svm.intercept) < 1e-9)
    let test = Matrix([[-1 * 0.3, 1 * 0.3]])  // x = 0.3
    #expect(abs(svm.decisionFunction(kernel: test)[0][0] - 0.3) < 1e-9)
  }
}
