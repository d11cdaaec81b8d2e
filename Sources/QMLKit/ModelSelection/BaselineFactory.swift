/// The classical baseline models, by the names specs use (`baselines[].model`).
public enum BaselineKind: String, Sendable, Equatable, CaseIterable {
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
  /// Random Fourier features from a quantum model's spectrum + logistic regression.
  case rffQuantum = "rff_quantum"
  /// Nyström approximation of the RBF kernel + logistic regression.
  case nystroemRBF = "nystroem_rbf"

  /// The model a name or alias stands for (`poly` is `svm_poly`); nil for an unknown name.
  public init?(name: String) {
    self.init(rawValue: name == "poly" ? "svm_poly" : name)
  }
}

/// Builds the classical baselines by kind (`svm_rbf`, `logistic_regression`, ...)
/// from a hyperparameter dictionary, with validated values and a strong default grid each.
///
/// Every model except `random_forest` sits behind a standard scaler fitted on its own
/// training rows (parameter `scale: standard`, the default; `scale: none` turns it off),
/// as a careful engineer would pipeline it; inside cross-validation the scaler sees only
/// the fold's training part. `rff_quantum` defaults to `scale: none`: it evaluates the quantum
/// encoding's own data functions, which must see the features as the quantum model does.
/// `poly` is another name for `svm_poly`.
public struct BaselineFactory: Sendable {
  /// The model names, in documentation order.
  public static let names = BaselineKind.allCases.map(\.rawValue)

  /// Accepted parameters per model, with their defaults.
  public static func defaults(for model: BaselineKind) -> [String: HyperValue] {
    switch model {
    case .svmRBF: return ["C": 1, "gamma": "scale", "scale": "standard"]
    case .svmPoly: return ["C": 1, "degree": 3, "gamma": "scale", "coef0": 0, "scale": "standard"]
    case .svmLinear: return ["C": 1, "scale": "standard"]
    case .logisticRegression: return ["C": 1, "scale": "standard"]
    case .knn: return ["k": 5, "scale": "standard"]
    case .mlp:
      return ["hidden": "64", "learning_rate": 0.001, "alpha": 0.0001, "max_iterations": 500,
              "early_stopping": "false", "scale": "standard"]
    case .randomForest: return ["trees": 200, "max_depth": "none"]
    case .rffQuantum: return ["features": 100, "C": 1, "scale": "none"]
    case .nystroemRBF: return ["C": 1, "gamma": "scale", "landmarks": 100, "scale": "standard"]
    }
  }

  /// The grid a careful engineer would search for `model` by default (log-spaced C and
  /// gamma around the scale-invariant defaults, odd k, a few widths and penalties).
  public static func defaultGrid(for model: BaselineKind) -> [String: [HyperValue]] {
    switch model {
    case .svmRBF: return ["C": [0.1, 1, 10, 100], "gamma": ["scale", 0.01, 0.1, 1]]
    case .svmPoly: return ["C": [0.1, 1, 10, 100], "degree": [2, 3], "coef0": [0, 1]]
    case .svmLinear: return ["C": [0.01, 0.1, 1, 10, 100]]
    case .logisticRegression: return ["C": [0.001, 0.01, 0.1, 1, 10, 100]]
    case .knn: return ["k": [1, 3, 5, 7, 11, 15, 21]]
    case .mlp: return ["hidden": ["32", "64", "64,64"], "alpha": [0.0001, 0.01], "learning_rate": [0.001, 0.01]]
    case .randomForest: return ["trees": [200], "max_depth": ["none", 4, 8]]
    case .rffQuantum: return ["features": [25, 50, 100, 200], "C": [0.1, 1, 10, 100]]
    case .nystroemRBF: return ["gamma": ["scale", 0.1, 1], "landmarks": [100], "C": [0.1, 1, 10, 100]]
    }
  }

