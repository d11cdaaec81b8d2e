/// Kernel ridge regression on a precomputed kernel, as scikit-learn's
/// `KernelRidge(kernel="precomputed", alpha)`: dual coefficients c = (K + alpha I)⁻¹ y by
/// Cholesky, predictions K_test c, no intercept. Any Gram matrix works (RBF, quantum).
public struct KernelRidge: Sendable {
  /// The L2 penalty (> 0).
  public var alpha: Double
  /// The dual coefficients, one per training sample (empty before `fit`).
  public private(set) var dualCoefficients: [Double] = []

  /// A kernel ridge solver with penalty `alpha`.
  public init(alpha: Double = 1) { self.alpha = alpha }

  /// Fits on the train-train Gram matrix (n x n) and the n targets.
  ///
  /// - Throws: `ModelError.invalidHyperparameter` (alpha <= 0), `ModelError.invalidData`
  ///   (shapes, non-finite entries, K + alpha I not positive definite).
  public mutating func fit(kernel: Matrix, targets: [Double]) throws {
    guard alpha > 0, alpha.isFinite else { throw ModelError.invalidHyperparameter("kernel ridge alpha must be > 0, got \(alpha)") }
    let n = targets.count
    guard n > 0 else { throw ModelError.invalidData("kernel ridge: no training samples") }
    guard kernel.rows == n, kernel.columns == n else {
      throw ModelError.invalidData("kernel ridge: kernel is \(kernel.rows) x \(kernel.columns) for \(n) targets")
    }
    if let bad = kernel.values.firstIndex(where: { !$0.isFinite }) {
      throw ModelError.invalidData("kernel ridge: kernel entry (\(bad / n), \(bad % n)) is not finite")
    }
    if let bad = targets.firstIndex(where: { !$0.isFinite }) {
      throw ModelError.invalidData("kernel ridge: target \(bad) is not finite")
    }
    var a = kernel.values
    for i in 0..<n { a[i * n + i] += alpha }
    dualCoefficients = try _choleskySolve(a, n: n, rhs: targets, columns: 1, model: "kernel ridge")
  }

  /// K_test c for each row of `kernel` (test x train).
  ///
  /// - Throws: `ModelError.notFitted`, `ModelError.invalidData` (column count).
  public func predict(kernel: Matrix) throws -> [Double] {
    guard !dualCoefficients.isEmpty else { throw ModelError.notFitted }
    let n = dualCoefficients.count
    guard kernel.columns == n else {
      throw ModelError.invalidData("kernel ridge: test kernel has \(kernel.columns) columns, trained on \(n)")
    }
    return (0..<kernel.rows).map { r in
      var s = 0.0
      let base = r * n
      for j in 0..<n { s += kernel.values[base + j] * dualCoefficients[j] }
      return s
    }
  }
}
