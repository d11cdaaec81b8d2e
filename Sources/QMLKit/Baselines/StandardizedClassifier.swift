/// A classifier behind a standard scaler fitted on its own training rows, as scikit-learn's
/// `make_pipeline(StandardScaler(), model)`: inside cross-validation the scaler sees only
/// the fold's training part. Zero-variance features are centred but not scaled.
public struct StandardizedClassifier: Classifier {
  /// The wrapped model.
  public private(set) var base: any Classifier
  private var mean: [Double] = []
  private var scale: [Double] = []

  /// Wraps `base`.
  public init(_ base: any Classifier) { self.base = base }

  /// Fits the scaler, then the model on the scaled rows.
  public mutating func fit(features: [[Double]], labels: [Int], classCount: Int) throws {
    guard let width = features.first?.count else { throw ModelError.invalidData("no training samples") }
    try _validateRows(features, width: width, model: "standard scaler")
    let n = Double(features.count)
    var m = [Double](repeating: 0, count: width)
    for row in features { for j in 0..<width { m[j] += row[j] } }
    for j in 0..<width { m[j] /= n }
    var v = [Double](repeating: 0, count: width)
    for row in features {
      for j in 0..<width {
        let t = row[j] - m[j]
        v[j] += t * t
      }
    }
    mean = m
    scale = v.map { $0 / n > 0 ? ($0 / n).squareRoot() : 1 }
    try base.fit(features: transform(features), labels: labels, classCount: classCount)
  }

  private func transform(_ rows: [[Double]]) -> [[Double]] {
    rows.map { row in (0..<row.count).map { (row[$0] - mean[$0]) / scale[$0] } }
  }

  private func checked(_ rows: [[Double]]) throws -> [[Double]] {
    guard !mean.isEmpty else { throw ModelError.notFitted }
    try _validateRows(rows, width: mean.count, model: "standard scaler")
    return transform(rows)
  }

  /// The wrapped model's scores on scaled rows.
  public func scores(_ features: [[Double]]) throws -> [[Double]] { try base.scores(checked(features)) }

  /// The wrapped model's predictions on scaled rows.
  public func predict(_ features: [[Double]]) throws -> [Int] { try base.predict(checked(features)) }
}
