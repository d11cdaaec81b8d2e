import Foundation
import QuantumSim

/// A variational quantum regressor: encoding → ansatz → one readout s ∈ [−1, 1], mapped to the
/// target's units, trained by the optimizers and gradients of `VariationalClassifier`.
///
/// The targets are mapped into the readout's range on the training rows: z = (y − μ)/r with μ
/// their mean and r the largest |y − μ| (1 for constant targets), so every training target lies
/// in [−1, 1]; the loss is the mean squared error (s − z)² and a prediction is ŷ = μ + r·s (a
/// scaled expectation value). Training is full batch; each iteration records the loss and the
/// training R² (in `TrainingRecord.accuracy`), then takes one optimizer step. Training stops at
/// `iterations` or by the loss-tolerance rule of the classifier. Weights start seeded from
/// N(0, `initialScale`²).
public struct VariationalRegressor: Regressor {
  /// The feature map.
  public var encoding: any Encoding
  /// The trainable layout.
  public var ansatz: Ansatz
  /// What is measured.
  public var readout: Readout
  /// Re-upload the encoding before every layer.
  public var reuploading: Bool
  /// Optimizer.
  public var optimizer: OptimizerSettings
  /// Iterations (optimizer steps).
  public var iterations: Int
  /// Where the circuits run.
  public var backend: QuantumBackend
  /// Gradient method (nil: adjoint on the ideal backend, parameter shift otherwise).
  public var gradientMethod: GradientMethod?
  /// Convergence rule on the training loss (as `VariationalClassifier.lossTolerance`); 0: off.
  public var lossTolerance: Double = 0
  /// Iterations without a training-loss improvement before the convergence rule stops training.
  public var lossPatience: Int = 10
  /// True when the last fit stopped by the convergence rule.
  public private(set) var stoppedBeforeLimit = false
  /// Standard deviation of the initial weights.
  public var initialScale: Double
  /// Seed of initialisation, SPSA and shots.
  public var seed: UInt64
  /// Worker threads over samples (nil: all cores).
  public var threads: Int?
  /// Circuit executions and shots used (shared by copies).
  public let counter = ExecutionCounter()
  /// Called at the start of each training iteration with (iteration, iterations), for progress.
  public var onIteration: (@Sendable (_ iteration: Int, _ total: Int) -> Void)?
  /// Trained weights.
  public private(set) var weights: [Double] = []
  /// Loss and training R² per iteration of the last fit.
  public private(set) var trainingHistory: [TrainingRecord] = []
  /// The target map of the last fit: ŷ = offset + scale · s.
  public private(set) var offset = 0.0
  public private(set) var scale = 1.0
  /// The circuit of the last fit (nil before a fit).
  public private(set) var model: VariationalCircuit?

  /// A variational regressor (defaults as `VariationalClassifier`'s).
  public init(
    encoding: any Encoding = AngleEncoding(rotation: .ry), ansatz: Ansatz = Ansatz(), readout: Readout = .z(0),
    reuploading: Bool = false, optimizer: OptimizerSettings = .adam(learningRate: 0.05), iterations: Int = 50,
    backend: QuantumBackend = .ideal, gradientMethod: GradientMethod? = nil, initialScale: Double = 0.1, seed: UInt64 = 0,
    threads: Int? = nil
  ) {
    self.encoding = encoding
    self.ansatz = ansatz
    self.readout = readout
    self.reuploading = reuploading
    self.optimizer = optimizer
    self.iterations = iterations
    self.backend = backend
    self.gradientMethod = gradientMethod
    self.initialScale = initialScale
    self.seed = seed
    self.threads = threads
  }

  /// The map of training targets into [−1, 1]: (mean, largest deviation; 1 when constant).
  public static func targetMap(_ y: [Double]) -> (offset: Double, scale: Double) {
    let mu = y.reduce(0, +) / Double(max(1, y.count))
    let r = y.map { abs($0 - mu) }.max() ?? 0
    return (mu, r > 0 ? r : 1)
  }

  private var method: GradientMethod {
    if let gradientMethod { return gradientMethod }
    if case .ideal = backend { return .adjoint }
    return .parameterShift
  }

