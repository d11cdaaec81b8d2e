import Foundation

/// Loss of one binary output s ∈ [−1, 1] against a target t ∈ {−1, +1}.
public enum LossFunction: String, Sendable, Codable, CaseIterable {
  /// (s − t)².
  case squared
  /// max(0, 1 − t·s).
  case hinge
  /// Binary cross-entropy with p(class +1) = (1 + s)/2, clipped to [1e-12, 1 − 1e-12].
  case crossEntropy = "cross_entropy"

  /// The loss and its derivative with respect to s.
  public func valueAndDerivative(output s: Double, target t: Double) -> (Double, Double) {
    switch self {
    case .squared:
      return ((s - t) * (s - t), 2 * (s - t))
    case .hinge:
      let m = 1 - t * s
      return m > 0 ? (m, -t) : (0, 0)
    case .crossEntropy:
      let eps = 1e-12
      let p = min(max((1 + s) / 2, eps), 1 - eps)
      let y = (t + 1) / 2
      let value = -(y * log(p) + (1 - y) * log(1 - p))
      let dp = -y / p + (1 - y) / (1 - p)
      return (value, dp / 2)
    }
  }
}
