// Implementation goal: libsvm's epsilon-SVR (`solve_epsilon_svr`), so the dual solution,
// intercept and predictions match scikit-learn's `SVR` to solver tolerance. libsvm doubles
// the variables: alpha_i (y_i = +1, p_i = epsilon - z_i) and alpha*_i (y = -1,
// p = epsilon + z_i) over the kernel K(i mod l, j mod l), and runs its generic SMO
// (`_SMOSolver`, shared with the classifier) with C on both halves. libsvm's kernel cache
// holds Q in single precision (`Qfloat`) while its diagonal QD and predictions stay double;
// the solver here reads the kernel rounded the same way, so it solves the very problem
// scikit-learn solves (in double, the answers differ by up to ~1e-5 on ordinary data).

/// Epsilon-support-vector regression on a precomputed kernel, solved as libsvm does.
///
/// Convergence is never silent: `converged` is false when SMO stops at `maxIterations`.
public struct KernelSVR: Sendable {
  /// Penalty on errors beyond the tube (libsvm's C, > 0).
  public var C: Double
  /// Half-width of the insensitive tube (libsvm's p, scikit-learn's epsilon, >= 0).
  public var epsilon: Double
  /// Stopping tolerance on the maximal KKT violation (scikit-learn's tol).
  public var tolerance: Double
  /// SMO iteration limit.
  public var maxIterations: Int
  /// Training-sample indices of the support vectors, ascending (scikit-learn's `support_`).
  public private(set) var supportIndices: [Int] = []
  /// alpha_i − alpha*_i per support vector (scikit-learn's `dual_coef_[0]`).
  public private(set) var dualCoefficients: [Double] = []
  /// scikit-learn's `intercept_` (libsvm's −rho).
  public private(set) var intercept = 0.0
  /// SMO iterations of the last fit.
  public private(set) var iterations = 0
  /// Whether SMO met its tolerance (false before `fit`).
  public private(set) var converged = false
  private var trainCount = 0
  /// Round the solver's kernel to single precision as libsvm's cache does (tests turn it off
  /// to measure what the rounding changes).
  var roundsKernelAsLibsvm = true

  /// An SVR with penalty `C`, tube half-width `epsilon`, tolerance and iteration limit.
  public init(C: Double = 1, epsilon: Double = 0.1, tolerance: Double = 1e-3, maxIterations: Int = 10_000_000) {
    self.C = C
    self.epsilon = epsilon
    self.tolerance = tolerance
    self.maxIterations = maxIterations
  }

  /// Fits on the train-train Gram matrix (l x l) and the l targets.
  ///
  /// - Throws: `ModelError.invalidHyperparameter` (C, epsilon, tolerance, iteration limit),
  ///   `ModelError.invalidData` (shapes, non-finite entries).
  public mutating func fit(kernel: Matrix, targets: [Double]) throws {
    guard C > 0, C.isFinite else { throw ModelError.invalidHyperparameter("SVR C must be positive and finite, got \(C)") }
    guard epsilon >= 0, epsilon.isFinite else { throw ModelError.invalidHyperparameter("SVR epsilon must be >= 0, got \(epsilon)") }
    guard tolerance > 0, tolerance.isFinite else { throw ModelError.invalidHyperparameter("SVR tolerance must be positive, got \(tolerance)") }
    guard maxIterations > 0 else { throw ModelError.invalidHyperparameter("SVR maxIterations must be positive, got \(maxIterations)") }
    let l = targets.count
    guard l > 0 else { throw ModelError.invalidData("SVR: no training samples") }
    guard kernel.rows == l, kernel.columns == l else {
      throw ModelError.invalidData("SVR: kernel is \(kernel.rows) x \(kernel.columns) for \(l) targets")
    }
    if let bad = kernel.values.firstIndex(where: { !$0.isFinite }) {
      throw ModelError.invalidData("SVR: kernel entry (\(bad / l), \(bad % l)) is not finite")
    }
    if let bad = targets.firstIndex(where: { !$0.isFinite }) { throw ModelError.invalidData("SVR: target \(bad) is not finite") }
    let m = 2 * l
    var doubled = [Double](repeating: 0, count: m * m)
    for i in 0..<m {
      let src = (i % l) * l
      for j in 0..<m {
        let v = kernel.values[src + j % l]
        doubled[i * m + j] = roundsKernelAsLibsvm ? Double(Float(v)) : v
      }
    }
    let diagonal = (0..<m).map { kernel.values[($0 % l) * (l + 1)] }
    let y = (0..<m).map { $0 < l ? 1.0 : -1.0 }
    let p = (0..<m).map { $0 < l ? epsilon - targets[$0] : epsilon + targets[$0 - l] }
    var solver = _SMOSolver(kernel: doubled, y: y, C: C, eps: tolerance, linearTerm: p, diagonal: diagonal)
    let solution = solver.solve(maxIterations: maxIterations)
    var support: [Int] = [], coef: [Double] = []
    for i in 0..<l {
      let c = solution.alpha[i] - solution.alpha[i + l]
      if c != 0 {
        support.append(i)
        coef.append(c)
      }
    }
    supportIndices = support
    dualCoefficients = coef
    intercept = -solution.rho
    iterations = solution.iterations
    converged = solution.converged
    trainCount = l
  }

  /// Σ coef_i K(x, sv_i) + intercept for each row of `kernel` (test x train).
  ///
  /// - Throws: `ModelError.notFitted`, `ModelError.invalidData` (column count).
  public func predict(kernel: Matrix) throws -> [Double] {
    guard trainCount > 0 else { throw ModelError.notFitted }
    guard kernel.columns == trainCount else {
      throw ModelError.invalidData("SVR: test kernel has \(kernel.columns) columns, trained on \(trainCount)")
    }
    return (0..<kernel.rows).map { r in
      var s = intercept
      let base = r * trainCount
      for (i, c) in zip(supportIndices, dualCoefficients) { s += c * kernel.values[base + i] }
      return s
    }
  }
}
