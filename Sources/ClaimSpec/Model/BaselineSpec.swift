/// A classical baseline tuned by cross-validation on the training split.
public struct BaselineSpec: Sendable, Equatable {
  /// Baseline id, unique within the claim (default: the model name).
  public var id: String
  /// The classical model.
  public var model: BaselineModel
  /// Hyperparameter grid: parameter name -> candidate values (names from `SpecVocabulary.baselineGrids`).
  public var grid: [String: [GridValue]]
  /// Feature scaling in front of the model, fitted on each training part (key `scale`).
  public var scale: BaselineScaling
  /// The quantum model id whose encoding a dequantized baseline (`rff_quantum`) copies (key `of`);
  /// nil means the claim's first quantum model.
  public var of: String?

  /// Creates a baseline spec; `scale` defaults to the model's default (`standard`, `none` for
  /// random forests and `rff_quantum`).
  public init(
    id: String? = nil, model: BaselineModel, grid: [String: [GridValue]] = [:], scale: BaselineScaling? = nil,
    of: String? = nil
  ) {
    self.id = id ?? model.rawValue; self.model = model; self.grid = grid
    self.scale = scale ?? BaselineScaling.defaultFor(model)
    self.of = of
  }

  /// The id of the quantum model this baseline dequantizes in `claim` (nil unless `rff_quantum`).
  public func dequantizedModel(in quantum: [QuantumModelSpec]) -> QuantumModelSpec? {
    guard model.isDequantized else { return nil }
    guard let of else { return quantum.first }
    return quantum.first { $0.id == of }
  }

  /// Grid parameter names sorted, for deterministic iteration.
  public var gridNames: [String] { grid.keys.sorted() }
}

/// Feature scaling in front of a baseline (`baselines[].scale`), fitted on each training part only.
public enum BaselineScaling: String, Sendable, Equatable, CaseIterable {
  /// Zero mean, unit variance per feature (scikit-learn's `make_pipeline(StandardScaler(), model)`).
  case standard
  /// The model sees the features as the dataset's preprocessing leaves them (scikit-learn's bare model).
  case none

  /// The default: `standard`, except `none` for random forests (splits do not depend on scale) and
  /// `rff_quantum` (it evaluates the quantum encoding's data functions on the features as the quantum model sees them).
  public static func defaultFor(_ model: BaselineModel) -> BaselineScaling {
    model == .randomForest || model == .rffQuantum ? .none : .standard
  }
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
  /// Random Fourier features from a quantum model's own frequency spectrum + logistic regression
  /// (the dequantized baseline of Landman et al. 2022).
  case rffQuantum = "rff_quantum"
  /// Nyström approximation of the RBF kernel + logistic regression.
  case nystroemRBF = "nystroem_rbf"
  /// Ridge regression (regression claims).
  case ridge
  /// Kernel ridge regression with an RBF kernel (regression claims).
  case kernelRidge = "kernel_ridge"
  /// Epsilon-SVR with an RBF kernel (regression claims).
  case svr

  /// The tasks this model serves: `knn`, `mlp` and `random_forest` both (the regressor of the
  /// same family in a regression claim), `ridge`, `kernel_ridge`, `svr` regression only, the rest
  /// classification only.
  public var tasks: [ClaimTask] {
    switch self {
    case .knn, .mlp, .randomForest: return [.classification, .regression]
    case .ridge, .kernelRidge, .svr: return [.regression]
    default: return [.classification]
    }
  }

  /// Other names accepted in specs: `poly` loads as `svm_poly`.
  public static let aliases: [String: BaselineModel] = ["poly": .svmPoly]

  /// True for baselines built from a quantum model's structure (they need its encoding).
  public var isDequantized: Bool { self == .rffQuantum }
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
