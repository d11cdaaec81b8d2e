/// A C-support-vector classifier on a precomputed kernel, solved by SMO with WSS3
/// working-set selection (Fan, Chen & Lin 2005) as in libsvm, so its dual coefficients,
/// intercept and decisions match scikit-learn's `SVC(kernel="precomputed")`.
///
/// Labels are class indices `0..<k`; every class must occur in the training labels.
/// `k > 2` is handled one-vs-one as libsvm does (one binary machine per class pair
/// `i < j`, trained on the samples of `i` then `j`); `decisionFunction` aggregates the
/// pairs like scikit-learn's `decision_function_shape="ovr"`, and `predict` votes as libsvm.
///
/// Convergence is never silent: when a pair machine stops at `maxIterations`, `converged`
/// is `false` (classifier wrappers turn that into `ModelError.notConverged`).
public struct KernelSVM: Sendable {
  /// One binary machine between classes `positive` (libsvm's +1) and `negative`.
  public struct PairMachine: Sendable, Equatable {
    /// The class on the positive side of `decision`.
    public var positive: Int
    /// The class on the negative side.
    public var negative: Int
    /// Training-sample indices (into the full training set) of the support vectors.
    public var supportIndices: [Int]
    /// alpha_i * y_i for each support vector, libsvm sign (+ for `positive`).
    public var coefficients: [Double]
    /// libsvm's -rho: decision(x) = sum coef_i K(x, sv_i) + bias, positive means `positive`.
    public var bias: Double
    /// SMO iterations.
    public var iterations: Int
    /// Whether SMO met its tolerance.
    public var converged: Bool
  }

  /// Penalty on slack (libsvm's C); must be positive and finite.
  public var C: Double
  /// Stopping tolerance on the maximal KKT violation (libsvm's eps, scikit-learn's tol).
  public var tolerance: Double
  /// Iteration limit per pair machine.
  public var maxIterations: Int
  /// Number of classes seen in `fit` (0 before).
  public private(set) var classCount = 0
  /// Number of training samples seen in `fit` (0 before).
  public private(set) var trainCount = 0
  /// The pair machines, in libsvm order (0,1), (0,2), ..., (k-2,k-1).
  public private(set) var machines: [PairMachine] = []

  /// A machine with penalty `C`, stopping tolerance `tolerance` and an iteration limit.
  public init(C: Double, tolerance: Double = 1e-3, maxIterations: Int = 1_000_000) {
    self.C = C
    self.tolerance = tolerance
    self.maxIterations = maxIterations
  }

  // MARK: - Binary accessors (scikit-learn conventions)

  /// Binary models: `dual_coef_` as in scikit-learn (y_i alpha_i with y = +1 for class 1),
  /// aligned with `supportIndices`. Empty for multiclass or unfitted models.
  public var dualCoefficients: [Double] {
    guard classCount == 2, let m = machines.first else { return [] }
    return m.coefficients.map { -$0 }
  }

  /// Binary models: `intercept_` as in scikit-learn (positive decisions mean class 1).
  /// NaN for multiclass or unfitted models.
  public var intercept: Double {
    guard classCount == 2, let m = machines.first else { return .nan }
    return -m.bias
  }

  /// Indices of the support vectors in the training set, grouped by class in class order
  /// and ascending within a class (scikit-learn's `support_`); for multiclass, the union
  /// over all pair machines.
  public var supportIndices: [Int] {
    if classCount == 2, let m = machines.first { return m.supportIndices }
    return unionSupport
  }
  private var unionSupport: [Int] = []

  /// SMO iterations (summed over pair machines).
  public var iterations: Int { machines.reduce(0) { $0 + $1.iterations } }

  /// Whether every pair machine met its tolerance (false before `fit`).
  public var converged: Bool { !machines.isEmpty && machines.allSatisfy(\.converged) }

  // MARK: - Fitting

  /// Fits on the train-train Gram matrix `kernel` (n x n) and labels in `0..<k`.
  ///
  /// - Throws: `ModelError.invalidHyperparameter` for a non-positive C, tolerance or
  ///   iteration limit; `ModelError.invalidData` for a non-square or non-finite kernel,
  ///   a label count that differs from n, negative labels, fewer than two classes or a
  ///   class in `0..<k` with no sample.
  public mutating func fit(kernel: Matrix, labels: [Int]) throws {
    guard C > 0, C.isFinite else { throw ModelError.invalidHyperparameter("SVM C must be positive and finite, got \(C)") }
    guard tolerance > 0, tolerance.isFinite else {
      throw ModelError.invalidHyperparameter("SVM tolerance must be positive, got \(tolerance)")
    }
    guard maxIterations > 0 else {
      throw ModelError.invalidHyperparameter("SVM maxIterations must be positive, got \(maxIterations)")
    }
    let n = labels.count
    guard kernel.rows == kernel.columns else {
      throw ModelError.invalidData("SVM kernel must be square, got \(kernel.rows) x \(kernel.columns)")
    }
    guard kernel.rows == n else {
      throw ModelError.invalidData("SVM kernel has \(kernel.rows) rows but there are \(n) labels")
    }
    if let bad = kernel.values.firstIndex(where: { !$0.isFinite }) {
      throw ModelError.invalidData("SVM kernel entry (\(bad / n), \(bad % n)) is not finite")
    }
    if let bad = labels.firstIndex(where: { $0 < 0 }) {
      throw ModelError.invalidData("label \(labels[bad]) at sample \(bad) is negative")
    }
    let k = (labels.max() ?? -1) + 1
    guard k >= 2 else { throw ModelError.invalidData("SVM needs at least two classes, got \(k)") }
    var members = [[Int]](repeating: [], count: k)
    for (i, y) in labels.enumerated() { members[y].append(i) }
    if let empty = members.firstIndex(where: \.isEmpty) {
      throw ModelError.invalidData("class \(empty) has no training samples")
    }
    var fitted: [PairMachine] = []
    fitted.reserveCapacity(k * (k - 1) / 2)
    for a in 0..<k {
      for b in (a + 1)..<k {
        fitted.append(Self.fitPair(kernel: kernel, labels: labels, positive: a, negative: b,
                                   members: members[a] + members[b],
                                   C: C, eps: tolerance, maxIterations: maxIterations))
      }
    }
    try Cancellation.check()  // a cancelled solver stops early: its machines are not kept
    machines = fitted
    unionSupport = Array(Set(fitted.flatMap(\.supportIndices))).sorted { (labels[$0], $0) < (labels[$1], $1) }
    classCount = k
    trainCount = n
  }

