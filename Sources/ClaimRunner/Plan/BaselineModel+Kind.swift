import ClaimSpec
import QMLKit

extension BaselineModel {
  /// The classifier QMLKit builds for this spec model (one case each, no names in between); nil
  /// for the regression-only models.
  var kind: BaselineKind? {
    switch self {
    case .svmRBF: return .svmRBF
    case .svmPoly: return .svmPoly
    case .svmLinear: return .svmLinear
    case .logisticRegression: return .logisticRegression
    case .knn: return .knn
    case .mlp: return .mlp
    case .randomForest: return .randomForest
    case .rffQuantum: return .rffQuantum
    case .nystroemRBF: return .nystroemRBF
    case .ridge, .kernelRidge, .svr: return nil
    }
  }

  /// The regressor QMLKit builds for this spec model in a regression claim; nil for the
  /// classification-only models.
  var regressorKind: RegressorKind? {
    switch self {
    case .ridge: return .ridge
    case .kernelRidge: return .kernelRidge
    case .svr: return .svr
    case .knn: return .knn
    case .mlp: return .mlp
    case .randomForest: return .randomForest
    default: return nil
    }
  }

  /// The default grid of this model for a claim's task, as plain sizes and values.
  func defaultGrid(task: ClaimTask) -> [String: [HyperValue]] {
    if task == .regression, let r = regressorKind { return RegressorFactory.defaultGrid(for: r) }
    if let k = kind { return BaselineFactory.defaultGrid(for: k) }
    return [:]
  }
}
