/// Kernel ridge regression on the features with a classical kernel, as scikit-learn's
/// `KernelRidge(kernel="rbf", alpha, gamma)` (no intercept). scikit-learn's `gamma=None`
/// for RBF is 1 / n_features, i.e. `KernelGamma.auto` (the default here).
public struct KernelRidgeRegressor: Regressor {
  /// The kernel (gamma resolved on the training rows at `fit`).
  public var kernel: SVMKernel
  /// The L2 penalty (> 0).
  public var alpha: Double
  /// The fitted solver.
  public private(set) var model: KernelRidge?
  private var resolved: SVMKernel = .linear
  private var trainRows: [[Double]] = []

  /// A kernel ridge regressor (default: RBF with gamma = 1 / n_features, alpha = 1).
  public init(kernel: SVMKernel = .rbf(gamma: .auto), alpha: Double = 1) {
    self.kernel = kernel
    self.alpha = alpha
  }

  /// Computes the training Gram matrix and solves for the dual coefficients.
  public mutating func fit(features: [[Double]], targets: [Double]) throws {
    try _validateRegression(features: features, targets: targets, model: "kernel ridge")
    let k = kernel.resolved(features: features)
    var solver = KernelRidge(alpha: alpha)
    try solver.fit(kernel: k.gram(features), targets: targets)
    model = solver
    resolved = k
    trainRows = features
  }

  /// Σ_j c_j k(x, x_j) per row.
  public func predict(_ features: [[Double]]) throws -> [Double] {
    guard let model else { throw ModelError.notFitted }
    try _validateRows(features, width: trainRows[0].count, model: "kernel ridge")
    return try model.predict(kernel: resolved.cross(features, trainRows, columns: Array(trainRows.indices)))
  }
}
