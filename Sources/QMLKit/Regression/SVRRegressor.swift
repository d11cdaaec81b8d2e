/// Epsilon-SVR on the features with a classical kernel, as scikit-learn's
/// `SVR(kernel, C, epsilon, gamma, tol)` (default RBF with gamma `"scale"`).
///
/// An SMO run that stops at its iteration limit throws `ModelError.notConverged`.
public struct SVRRegressor: Regressor {
  /// The kernel (gamma resolved on the training rows at `fit`).
  public var kernel: SVMKernel
  /// Penalty on errors beyond the tube.
  public var C: Double
  /// Half-width of the insensitive tube.
  public var epsilon: Double
  /// Solver tolerance (scikit-learn's tol).
  public var tolerance: Double
  /// The fitted machine.
  public private(set) var model: KernelSVR?
  private var resolved: SVMKernel = .linear
  private var trainRows: [[Double]] = []

  /// An SVR with scikit-learn's defaults unless given.
  public init(kernel: SVMKernel = .rbf(gamma: .scale), C: Double = 1, epsilon: Double = 0.1, tolerance: Double = 1e-3) {
    self.kernel = kernel
    self.C = C
    self.epsilon = epsilon
    self.tolerance = tolerance
  }

  /// Computes the training Gram matrix and solves the SVR dual.
  public mutating func fit(features: [[Double]], targets: [Double]) throws {
    try _validateRegression(features: features, targets: targets, model: "SVR")
    let k = kernel.resolved(features: features)
    var machine = KernelSVR(C: C, epsilon: epsilon, tolerance: tolerance)
    try machine.fit(kernel: k.gram(features), targets: targets)
    if !machine.converged { throw ModelError.notConverged("SVR stopped at its iteration limit") }
    model = machine
    resolved = k
    trainRows = features
  }

  /// Predictions from the support vectors.
  public func predict(_ features: [[Double]]) throws -> [Double] {
    guard let model else { throw ModelError.notFitted }
    try _validateRows(features, width: trainRows[0].count, model: "SVR")
    return try model.predict(kernel: resolved.cross(features, trainRows, columns: model.supportIndices))
  }
}
