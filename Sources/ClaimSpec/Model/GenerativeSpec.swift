/// The models and data of a generative claim (`task: generative`): an exact target
/// distribution over bitstrings, training samples drawn from it, quantum circuit Born machines
/// (`quantum[].kind: born_machine`) and classical generative baselines (docs/SPEC.md, "task").
public struct GenerativeSpec: Sendable, Equatable {
  /// The target (`dataset.target`).
  public var target: GenerativeTargetSpec
  /// Training samples drawn from the target per seed (`dataset.train_samples`).
  public var trainSamples: Int
  /// Samples of every model the metrics are estimated from (`dataset.evaluation_samples`); nil
  /// scores exact distributions. A Born machine's samples are shots, counted in its cost.
  public var evaluationSamples: Int?
  /// The Born machines, in spec order.
  public var bornMachines: [BornMachineSpec]
  /// The classical generative baselines, in spec order.
  public var baselines: [GenerativeBaselineSpec]

  /// Creates a generative spec.
  public init(
    target: GenerativeTargetSpec, trainSamples: Int, evaluationSamples: Int? = nil, bornMachines: [BornMachineSpec],
    baselines: [GenerativeBaselineSpec]
  ) {
    self.target = target; self.trainSamples = trainSamples; self.evaluationSamples = evaluationSamples
    self.bornMachines = bornMachines; self.baselines = baselines
  }

  /// The `dataset` a generative claim carries: a generator source named after the target
  /// (nothing reads data files), sized by the training samples.
  public var dataset: DatasetSpec {
    DatasetSpec(source: .generator(GeneratorSource(name: target.label, params: target.parameters, samples: trainSamples)))
  }
}

/// A target distribution of a generative claim (`dataset.target`, key `kind`).
public enum GenerativeTargetSpec: Sendable, Equatable {
  /// Bars and stripes on a rows × cols grid (keys `rows`, `cols`).
  case barsAndStripes(rows: Int, cols: Int)
  /// Uniform over the n-bit strings of Hamming weight k (keys `n`, `k`).
  case cardinality(n: Int, k: Int)
  /// The Boltzmann distribution of an open Ising chain (keys `n`, `J`, `h`, `temperature`).
  case ising(n: Int, coupling: Double, field: Double, temperature: Double)

  /// The kinds as written in specs.
  public static let kinds = ["bars_and_stripes", "cardinality", "ising"]

  /// The number of bits.
  public var bitCount: Int {
    switch self {
    case .barsAndStripes(let r, let c): return r * c
    case .cardinality(let n, _), .ising(let n, _, _, _): return n
    }
  }

  /// The kind as written in specs.
  public var kind: String {
    switch self {
    case .barsAndStripes: return "bars_and_stripes"
    case .cardinality: return "cardinality"
    case .ising: return "ising"
    }
  }

  /// The numeric parameters by spec key.
  public var parameters: [String: Double] {
    switch self {
    case .barsAndStripes(let r, let c): return ["rows": Double(r), "cols": Double(c)]
    case .cardinality(let n, let k): return ["n": Double(n), "k": Double(k)]
    case .ising(let n, let j, let h, let t): return ["n": Double(n), "J": j, "h": h, "temperature": t]
    }
  }

  /// A short description, e.g. "bars_and_stripes(rows=2, cols=3)".
  public var label: String {
    let p = parameters
    let keys: [String]
    switch self {
    case .barsAndStripes: keys = ["rows", "cols"]
    case .cardinality: keys = ["n", "k"]
    case .ising: keys = ["n", "J", "h", "temperature"]
    }
    let args = keys.map { k -> String in
      let v = p[k] ?? 0
      return "\(k)=\(v == v.rounded() && abs(v) < 1e9 ? String(Int(v)) : String(v))"
    }
    return "\(kind)(\(args.joined(separator: ", ")))"
  }
}

/// A quantum circuit Born machine (`quantum[].kind: born_machine`).
public struct BornMachineSpec: Sendable, Equatable {
  /// Model id.
  public var id: String
  /// Entangler-layer depths; several are tuned by validation likelihood (`depth`).
  public var depths: [Int]
  /// CNOT pairs: `line` or `ring` (`pairs`, default line).
  public var pairs: String
  /// MMD kernel bandwidths σ (`bandwidths`, default Liu & Wang's [0.5, 1, 2, 4]).
  public var bandwidths: [Double]
  /// Adam steps (`training.iterations`, default 100).
  public var iterations: Int
  /// Adam learning rate (`training.learning_rate`, default 0.1).
  public var learningRate: Double

  /// Creates a Born machine spec.
  public init(
    id: String, depths: [Int], pairs: String = "line", bandwidths: [Double] = [0.5, 1, 2, 4], iterations: Int = 100,
    learningRate: Double = 0.1
  ) {
    self.id = id; self.depths = depths; self.pairs = pairs; self.bandwidths = bandwidths
    self.iterations = iterations; self.learningRate = learningRate
  }
}

/// The classical generative baselines (`baselines[].model` of a generative claim).
public enum GenerativeBaselineName: String, Sendable, Equatable, CaseIterable {
  /// Independent bits with add-α smoothing (grid key `smoothing`).
  case bernoulli
  /// A Bernoulli mixture fitted by EM (grid key `components`).
  case bernoulliMixture = "bernoulli_mixture"
  /// A restricted Boltzmann machine with the exact log-likelihood gradient (grid key `hidden`).
  case rbm
  /// A logistic autoregressive model (grid key `penalty`).
  case autoregressive

  /// The one grid key.
  public var gridKey: String {
    switch self {
    case .bernoulli: return "smoothing"
    case .bernoulliMixture: return "components"
    case .rbm: return "hidden"
    case .autoregressive: return "penalty"
    }
  }
}

/// One generative baseline: its model and an optional grid of its one hyperparameter.
public struct GenerativeBaselineSpec: Sendable, Equatable {
  /// Baseline id (default: the model name).
  public var id: String
  /// The model.
  public var model: GenerativeBaselineName
  /// The grid of `model.gridKey`; nil uses the default grid (docs/SPEC.md).
  public var grid: [Double]?

  /// Creates a baseline spec.
  public init(id: String, model: GenerativeBaselineName, grid: [Double]? = nil) {
    self.id = id; self.model = model; self.grid = grid
  }
}
