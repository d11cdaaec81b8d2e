/// A regression metric named as in specs (`criteria.metric` for `task: regression`).
public enum RegressionMetric: String, CaseIterable, Codable, Sendable {
  case rmse, mae, r2

  /// True for the errors `rmse` and `mae` (lower is better), false for `r2`; a lift is
  /// computed in this direction.
  public var lowerIsBetter: Bool { self != .r2 }

  /// The metric of `predictions` against `targets` (scikit-learn's definitions).
  public func score(targets: [Double], predictions: [Double]) -> Double {
    switch self {
    case .rmse: return rootMeanSquaredError(targets: targets, predictions: predictions)
    case .mae: return meanAbsoluteError(targets: targets, predictions: predictions)
    case .r2: return r2Score(targets: targets, predictions: predictions)
    }
  }
}
