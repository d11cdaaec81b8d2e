/// A trainable regressor over numeric feature rows, the regression twin of `Classifier`.
public protocol Regressor: Sendable {
  /// Fits on training rows and their real-valued targets.
  mutating func fit(features: [[Double]], targets: [Double]) throws
  /// Predicted target per sample.
  func predict(_ features: [[Double]]) throws -> [Double]
}

/// Checks regression training data: non-empty, one finite target per row, equal finite widths.
func _validateRegression(features: [[Double]], targets: [Double], model: String) throws {
  guard !features.isEmpty else { throw ModelError.invalidData("\(model): no training samples") }
  guard features.count == targets.count else {
    throw ModelError.invalidData("\(model): \(features.count) feature rows but \(targets.count) targets")
  }
  let width = features[0].count
  guard width > 0 else { throw ModelError.invalidData("\(model): samples have no features") }
  try _validateRows(features, width: width, model: model)
  if let bad = targets.firstIndex(where: { !$0.isFinite }) {
    throw ModelError.invalidData("\(model): target \(bad) is not finite (\(targets[bad]))")
  }
}
