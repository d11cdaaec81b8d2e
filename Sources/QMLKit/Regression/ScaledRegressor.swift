/// A regressor behind a standard scaler on its features (optional) and on its targets, both
/// fitted on its own training rows, as scikit-learn's
/// `TransformedTargetRegressor(make_pipeline(StandardScaler(), model), transformer=StandardScaler())`:
/// the model learns standardized targets and its predictions are mapped back. Inside
/// cross-validation both scalers see only the fold's training part. Zero-variance features are
/// centred but not scaled; constant targets are centred only.
public struct ScaledRegressor: Regressor {
  /// The wrapped model.
  public private(set) var base: any Regressor
  /// Whether the features are standardized too.
  public var scaleFeatures: Bool
  private var mean: [Double] = []
  private var scale: [Double] = []
  private var yMean = 0.0
  private var yScale = 1.0
  private var fitted = false

  /// Wraps `base`; `scaleFeatures: false` leaves the features as they are.
  public init(_ base: any Regressor, scaleFeatures: Bool = true) {
    self.base = base
    self.scaleFeatures = scaleFeatures
  }

  /// Fits the scalers, then the model on the scaled rows and targets.
  public mutating func fit(features: [[Double]], targets: [Double]) throws {
    try _validateRegression(features: features, targets: targets, model: "target scaler")
    let width = features[0].count
    let n = Double(features.count)
    var m = [Double](repeating: 0, count: width)
    var v = [Double](repeating: 0, count: width)
    if scaleFeatures {
      for row in features { for j in 0..<width { m[j] += row[j] } }
      for j in 0..<width { m[j] /= n }
      for row in features { for j in 0..<width { v[j] += (row[j] - m[j]) * (row[j] - m[j]) } }
    }
    mean = m
    scale = v.map { $0 / n > 0 ? ($0 / n).squareRoot() : 1 }
    let (mu, sd) = Self.standardization(targets)
    yMean = mu
    yScale = sd
    try base.fit(features: transform(features), targets: targets.map { ($0 - mu) / sd })
    fitted = true
  }

  /// Mean and population standard deviation of `y` (1 when it is 0).
  public static func standardization(_ y: [Double]) -> (mean: Double, scale: Double) {
    let n = Double(max(1, y.count))
    let mu = y.reduce(0, +) / n
    let variance = y.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / n
    return (mu, variance > 0 ? variance.squareRoot() : 1)
  }

  private func transform(_ rows: [[Double]]) -> [[Double]] {
    guard scaleFeatures else { return rows }
    return rows.map { row in (0..<row.count).map { (row[$0] - mean[$0]) / scale[$0] } }
  }

  /// The wrapped model's predictions on scaled rows, mapped back to the target's units.
  public func predict(_ features: [[Double]]) throws -> [Double] {
    guard fitted else { throw ModelError.notFitted }
    try _validateRows(features, width: mean.count, model: "target scaler")
    return try base.predict(transform(features)).map { $0 * yScale + yMean }
  }
}
