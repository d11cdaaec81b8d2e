/// A trainable classifier over numeric feature rows, the shape every baseline
/// and quantum model shares so model selection and metrics treat them alike.
public protocol Classifier: Sendable {
  /// Fits on training rows and labels in `0..<classCount`.
  mutating func fit(features: [[Double]], labels: [Int], classCount: Int) throws
  /// Per-sample score of each class (higher = more likely): `scores[i][k]` for class k.
  /// Probabilities where the model has them, decision values otherwise.
  func scores(_ features: [[Double]]) throws -> [[Double]]
  /// Predicted class per sample.
  func predict(_ features: [[Double]]) throws -> [Int]
}

extension Classifier {
  /// Default: the class with the highest score (ties go to the lowest index).
  public func predict(_ features: [[Double]]) throws -> [Int] {
    try scores(features).map { row in
      var best = 0
      for k in row.indices where row[k] > row[best] { best = k }
      return best
    }
  }
}

/// Failures while fitting or applying a model, reported per model and seed rather than crashing.
public enum ModelError: Error, Equatable, CustomStringConvertible {
  /// The training data cannot be used (empty, one class, mismatched sizes, non-finite values).
  case invalidData(String)
  /// An invalid hyperparameter value.
  case invalidHyperparameter(String)
  /// The optimisation produced NaN or diverged.
  case diverged(String)
  /// The solver stopped at its iteration limit without meeting its tolerance.
  case notConverged(String)
  /// Predict was called before fit.
  case notFitted

  public var description: String {
    switch self {
    case .invalidData(let m): return "invalid data: \(m)"
    case .invalidHyperparameter(let m): return "invalid hyperparameter: \(m)"
    case .diverged(let m): return "training diverged: \(m)"
    case .notConverged(let m): return "solver did not converge: \(m)"
    case .notFitted: return "model used before it was fitted"
    }
  }
}
