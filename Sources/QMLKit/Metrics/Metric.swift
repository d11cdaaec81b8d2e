/// A model-selection and reporting metric named as in specs (`criteria.metric`): the five
/// classification metrics, then the regression metrics `rmse`, `mae`, `r2` (`task: regression`).
public enum Metric: String, CaseIterable, Codable, Sendable {
  case accuracy, balanced_accuracy, f1_macro, roc_auc, log_loss, rmse, mae, r2

  /// False for the losses `log_loss`, `rmse` and `mae` (lower is better).
  public var higherIsBetter: Bool { self != .log_loss && self != .rmse && self != .mae }

  /// The regression metric this is (`rmse`, `mae`, `r2`), nil for a classification metric.
  public var regression: RegressionMetric? { RegressionMetric(rawValue: rawValue) }

  /// The regression metric of `predictions` against `targets` (NaN for a classification metric).
  public func score(targets: [Double], predictions: [Double]) -> Double {
    regression?.score(targets: targets, predictions: predictions) ?? .nan
  }

  /// The metric of per-class `scores` (as `Classifier.scores` returns them) against `labels`.
  ///
  /// - Predictions are the argmax of each row (ties to the lowest class).
  /// - `roc_auc`: binary (`classCount == 2`) ranks by the class-1 score as given;
  ///   multiclass is macro one-vs-rest (scikit-learn's `ovr`) on `probabilityRows(scores)`.
  ///   `NaN` when `labels` hold a single class.
  /// - `log_loss`: on `probabilityRows(scores)`, i.e. rows that are not already
  ///   probabilities are softmaxed first (decision values are not calibrated, so a log loss
  ///   from them is only indicative).
  /// A regression metric scores predictions (`score(targets:predictions:)`), never classes: NaN here.
  public func score(labels: [Int], scores: [[Double]], classCount: Int) -> Double {
    precondition(labels.count == scores.count, "one score row per label")
    precondition(scores.allSatisfy { $0.count == classCount }, "each score row needs classCount entries")
    switch self {
    case .accuracy: return QMLKit.accuracy(labels: labels, predictions: argmaxPredictions(scores))
    case .balanced_accuracy: return balancedAccuracy(labels: labels, predictions: argmaxPredictions(scores))
    case .f1_macro: return f1Macro(labels: labels, predictions: argmaxPredictions(scores))
    case .roc_auc:
      if classCount == 2 { return rocAUC(labels: labels, scores: scores.map { $0[1] }) }
      return rocAUCOneVsRest(labels: labels, scores: probabilityRows(scores))
    case .log_loss: return logLoss(labels: labels, probabilities: probabilityRows(scores))
    case .rmse, .mae, .r2: return .nan
    }
  }
}