  private func evaluator(_ circuit: VariationalCircuit, threads: Int) -> VariationalEvaluator {
    VariationalEvaluator(model: circuit, outputs: 1, backend: backend, method: method, loss: .squared, threads: threads, counter: counter)
  }

  /// The training loss mean((s − z)²) over rows `x` with mapped targets `z` and its gradient in
  /// the weights, at `weights` (for checks against finite differences).
  public func lossAndGradient(features x: [[Double]], mappedTargets z: [Double], weights w: [Double]) throws -> (loss: Double, gradient: [Double]) {
    let d = try QuantumKernel.featureCount(x)
    let circuit = try VariationalCircuit(encoding: encoding, features: d, ansatz: ansatz, readout: readout, reuploading: reuploading)
    guard w.count == circuit.weightCount else {
      throw ModelError.invalidData("expected \(circuit.weightCount) weights, got \(w.count)")
    }
    let rows = try x.map { try circuit.encoded.bindings($0) }
    let r = try evaluator(circuit, threads: 1).lossAndGradient(rows, targets: z.map { [$0] }, weights: w, withGradient: true, seed: seed)
    return (r.loss, r.gradient)
  }

  /// Trains on rows and real targets.
  public mutating func fit(features: [[Double]], targets: [Double]) throws {
    try _validateRegression(features: features, targets: targets, model: "variational regressor")
    guard iterations >= 0 else { throw ModelError.invalidHyperparameter("iterations must not be negative") }
    try backend.validate()
    var ideal = false
    if case .ideal = backend { ideal = true }
    if method == .adjoint && !ideal {
      throw ModelError.invalidHyperparameter("adjoint gradients need the ideal backend; use parameter shift on \(backend.label)")
    }
    let d = try QuantumKernel.featureCount(features)
    let circuit = try VariationalCircuit(encoding: encoding, features: d, ansatz: ansatz, readout: readout, reuploading: reuploading)
    let eval = evaluator(circuit, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
    let map = Self.targetMap(targets)
    let z = targets.map { [($0 - map.offset) / map.scale] }
    let rows = try features.map { try circuit.encoded.bindings($0) }
    var rng = SeededGenerator(seed: seed)
    var w = (0..<circuit.weightCount).map { _ in initialScale * rng.nextGaussian() }
    var history: [TrainingRecord] = []
    var plateau = LossPlateau(tolerance: lossTolerance, patience: lossPatience)
    stoppedBeforeLimit = false
    var optimizerRun = OptimizerRun(optimizer, seed: seed)
    var evalSeed = seed &+ 1000
    func lossOnly(_ v: [Double]) throws -> Double {
      evalSeed &+= 1
      return try eval.lossAndGradient(rows, targets: z, weights: v, withGradient: false, seed: evalSeed).loss
    }
    for it in 0...iterations {
      try Cancellation.check()
      onIteration?(it, iterations)
      evalSeed &+= 1
      let last = it == iterations
      let r = try eval.lossAndGradient(rows, targets: z, weights: w, withGradient: optimizer.usesGradient && !last, seed: evalSeed)
      guard r.loss.isFinite else { throw ModelError.diverged("loss became \(r.loss) at iteration \(it)") }
      let fitted = r.outputs.map { map.offset + map.scale * $0[0] }
      history.append(TrainingRecord(iteration: it, loss: r.loss, accuracy: r2Score(targets: targets, predictions: fitted)))
      let plateaued = plateau.record(r.loss)
      if !last && plateaued {
        stoppedBeforeLimit = true
        break
      }
      if last { break }
      try optimizerRun.step(&w, gradient: r.gradient, loss: lossOnly)
      guard w.allSatisfy(\.isFinite) else { throw ModelError.diverged("weights became non-finite at iteration \(it)") }
    }
    weights = w
    trainingHistory = history
    offset = map.offset
    scale = map.scale
    model = circuit
  }

  /// ŷ = offset + scale · s per row (s sampled on a shot or noisy backend).
  public func predict(_ features: [[Double]]) throws -> [Double] {
    guard let model else { throw ModelError.notFitted }
    let rows = try features.map { try model.encoded.bindings($0) }
    let out = try evaluator(model, threads: 1).outputs(rows, weights: weights, seed: seed &+ 99)
    return out.map { offset + scale * $0[0] }
  }
}
