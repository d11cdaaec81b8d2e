import Foundation
import QuantumSim

/// A hybrid ("dressed") quantum classifier (Mari, Bromley, Izaac, Schuld and Killoran 2020,
/// "Transfer learning in hybrid classical-quantum neural networks", Quantum 4, 340): a classical
/// input layer maps the features to angles π/2 · tanh(·), a `HybridCircuit` turns them into ⟨Z_q⟩
/// of every qubit, and a classical output layer with a sigmoid (two classes) or softmax reads
/// them. All parameters are trained jointly on the mean cross-entropy by the same optimizers as
/// `VariationalClassifier`: the circuit's Jacobian (adjoint on the ideal backend, parameter shift
/// on the others) carries the gradient from the output layer through the circuit, angles
/// included, into the input layer by the chain rule; the classical layers' gradients are analytic.
///
/// With `identityCircuit` the circuit is replaced by the identity map z = a (the angles feed the
/// output layer directly): the classical ablation twin, which runs no circuit.
public struct HybridClassifier: TrainedQuantumClassifier {
  /// Circuit width (the input layer's output size).
  public var qubits: Int
  /// The input layer.
  public var pre: HybridLayers.Pre
  /// The circuit's trainable layout.
  public var ansatz: Ansatz
  /// Replace the circuit by the identity map (the classical control).
  public var identityCircuit: Bool
  /// Optimizer.
  public var optimizer: OptimizerSettings
  /// Iterations (optimizer steps).
  public var iterations: Int
  /// Where the circuits run.
  public var backend: QuantumBackend
  /// Gradient method (nil: adjoint on the ideal backend, parameter shift otherwise).
  public var gradientMethod: GradientMethod?
  /// Convergence rule on the training loss (as `VariationalClassifier.lossTolerance`; 0: off).
  public var lossTolerance: Double = 0
  /// Iterations without a training-loss improvement before the convergence rule stops training.
  public var lossPatience: Int = 10
  /// Standard deviation of the initial circuit weights.
  public var initialScale: Double
  /// Seed of initialisation, SPSA and shots.
  public var seed: UInt64
  public let counter = ExecutionCounter()
  public var onIteration: (@Sendable (_ iteration: Int, _ total: Int) -> Void)?
  /// Error mitigation: not applied to the hybrid's per-qubit readouts yet, so anything but
  /// `.none` makes `fit` throw (spec lint refuses it at the backend's `mitigation` key first).
  public var mitigation: ErrorMitigation = .none
  public private(set) var stoppedBeforeLimit = false
  public private(set) var trainingHistory: [TrainingRecord] = []
  /// Trained parameters (layout: `layers`).
  public private(set) var parameters: [Double] = []
  /// The parameter layout of the last fit.
  public private(set) var layers: HybridLayers?

  /// A hybrid classifier (defaults: linear input layer, 2 hardware-efficient layers with a linear cz chain).
  public init(
    qubits: Int, pre: HybridLayers.Pre = .linear, ansatz: Ansatz = Ansatz(layers: 2, pairs: .linear),
    identityCircuit: Bool = false, optimizer: OptimizerSettings = .adam(learningRate: 0.05), iterations: Int = 50,
    backend: QuantumBackend = .ideal, gradientMethod: GradientMethod? = nil, initialScale: Double = 0.1, seed: UInt64 = 0
  ) {
    self.qubits = qubits; self.pre = pre; self.ansatz = ansatz; self.identityCircuit = identityCircuit
    self.optimizer = optimizer; self.iterations = iterations; self.backend = backend
    self.gradientMethod = gradientMethod; self.initialScale = initialScale; self.seed = seed
  }

  private var isIdeal: Bool {
    if case .ideal = backend { return true }
    return false
  }
  private var method: GradientMethod { gradientMethod ?? (isIdeal ? .adjoint : .parameterShift) }

  /// The circuit (nil for the identity control).
  public func circuit() throws -> HybridCircuit? {
    identityCircuit ? nil : try HybridCircuit(qubits: qubits, ansatz: ansatz)
  }

  /// The parameter layout for `features` inputs and `classCount` classes.
  public func layout(features: Int, classCount k: Int) throws -> HybridLayers {
    let p = try circuit()?.weightCount ?? 0
    return HybridLayers(features: features, qubits: qubits, circuitWeights: p, outputs: k == 2 ? 1 : k, pre: pre)
  }

