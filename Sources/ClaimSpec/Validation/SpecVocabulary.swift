/// The names users write in specs: dataset generators and their parameters, baseline models and
/// their grid parameters. Part of the spec contract (docs/SPEC.md); renaming one breaks specs.
public enum SpecVocabulary {
  /// One numeric parameter of a generator or grid.
  public struct Parameter: Sendable, Equatable {
    /// Key as written.
    public var name: String
    /// Value used when the spec omits the key (nil = required).
    public var defaultValue: Double?
    /// Smallest allowed value.
    public var minimum: Double
    /// Largest allowed value.
    public var maximum: Double
    /// True when the value must be a whole number.
    public var integer: Bool
    /// True when the lower bound itself is excluded.
    public var exclusiveMinimum: Bool
    /// True when the upper bound itself is excluded.
    public var exclusiveMaximum: Bool
    /// Another parameter of the same generator this value must stay below (e.g. `margin` < `features`).
    public var below: String?
    /// Named settings allowed besides numbers (grids only, e.g. `scale`).
    public var names: [String]
    /// What the parameter means.
    public var summary: String

    /// Creates a parameter description.
    public init(
      _ name: String, default defaultValue: Double?, _ minimum: Double, _ maximum: Double,
      integer: Bool = false, exclusiveMinimum: Bool = false, exclusiveMaximum: Bool = false, below: String? = nil,
      names: [String] = [], _ summary: String
    ) {
      self.name = name; self.defaultValue = defaultValue; self.minimum = minimum; self.maximum = maximum
      self.integer = integer; self.exclusiveMinimum = exclusiveMinimum; self.exclusiveMaximum = exclusiveMaximum
      self.below = below; self.names = names
      self.summary = summary
    }

    /// Nil when `x` is allowed, else a phrase saying what is allowed.
    public func rangeProblem(_ x: Double) -> String? {
      if !x.isFinite { return "expected a finite number" }
      if integer && x != x.rounded() { return "expected a whole number" }
      let lowOK = exclusiveMinimum ? x > minimum : x >= minimum
      let highOK = exclusiveMaximum ? x < maximum : x <= maximum
      if !lowOK || !highOK {
        let lo = exclusiveMinimum ? "> \(Self.show(minimum))" : ">= \(Self.show(minimum))"
        let hi = exclusiveMaximum ? "< \(Self.show(maximum))" : "<= \(Self.show(maximum))"
        return "expected a value \(lo) and \(hi)"
      }
      return nil
    }

    static func show(_ x: Double) -> String {
      x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
  }

  /// Dataset generators (`dataset.generator`) and their parameters (`dataset.params`). Every
  /// value lint accepts, the generator accepts too (Sources/QMLKit/Data/Generators/ check the same
  /// bounds); ClaimRunnerTests' GeneratorRangeTests runs each generator at the edges.
  public static let generators: [String: [Parameter]] = [
    "adhoc": [
      Parameter("features", default: 2, 1, 3, integer: true, "input dimension = qubits (Havlíček et al. 2019)"),
      Parameter("gap", default: 0.3, 0, 1, exclusiveMaximum: true, "label margin Δ on the expectation value"),
    ],
    "moons": [Parameter("noise", default: 0.1, 0, 10, "Gaussian noise standard deviation")],
    "circle": [
      Parameter("radius", default: (2 / Double.pi).squareRoot(), 0, 1.4, exclusiveMinimum: true,
        "radius of the class-1 disk in [-1, 1]² (Pérez-Salinas et al. 2020: √(2/π), equal areas)"),
    ],
    "circles": [
      Parameter("noise", default: 0.05, 0, 10, "Gaussian noise standard deviation"),
      Parameter("factor", default: 0.5, 0, 1, exclusiveMinimum: true, exclusiveMaximum: true, "inner/outer radius ratio"),
    ],
    "xor": [
      Parameter("features", default: 2, 2, 30, integer: true, "input dimension"),
      Parameter("noise", default: 0.1, 0, 10, "Gaussian noise standard deviation"),
    ],
    "linearly_separable": [
      Parameter("features", default: 2, 1, 30, integer: true, "input dimension d"),
      Parameter("margin", default: 0.04, 0, 30, exclusiveMaximum: true, below: "features", "margin on w·x with w = all ones (paper: 0.02·d)"),
    ],
    "hidden_manifold": [
      Parameter("features", default: 10, 1, 30, integer: true, "input dimension d"),
      Parameter("manifold_dimension", default: 6, 1, 100, integer: true, "latent dimension m"),
    ],
    "two_curves": [
      Parameter("features", default: 10, 1, 30, integer: true, "input dimension d"),
      Parameter("degree", default: 5, 1, 100, integer: true, "Fourier degree D of the curves"),
      Parameter("offset", default: 0.1, 0, 100, "shift of the second curve"),
      Parameter("noise", default: 0.01, 0, 10, "Gaussian noise standard deviation"),
    ],
    "bars_and_stripes": [
      Parameter("size", default: 4, 2, 5, integer: true, "image height = width (features = size²)"),
      Parameter("noise", default: 0.5, 0, 10, "Gaussian pixel noise standard deviation"),
    ],
    "hyperplane_parity": [
      Parameter("features", default: 10, 1, 30, integer: true, "input dimension d"),
      Parameter("hyperplanes", default: 2, 1, 100, integer: true, "number of hyperplanes k"),
    ],
  ]

