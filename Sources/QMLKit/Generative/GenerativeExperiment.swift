import Foundation
import QuantumSim

/// One seed of a generative comparison: draw training samples from the exact target, tune and
/// train the Born machine and every classical baseline on them the same way
/// (`GenerativeTuning`), then score each model's distribution against the exact target.
///
/// With `evaluationSamples` set, every model is scored on the empirical distribution of that
/// many of its own samples (the Born machine's are circuit shots, counted in its cost);
/// otherwise on its exact distribution (the backend's exact probabilities for the Born machine).
public struct GenerativeExperiment: Sendable {
  /// The target distribution.
  public var target: GenerativeTarget
  /// Training samples drawn from the target per seed.
  public var trainSamples: Int
  /// Samples per model for the metrics, nil for exact distributions.
  public var evaluationSamples: Int?
  /// The MMD kernel (training loss of the Born machine, and the `mmd` metric unless
  /// `scoringKernel` is set).
  public var kernel: MMDKernel
  /// The kernel of the `mmd` metric when it differs from the training kernel (so several Born
  /// machines with their own bandwidths are scored on one scale).
  public var scoringKernel: MMDKernel?
  /// The Born machine's depth grid (tuned by validation NLL when it has several values).
  public var depths: [Int]
  /// The Born machine's CNOT pairs.
  public var pairs: BornMachineAnsatz.Pairs
  /// The Born machine's training.
  public var trainer: BornMachineTrainer
  /// The classical baselines and their grids (nil: the default grid).
  public var baselines: [(GenerativeBaseline, [Double]?)]

  /// An experiment.
  public init(
    target: GenerativeTarget, trainSamples: Int, evaluationSamples: Int? = nil, kernel: MMDKernel,
    depths: [Int], pairs: BornMachineAnsatz.Pairs = .line, trainer: BornMachineTrainer,
    baselines: [(GenerativeBaseline, [Double]?)]
  ) {
    self.target = target
    self.trainSamples = trainSamples
    self.evaluationSamples = evaluationSamples
    self.kernel = kernel
    self.depths = depths
    self.pairs = pairs
    self.trainer = trainer
    self.baselines = baselines
  }

  /// One model's outcome on one seed.
  public struct ModelOutcome: Sendable, Codable {
    /// `born_machine` or the baseline's name.
    public let name: String
    /// The chosen hyperparameter (depth for the Born machine) and its name.
    public let hyperparameter: String
    /// Its value.
    public let value: Double
    /// The validation NLL of the chosen value (NaN when a one-value grid skipped validation).
    public let validationNLL: Double
    /// kl, mmd and tv against the exact target.
    public let metrics: [GenerativeMetric: Double]
    /// The distribution scored (empirical when `evaluationSamples` is set).
    public let scored: [Double]
    /// Circuit executions (zero for classical models).
    public let executions: Int
    /// Total shots.
    public let shots: Int
    /// The Born machine's MMD² after every training step of its final fit (empty for baselines).
    public let losses: [Double]
  }

  /// The exact target and the seed's training samples drawn from it.
  /// - Throws: `ModelError` for a bad target or sample count.
  public func trainingSamples(seed: UInt64) throws -> (target: DiscreteDistribution, samples: [Int]) {
    guard trainSamples >= 4 else {
      throw ModelError.invalidHyperparameter("train_samples must be at least 4, got \(trainSamples)")
    }
    if let e = evaluationSamples, e < 2 {
      throw ModelError.invalidHyperparameter("evaluation samples must be at least 2, got \(e)")
    }
    let exact = try target.distribution()
    return (exact, exact.sample(count: trainSamples, seed: seed ^ 0x6E4E_5A11))
  }

  /// One seed: the Born machine on `backend`, then every baseline.
  /// - Throws: `ModelError`, `SimulationError`, `Cancelled`.
  public func run(seed: UInt64, backend: QuantumBackend) throws -> (target: DiscreteDistribution, models: [ModelOutcome]) {
    let (exact, samples) = try trainingSamples(seed: seed)
    var out = [try bornMachine(samples: samples, target: exact, backend: backend, seed: seed)]
    for (i, (baseline, grid)) in baselines.enumerated() {
      out.append(try self.baseline(baseline, grid: grid, samples: samples, target: exact, seed: seed, stream: UInt64(i + 1)))
    }
    return (exact, out)
  }

  /// The Born machine tuned over `depths`, trained on `samples` on `backend`, and scored.
  /// - Throws: `ModelError`, `SimulationError`, `Cancelled`.
  public func bornMachine(samples: [Int], target exact: DiscreteDistribution, backend: QuantumBackend, seed: UInt64) throws
    -> ModelOutcome
  {
    let t = try trainBornMachine(samples: samples, bitCount: exact.bitCount, backend: backend, seed: seed)
    var rng = SeededGenerator(seed: seed ^ 0x5C0_4E)
    let s = try score(t.distribution, exact: exact, rng: &rng)
    let evaluation = evaluationSamples.map { (executions: 1, shots: $0) } ?? (executions: 0, shots: 0)
    return ModelOutcome(
      name: "born_machine", hyperparameter: "depth", value: Double(t.depth), validationNLL: t.validationNLL,
      metrics: s.metrics, scored: s.scored, executions: t.executions + evaluation.executions,
      shots: t.shots + evaluation.shots, losses: t.losses)
  }

  /// A classical baseline tuned on `samples` (always with a validation split, so every baseline
  /// has a validation NLL to be chosen by) and scored; `stream` separates its evaluation draws.
  /// - Throws: `ModelError`, `Cancelled`.
  public func baseline(
    _ baseline: GenerativeBaseline, grid: [Double]?, samples: [Int], target exact: DiscreteDistribution, seed: UInt64,
    stream: UInt64
  ) throws -> ModelOutcome {
    let n = exact.bitCount
    let t = try GenerativeTuning.tune(baseline, grid: grid, samples: samples, bitCount: n, seed: seed, validateSingle: true)
    var rng = SeededGenerator(seed: seed ^ (0x5C0_4E &+ stream &* 0x9E37_79B9))
    let s = try score(t.distribution, exact: exact, rng: &rng)
    return ModelOutcome(
      name: baseline.rawValue, hyperparameter: baseline.hyperparameter, value: t.value, validationNLL: t.chosenScore,
      metrics: s.metrics, scored: s.scored, executions: 0, shots: 0, losses: [])
  }

  /// The metrics of `model` against the exact target, from `evaluationSamples` draws when set.
  private func score(
    _ model: DiscreteDistribution, exact: DiscreteDistribution, rng: inout SeededGenerator
  ) throws -> (metrics: [GenerativeMetric: Double], scored: [Double]) {
    var scored = model
    if let m = evaluationSamples {
      scored = try .empirical(bitCount: model.bitCount, samples: model.sample(count: m, using: &rng))
    }
    var metrics: [GenerativeMetric: Double] = [:]
    for metric in GenerativeMetric.allCases {
      metrics[metric] = GenerativeMetrics.value(metric, target: exact, model: scored, kernel: scoringKernel ?? kernel)
    }
    return (metrics, scored.probabilities)
  }
}