  /// Mean cross-entropy over rows, its gradient (with `withGradient`) and each row's class
  /// probabilities, at parameters `p`.
  public func loss(
    _ x: [[Double]], labels: [Int], parameters p: [Double], layers: HybridLayers, withGradient: Bool, seed: UInt64
  ) throws -> (loss: Double, gradient: [Double], probabilities: [[Double]]) {
    let circuit = try self.circuit()
    var scratch = try circuit?.scratch(backend: backend, method: method)
    var grad = [Double](repeating: 0, count: withGradient ? p.count : 0)
    var total = 0.0
    var probs: [[Double]] = []
    let scale = 1 / Double(max(1, x.count))
    let weights = Array(p[layers.circuitOffset..<(layers.circuitOffset + layers.circuitWeights)])
    for (i, row) in x.enumerated() {
      var rng = SeededGenerator(seed: seed &+ UInt64(i) &* 0x9E37_79B9_7F4A_7C15)
      let s = layers.forwardPre(row, p)
      var z = s.angles
      var jac: [[Double]] = []
      if let circuit {
        let r = try circuit.evaluate(
          s.angles + weights, jacobian: withGradient, method: method, backend: backend, scratch: &scratch!, rng: &rng,
          counter: counter)
        z = r.values
        jac = r.jacobian
      }
      probs.append(layers.probabilities(z, p))
      guard withGradient else {
        total += -log(max(probs[i][labels[i]], 1e-300))
        continue
      }
      let (l, dz) = layers.outputLoss(z, label: labels[i], p, grad: &grad, scale: scale)
      total += l
      var da = dz
      if circuit != nil {
        da = [Double](repeating: 0, count: qubits)
        for q in 0..<qubits {
          for a in 0..<qubits { da[a] += dz[q] * jac[q][a] }
          for w in 0..<layers.circuitWeights { grad[layers.circuitOffset + w] += scale * dz[q] * jac[q][qubits + w] }
        }
      }
      layers.backwardPre(row, s, da: da, p, grad: &grad, scale: scale)
    }
    return (total * scale, grad, probs)
  }

  public mutating func fit(features: [[Double]], labels: [Int], classCount k: Int) throws {
    guard mitigation.isNone else {
      throw ModelError.invalidHyperparameter("error mitigation is not applied to hybrid models")
    }
    guard !features.isEmpty, features.count == labels.count else {
      throw ModelError.invalidData("need one label per row and at least one row (\(features.count) rows, \(labels.count) labels)")
    }
    guard k >= 2, labels.allSatisfy({ $0 >= 0 && $0 < k }) else {
      throw ModelError.invalidData("labels must lie in 0..<\(k) with at least two classes")
    }
    guard iterations >= 0 else { throw ModelError.invalidHyperparameter("iterations must not be negative") }
    try backend.validate()
    if method == .adjoint && !isIdeal {
      throw ModelError.invalidHyperparameter("adjoint gradients need the ideal backend; use parameter shift on \(backend.label)")
    }
    let d = try QuantumKernel.featureCount(features)
    let layers = try layout(features: d, classCount: k)
    var rng = SeededGenerator(seed: seed)
    var p = layers.initial(rng: &rng, circuitScale: initialScale)
    var history: [TrainingRecord] = []
    var plateau = LossPlateau(tolerance: lossTolerance, patience: lossPatience)
    stoppedBeforeLimit = false
    var optimizerRun = OptimizerRun(optimizer, seed: seed)
    var evalSeed = seed &+ 1000
    func lossOnly(_ v: [Double]) throws -> Double {
      evalSeed &+= 1
      return try loss(features, labels: labels, parameters: v, layers: layers, withGradient: false, seed: evalSeed).loss
    }
    for it in 0...iterations {
      try Cancellation.check()
      onIteration?(it, iterations)
      evalSeed &+= 1
      let last = it == iterations
      let r = try loss(
        features, labels: labels, parameters: p, layers: layers, withGradient: optimizer.usesGradient && !last, seed: evalSeed)
      guard r.loss.isFinite else { throw ModelError.diverged("loss became \(r.loss) at iteration \(it)") }
      history.append(TrainingRecord(iteration: it, loss: r.loss, accuracy: Self.accuracy(r.probabilities, labels)))
      let plateaued = plateau.record(r.loss)
      if !last && plateaued {
        stoppedBeforeLimit = true
        break
      }
      if last { break }
      try optimizerRun.step(&p, gradient: r.gradient, loss: lossOnly)
      guard p.allSatisfy({ $0.isFinite }) else { throw ModelError.diverged("parameters became non-finite at iteration \(it)") }
    }
    parameters = p
    self.layers = layers
    trainingHistory = history
  }

  public func scores(_ features: [[Double]]) throws -> [[Double]] {
    guard let layers else { throw ModelError.notFitted }
    let labels = [Int](repeating: 0, count: features.count)
    return try loss(features, labels: labels, parameters: parameters, layers: layers, withGradient: false, seed: seed &+ 99)
      .probabilities
  }

  /// Class probabilities at given parameters (for tests and references).
  public func probabilities(_ features: [[Double]], parameters p: [Double], layers: HybridLayers) throws -> [[Double]] {
    try loss(features, labels: [Int](repeating: 0, count: features.count), parameters: p, layers: layers, withGradient: false, seed: seed)
      .probabilities
  }

  /// Fraction of rows whose most probable class is the label.
  static func accuracy(_ probabilities: [[Double]], _ labels: [Int]) -> Double {
    var hits = 0
    for (pr, y) in zip(probabilities, labels) {
      var best = 0
      for j in pr.indices where pr[j] > pr[best] { best = j }
      if best == y { hits += 1 }
    }
    return Double(hits) / Double(max(1, labels.count))
  }

  /// A short description for reports.
  public var describe: String {
    let input: String
    switch pre {
    case .linear: input = "linear"
    case .mlp(let h, let a): input = "MLP (\(h) \(a.rawValue) units)"
    }
    let middle = identityCircuit ? "identity map in place of the circuit" : "\(qubits)-qubit circuit (H, ry(angle), \(ansatz.describe)), <Z> per qubit"
    return "hybrid: \(input) layer → π/2·tanh angles → \(middle) → linear softmax layer"
  }
}
