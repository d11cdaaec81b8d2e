import ClaimSpec
import QMLKit

extension Metric {
  /// The QMLKit metric a spec's `criteria.metric` names.
  init(_ name: MetricName) {
    switch name {
    case .accuracy: self = .accuracy
    case .balancedAccuracy: self = .balanced_accuracy
    case .f1Macro: self = .f1_macro
    case .rocAUC: self = .roc_auc
    case .logLoss: self = .log_loss
    case .rmse: self = .rmse
    case .mae: self = .mae
    case .r2: self = .r2
    // The generative distances never reach the classification engines (`GenerativeClaimRunner`
    // scores them); they map to the one lower-is-better classification metric.
    case .kl, .mmd, .tv: self = .log_loss
    }
  }
}