  /// Generator names, sorted.
  public static var generatorNames: [String] { generators.keys.sorted() }

  /// Input features a generator produces with these parameters.
  public static func featureCount(generator: String, params: [String: Double]) -> Int? {
    switch generator {
    case "moons", "circles", "circle": return 2
    case "bars_and_stripes": return params["size"].map { Int($0) * Int($0) }
    default: return params["features"].map { Int($0) }
    }
  }

  /// Baseline grid parameters per model (`baselines[].grid`).
  public static let baselineGrids: [BaselineModel: [Parameter]] = {
    // Each model accepts exactly the parameters its classifier reads (QMLKit's BaselineFactory):
    // `degree`/`coef0` only on svm_poly, `gamma` not on svm_linear.
    let c = Parameter("C", default: 1, 0, 1e6, exclusiveMinimum: true, "regularization strength")
    let gamma = Parameter("gamma", default: nil, 0, 1e6, exclusiveMinimum: true, names: ["scale", "auto"], "kernel width")
    return [
      .svmRBF: [c, gamma],
      .svmPoly: [c, gamma, Parameter("degree", default: 3, 1, 10, integer: true, "polynomial degree"),
                 Parameter("coef0", default: 0, -1e6, 1e6, "polynomial offset")],
      .svmLinear: [c],
      .logisticRegression: [Parameter("C", default: 1, 0, 1e6, exclusiveMinimum: true, "inverse L2 strength")],
      .knn: [Parameter("k", default: 5, 1, 1000, integer: true, "neighbours")],
      .mlp: [
        Parameter("hidden", default: 32, 1, 4096, integer: true, "units in the hidden layer"),
        Parameter("alpha", default: 1e-4, 0, 1e3, "L2 penalty"),
        Parameter("learning_rate", default: 1e-3, 0, 10, exclusiveMinimum: true, "initial learning rate"),
      ],
      .randomForest: [
        Parameter("trees", default: 100, 1, 10_000, integer: true, "number of trees"),
        Parameter("max_depth", default: nil, 1, 1000, integer: true, names: ["none"], "tree depth limit"),
      ],
      .rffQuantum: [
        Parameter("features", default: 100, 1, 100_000, integer: true, "random Fourier features D drawn from the spectrum"),
        Parameter("C", default: 1, 0, 1e6, exclusiveMinimum: true, "inverse L2 strength"),
      ],
      .nystroemRBF: [
        Parameter("C", default: 1, 0, 1e6, exclusiveMinimum: true, "inverse L2 strength"), gamma,
        Parameter("landmarks", default: 100, 1, 100_000, integer: true, "Nyström landmarks m"),
      ],
      .ridge: [Parameter("alpha", default: 1, 0, 1e6, "L2 penalty (0: least squares)")],
      .kernelRidge: [Parameter("alpha", default: 1, 0, 1e6, exclusiveMinimum: true, "L2 penalty"), gamma],
      .svr: [c, gamma, Parameter("epsilon", default: 0.1, 0, 1e6, "half-width of the insensitive tube (standardized target units)")],
    ]
  }()

  /// Largest qubit count a claim may imply (the simulator's practical limit).
  public static let maxQubits = 30
  /// Largest shots per circuit (docs/SPEC.md): a million estimates a probability to about 1e-3,
  /// beyond any device's per-circuit limit; a billion would sample for minutes per kernel entry.
  public static let maxShots = 1_000_000
  /// Largest `encoding.reps` (docs/SPEC.md), checked before any circuit is built.
  public static let maxReps = 100
  /// Largest sample count of a generator.
  public static let maxSamples = 1_000_000
  /// The safe id pattern for claim, model, backend and device ids: `[a-z0-9][a-z0-9_-]*`.
  public static func isSafeID(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first, s.count <= 100 else { return false }
    func ok(_ c: Unicode.Scalar, first: Bool) -> Bool {
      ("a"..."z").contains(c) || ("0"..."9").contains(c) || (!first && (c == "_" || c == "-"))
    }
    return ok(first, first: true) && s.unicodeScalars.dropFirst().allSatisfy { ok($0, first: false) }
  }
}
