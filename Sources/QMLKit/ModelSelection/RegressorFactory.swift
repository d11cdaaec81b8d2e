/// The classical regression baselines, by the names specs use (`baselines[].model` of a
/// `task: regression` claim; `knn`, `random_forest` and `mlp` share their names with the
/// classifiers of the same family).
public enum RegressorKind: String, Sendable, Equatable, CaseIterable {
  /// Linear least squares with an L2 penalty (scikit-learn `Ridge`).
  case ridge
  /// Kernel ridge regression with an RBF kernel (scikit-learn `KernelRidge(kernel="rbf")`).
  case kernelRidge = "kernel_ridge"
  /// Epsilon-SVR with an RBF kernel (scikit-learn `SVR`).
  case svr
  /// k nearest neighbours, mean target.
  case knn
  /// Random forest of regression trees.
  case randomForest = "random_forest"
  /// Multi-layer perceptron regressor.
  case mlp
}

/// Builds the classical regressors by kind from a hyperparameter dictionary, with validated
/// values and a default grid each (the regression twin of `BaselineFactory`).
///
/// Every model learns standardized targets (fitted on its own training rows, predictions mapped
/// back: `ScaledRegressor`); that changes nothing for ridge, k-NN and random forests and gives
/// kernel ridge (no intercept), SVR (epsilon in target units) and the MLP the scale they assume.
/// Features are standardized too unless `scale: none` (random forests: never).
public enum RegressorFactory {
  /// Accepted parameters per model, with their defaults.
  public static func defaults(for kind: RegressorKind) -> [String: HyperValue] {
    switch kind {
    case .ridge: return ["alpha": 1, "scale": "standard"]
    case .kernelRidge: return ["alpha": 1, "gamma": "scale", "scale": "standard"]
    case .svr: return ["C": 1, "gamma": "scale", "epsilon": 0.1, "scale": "standard"]
    case .knn: return ["k": 5, "scale": "standard"]
    case .randomForest: return ["trees": 100, "max_depth": "none", "scale": "none"]
    case .mlp:
      return ["hidden": "64", "learning_rate": 0.001, "alpha": 0.0001, "max_iterations": 300, "scale": "standard"]
    }
  }

  /// The grid searched when a spec gives none (log-spaced penalties and widths, odd k).
  public static func defaultGrid(for kind: RegressorKind) -> [String: [HyperValue]] {
    switch kind {
    case .ridge: return ["alpha": [0.01, 0.1, 1, 10, 100]]
    case .kernelRidge: return ["alpha": [0.01, 0.1, 1], "gamma": ["scale", 0.01, 0.1]]
    case .svr: return ["C": [0.1, 1, 10, 100], "gamma": ["scale", 0.01, 0.1]]
    case .knn: return ["k": [1, 3, 5, 7, 11, 15, 21]]
    case .randomForest: return ["trees": [100], "max_depth": ["none", 4, 8]]
    case .mlp: return ["hidden": ["32", "64"], "alpha": [0.0001, 0.01], "learning_rate": [0.001, 0.01]]
    }
  }

  /// A fresh, unfitted regressor `kind` with `params` (missing ones take the defaults); `seed`
  /// drives the random choices of `mlp` and `random_forest`.
  ///
  /// - Throws: `ModelError.invalidHyperparameter` naming the model, the parameter and the value.
  public static func make(_ kind: RegressorKind, params: [String: HyperValue], seed: UInt64 = 0) throws -> any Regressor {
    let model = kind.rawValue
    var p = defaults(for: kind)
    for (key, value) in params {
      guard p[key] != nil else {
        let known = p.keys.sorted().joined(separator: ", ")
        throw ModelError.invalidHyperparameter("\(model): unknown parameter '\(key)' (known: \(known))")
      }
      p[key] = value
    }
    let r = _Reader(model: model, params: p)
    let base: any Regressor
    switch kind {
    case .ridge: base = RidgeRegression(alpha: try r.number("alpha", min: 0))
    case .kernelRidge: base = KernelRidgeRegressor(kernel: .rbf(gamma: try r.gamma()), alpha: try r.positive("alpha"))
    case .svr:
      base = SVRRegressor(kernel: .rbf(gamma: try r.gamma()), C: try r.positive("C"), epsilon: try r.number("epsilon", min: 0))
    case .knn: base = KNeighborsRegressor(k: try r.integer("k", min: 1))
    case .randomForest:
      base = RandomForestRegressor(trees: try r.integer("trees", min: 1), maxDepth: try r.optionalInteger("max_depth", min: 1), seed: seed)
    case .mlp:
      base = MLPRegressor(hidden: try r.widths("hidden"), learningRate: try r.positive("learning_rate"),
                          alpha: try r.number("alpha", min: 0), maxIterations: try r.integer("max_iterations", min: 1), seed: seed)
    }
    switch try r.text("scale") {
    case "standard": return ScaledRegressor(base, scaleFeatures: true)
    case "none": return ScaledRegressor(base, scaleFeatures: false)
    case let other: throw ModelError.invalidHyperparameter("\(model): scale must be 'standard' or 'none', got '\(other)'")
    }
  }
}
