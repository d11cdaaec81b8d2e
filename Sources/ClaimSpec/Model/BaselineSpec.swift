/// A classical baseline tuned by cross-validation on the training split.
public struct BaselineSpec: Sendable, Equatable {
  /// Baseline id, unique within the claim (default: the model name).
  public var id: String
  /// The classical model.
  public var model: BaselineModel
  /// Hyperparameter grid: parameter name -> candidate values (names from `SpecVocabulary.baselineGrids`).
  public var grid: [String: [GridValue]]

  /// Creates a baseline spec.
  public init(id: String? = nil, model: BaselineModel, grid: [String: [GridValue]] = [:]) {
    self.id = id ?? model.rawValue; self.model = model; self.grid = grid
  }

  /// Grid parameter names sorted, for deterministic iteration.
  public var gridNames: [String] { grid.keys.sorted() }
}

/// Classical model names (`baselines[].model`).
public enum BaselineModel: String, Sendable, Equatable, CaseIterable {
  /// SVM with an RBF kernel.
  case svmRBF = "svm_rbf"
  /// SVM with a polynomial kernel.
  case svmPoly = "svm_poly"
  /// Linear SVM.
  case svmLinear = "svm_linear"
  /// L2-regularized logistic regression.
  case logisticRegression = "logistic_regression"
  /// k nearest neighbours.
  case knn
  /// Multi-layer perceptron.
  case mlp
  /// Random forest.
  case randomForest = "random_forest"
}

/// One candidate value in a grid: a number, or a named setting such as `scale`.
public enum GridValue: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// A number (integers load as exact doubles).
  case number(Double)
  /// A named setting (`scale`, `auto`, `none`).
  case text(String)

  /// The number, if this is one.
  public var number: Double? { if case .number(let x) = self { return x } else { return nil } }

  /// As written: `0.1`, `10`, `scale`.
  public var description: String {
    switch self {
    case .number(let x):
      return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    case .text(let s): return s
    }
  }
}