  /// One libsvm binary problem. Two-class fits solve on the kernel in place (sample
  /// order); pairs of a multiclass fit copy their sub-kernel (class a rows, then class b).
  private static func fitPair(kernel: Matrix, labels: [Int], positive: Int, negative: Int, members: [Int],
                              C: Double, eps: Double, maxIterations: Int) -> PairMachine {
    let l = members.count
    let sub: [Double]
    let order: [Int]
    if l == kernel.rows {
      sub = kernel.values
      order = Array(0..<l)
    } else {
      var m = [Double](repeating: 0, count: l * l)
      let n = kernel.columns
      for (r, i) in members.enumerated() {
        let src = i * n
        let dst = r * l
        for (c, j) in members.enumerated() { m[dst + c] = kernel.values[src + j] }
      }
      sub = m
      order = members
    }
    let y = order.map { labels[$0] == positive ? 1.0 : -1.0 }
    var solver = _SMOSolver(kernel: sub, y: y, C: C, eps: eps)
    let solution = solver.solve(maxIterations: maxIterations)
    // Support vectors as libsvm lists them: positive class first, ascending within a class.
    var support: [Int] = []
    var coef: [Double] = []
    for wantPositive in [true, false] {
      for (r, i) in order.enumerated().sorted(by: { $0.element < $1.element })
      where solution.alpha[r] > 0 && (y[r] > 0) == wantPositive {
        support.append(i)
        coef.append(solution.alpha[r] * y[r])
      }
    }
    return PairMachine(positive: positive, negative: negative, supportIndices: support,
                       coefficients: coef, bias: -solution.rho, iterations: solution.iterations,
                       converged: solution.converged)
  }

  // MARK: - Decisions

  /// libsvm decision values of every pair machine for each test row of `kernel`
  /// (test x train): `[sample][pair]`, positive means the pair's `positive` class.
  public func pairDecisions(kernel: Matrix) -> [[Double]] {
    precondition(!machines.isEmpty, "KernelSVM used before fit")
    precondition(kernel.columns == trainCount,
                 "kernel has \(kernel.columns) columns but the SVM was trained on \(trainCount) samples")
    let n = kernel.columns
    return (0..<kernel.rows).map { r in
      let base = r * n
      return machines.map { m in
        var s = m.bias
        for (idx, c) in zip(m.supportIndices, m.coefficients) { s += c * kernel.values[base + idx] }
        return s
      }
    }
  }

  /// Decision values for each test row of `kernel` (rows = test samples, columns = training
  /// samples). Binary: one value per sample, positive means class 1 (scikit-learn's sign).
  /// Multiclass: k values per sample, scikit-learn's one-vs-rest aggregation of the
  /// one-vs-one votes (votes + sum of confidences / (3 (|sum| + 1))).
  ///
  /// - Precondition: the model is fitted and `kernel.columns` equals the training size.
  public func decisionFunction(kernel: Matrix) -> [[Double]] {
    let pairs = pairDecisions(kernel: kernel)
    if classCount == 2 { return pairs.map { [-$0[0]] } }
    let k = classCount
    return pairs.map { dec in
      var votes = [Double](repeating: 0, count: k)
      var conf = [Double](repeating: 0, count: k)
      for (p, m) in machines.enumerated() {
        conf[m.positive] += dec[p]
        conf[m.negative] -= dec[p]
        if dec[p] < 0 { votes[m.negative] += 1 } else { votes[m.positive] += 1 }
      }
      return (0..<k).map { votes[$0] + conf[$0] / (3 * (abs(conf[$0]) + 1)) }
    }
  }

  /// Predicted class for each test row of `kernel`, by libsvm's rule: binary, class 0 iff
  /// its decision is positive; multiclass, most one-vs-one votes, ties to the lowest class.
  ///
  /// - Precondition: the model is fitted and `kernel.columns` equals the training size.
  public func predict(kernel: Matrix) -> [Int] {
    let k = classCount
    return pairDecisions(kernel: kernel).map { dec in
      var votes = [Int](repeating: 0, count: k)
      for (p, m) in machines.enumerated() {
        if dec[p] > 0 { votes[m.positive] += 1 } else { votes[m.negative] += 1 }
      }
      var best = 0
      for c in 1..<k where votes[c] > votes[best] { best = c }
      return best
    }
  }
}
