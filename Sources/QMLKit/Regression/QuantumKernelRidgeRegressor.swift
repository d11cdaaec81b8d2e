import QuantumSim

/// Quantum kernel ridge regression: a `QuantumKernel` Gram matrix feeding `KernelRidge`,
/// usable wherever a `Regressor` baseline is. Circuit executions and shots accumulate in
/// `kernel.counter`, as for `QuantumKernelClassifier`.
public struct QuantumKernelRidgeRegressor: Regressor {
  /// The kernel (encoding, kind, backend, seed, cost counter).
  public var kernel: QuantumKernel
  /// The ridge penalty (> 0).
  public var alpha: Double
  /// The train-train kernel of the last fit.
  public private(set) var trainKernel: Matrix?
  /// The fitted solver.
  public private(set) var model: KernelRidge?
  private var trainRows: [[Double]] = []

  /// A quantum kernel ridge regressor with penalty `alpha`.
  public init(kernel: QuantumKernel, alpha: Double = 1) {
    self.kernel = kernel
    self.alpha = alpha
  }

  /// Computes the quantum Gram matrix of the training rows and solves for the dual coefficients.
  public mutating func fit(features: [[Double]], targets: [Double]) throws {
    try _validateRegression(features: features, targets: targets, model: "quantum kernel ridge")
    let K = try kernel.trainMatrix(features)
    var solver = KernelRidge(alpha: alpha)
    try solver.fit(kernel: K, targets: targets)
    trainKernel = K
    model = solver
    trainRows = features
  }

  /// Predictions from the test-train quantum kernel.
  public func predict(_ features: [[Double]]) throws -> [Double] {
    guard let model else { throw ModelError.notFitted }
    return try model.predict(kernel: try kernel.crossMatrix(features, trainRows))
  }
}
