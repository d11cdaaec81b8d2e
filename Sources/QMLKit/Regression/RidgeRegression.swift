/// Linear least squares with an L2 penalty and an unpenalised intercept, as scikit-learn's
/// `Ridge(alpha)`: centre the features and target, solve (XᵀX + alpha I) w = Xᵀy by
/// Cholesky, intercept = mean(y) − mean(X)·w.
public struct RidgeRegression: Regressor {
  /// The L2 penalty (>= 0; 0 is ordinary least squares and needs full-rank features).
  public var alpha: Double
  /// Fitted weights, one per feature (empty before `fit`).
  public private(set) var coefficients: [Double] = []
  /// Fitted intercept.
  public private(set) var intercept = 0.0

  /// A ridge regressor with penalty `alpha`.
  public init(alpha: Double = 1) { self.alpha = alpha }

  /// Solves the normal equations.
  ///
  /// - Throws: `ModelError.invalidHyperparameter` (negative or non-finite alpha),
  ///   `ModelError.invalidData` (rows, targets, or a singular system at alpha = 0).
  public mutating func fit(features: [[Double]], targets: [Double]) throws {
    try _validateRegression(features: features, targets: targets, model: "ridge")
    guard alpha >= 0, alpha.isFinite else { throw ModelError.invalidHyperparameter("ridge alpha must be >= 0, got \(alpha)") }
    let n = features.count, d = features[0].count
    var mean = [Double](repeating: 0, count: d)
    for row in features { for j in 0..<d { mean[j] += row[j] } }
    for j in 0..<d { mean[j] /= Double(n) }
    let yMean = targets.reduce(0, +) / Double(n)
    var gram = [Double](repeating: 0, count: d * d)
    var xty = [Double](repeating: 0, count: d)
    var centred = [Double](repeating: 0, count: d)
    for (row, y) in zip(features, targets) {
      for j in 0..<d { centred[j] = row[j] - mean[j] }
      let yc = y - yMean
      for i in 0..<d {
        xty[i] += centred[i] * yc
        for j in 0...i { gram[i * d + j] += centred[i] * centred[j] }
      }
    }
    for i in 0..<d { gram[i * d + i] += alpha }
    let w = try _choleskySolve(gram, n: d, rhs: xty, columns: 1, model: "ridge")
    coefficients = w
    var b = yMean
    for j in 0..<d { b -= mean[j] * w[j] }
    intercept = b
  }

  /// x·w + intercept per row.
  public func predict(_ features: [[Double]]) throws -> [Double] {
    guard !coefficients.isEmpty else { throw ModelError.notFitted }
    try _validateRows(features, width: coefficients.count, model: "ridge")
    return features.map { row in
      var s = intercept
      for j in row.indices { s += row[j] * coefficients[j] }
      return s
    }
  }
}