  /// A fresh, unfitted classifier `model` with `params` (missing ones take the defaults);
  /// `seed` drives the random choices of `mlp`, `random_forest`, `rff_quantum` and `nystroem_rbf`;
  /// `source` is the quantum model `rff_quantum` dequantizes (required for it, ignored otherwise).
  ///
  /// - Throws: `ModelError.invalidHyperparameter` naming the model, the parameter and the
  ///   bad value (unknown parameter, wrong type, out of range, `rff_quantum` without source).
  public static func make(
    _ kind: BaselineKind, params: [String: HyperValue], seed: UInt64 = 0, source: SpectrumSource? = nil
  ) throws -> any Classifier {
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
    let base: any Classifier
    switch kind {
    case .svmRBF:
      base = SVMClassifier(kernel: .rbf(gamma: try r.gamma()), C: try r.positive("C"))
    case .svmPoly:
      base = SVMClassifier(kernel: .polynomial(degree: try r.integer("degree", min: 1), gamma: try r.gamma(),
                                               coef0: try r.number("coef0")), C: try r.positive("C"))
    case .svmLinear:
      base = SVMClassifier(kernel: .linear, C: try r.positive("C"))
    case .logisticRegression:
      base = LogisticRegression(C: try r.positive("C"))
    case .knn:
      base = KNearestNeighbors(k: try r.integer("k", min: 1))
    case .mlp:
      base = MLPClassifier(hidden: try r.widths("hidden"), learningRate: try r.positive("learning_rate"),
                           alpha: try r.number("alpha", min: 0), maxIterations: try r.integer("max_iterations", min: 1),
                           earlyStopping: try r.flag("early_stopping"), seed: seed)
    case .randomForest:
      return RandomForest(trees: try r.integer("trees", min: 1), maxDepth: try r.optionalInteger("max_depth", min: 1), seed: seed)
    case .rffQuantum:
      guard let source else {
        throw ModelError.invalidHyperparameter("rff_quantum needs the encoding of the quantum model it dequantizes")
      }
      base = QuantumRFFClassifier(source: source, featureCount: try r.integer("features", min: 1), C: try r.positive("C"), seed: seed)
    case .nystroemRBF:
      base = NystroemRBFClassifier(gamma: try r.gamma(), landmarks: try r.integer("landmarks", min: 1), C: try r.positive("C"), seed: seed)
    }
    switch try r.text("scale") {
    case "standard": return StandardizedClassifier(base)
    case "none": return base
    case let other: throw ModelError.invalidHyperparameter("\(model): scale must be 'standard' or 'none', got '\(other)'")
    }
  }

}

/// Typed reads of a parameter dictionary with model-named errors (classifiers and regressors).
struct _Reader {
  let model: String
  let params: [String: HyperValue]

  private func fail(_ key: String, _ expected: String) -> ModelError {
    .invalidHyperparameter("\(model): \(key) must be \(expected), got '\(params[key]!)'")
  }

  func number(_ key: String, min lower: Double = -.infinity) throws -> Double {
    guard case .number(let v) = params[key]!, v.isFinite, v >= lower else {
      throw fail(key, lower == -.infinity ? "a finite number" : "a number >= \(lower)")
    }
    return v
  }

  func positive(_ key: String) throws -> Double {
    guard case .number(let v) = params[key]!, v.isFinite, v > 0 else { throw fail(key, "a positive number") }
    return v
  }

  func integer(_ key: String, min lower: Int) throws -> Int {
    guard case .number(let v) = params[key]!, v == v.rounded(), v >= Double(lower), v < 1e9 else {
      throw fail(key, "an integer >= \(lower)")
    }
    return Int(v)
  }

  func optionalInteger(_ key: String, min lower: Int) throws -> Int? {
    if case .text(let t) = params[key]!, t == "none" { return nil }
    guard case .number(let v) = params[key]!, v == v.rounded(), v >= Double(lower), v < 1e9 else {
      throw fail(key, "an integer >= \(lower) or 'none'")
    }
    return Int(v)
  }

  func text(_ key: String) throws -> String {
    guard case .text(let t) = params[key]! else { throw fail(key, "a word") }
    return t
  }

  func flag(_ key: String) throws -> Bool {
    switch params[key]! {
    case .text("true"), .number(1): return true
    case .text("false"), .number(0): return false
    default: throw fail(key, "true or false")
    }
  }

  func gamma() throws -> KernelGamma {
    switch params["gamma"]! {
    case .text("scale"): return .scale
    case .text("auto"): return .auto
    case .number(let v) where v > 0 && v.isFinite: return .value(v)
    default: throw fail("gamma", "'scale', 'auto' or a positive number")
    }
  }

  /// Hidden widths from "64", "64,32" or "64-32" (or a bare number).
  func widths(_ key: String) throws -> [Int] {
    switch params[key]! {
    case .number(let v) where v == v.rounded() && v >= 1 && v < 1e6: return [Int(v)]
    case .text(let t):
      let parts = t.split(whereSeparator: { $0 == "," || $0 == "-" || $0 == " " })
      let widths = parts.compactMap { Int($0) }
      guard !parts.isEmpty, widths.count == parts.count, widths.allSatisfy({ $0 >= 1 }) else {
        throw fail(key, "layer widths like '64' or '64,32'")
      }
      return widths
    default: throw fail(key, "layer widths like '64' or '64,32'")
    }
  }
}
