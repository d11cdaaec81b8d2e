import ClaimSpec
import QMLKit

extension BaselineModel {
  /// The classifier QMLKit builds for this spec model (one case each, no names in between).
  var kind: BaselineKind {
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
    }
  }
}
