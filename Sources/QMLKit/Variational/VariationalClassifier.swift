import Foundation
import QuantumSim

/// A variational quantum classifier: encoding → ansatz → readout, trained by an optimizer,
/// usable wherever a `Classifier` baseline is.
///
/// Binary: one circuit; output s ∈ [−1, 1] is the score of class 1 (target +1 for class 1,
/// −1 for class 0), predicted class 1 when s > 0. Multiclass (k > 2): one-vs-rest, k circuits
/// of the same layout with their own weights, trained jointly (summed loss), predicted by the
/// largest output. Weights start seeded from N(0, `initialScale`²).
///
/// Training is full batch. Each iteration records the loss and accuracy at the current weights
/// (`trainingHistory`), then takes one optimizer step. With `validationFraction > 0` a seeded
/// validation split is held out; training stops after `patience` iterations without a lower
/// validation loss and the best weights are kept.
public struct VariationalClassifier: TrainedQuantumClassifier {
  /// The feature map.
  public var encoding: any Encoding
  /// The trainable layout.
  public var ansatz: Ansatz
  /// What is measured.
  public var readout: Readout
  /// Re-upload the encoding before every layer.
  public var reuploading: Bool
  /// A data re-uploading circuit with trainable uploads (`ReuploadingClassifier`); when set it
  /// replaces encoding and ansatz, and its data weights start near 1.
  public var uploads: ReuploadingLayout?
  /// Training loss.
  public var loss: LossFunction
  /// Optimizer.
  public var optimizer: OptimizerSettings
  /// Iterations (optimizer steps).
  public var iterations: Int
  /// Where the circuits run.
  public var backend: QuantumBackend
  /// Gradient method (nil: adjoint on the ideal backend, parameter shift otherwise).
  public var gradientMethod: GradientMethod?
  /// Fraction of the training rows held out for early stopping (0: off).
  public var validationFraction: Double
  /// Iterations without validation improvement before stopping.
  public var patience: Int
  /// Convergence rule on the training loss: stop once it has not fallen by more than this
  /// (relative to max(1, |best loss|)) for `lossPatience` iterations; 0 turns the rule off.
  public var lossTolerance: Double = 0
  /// Iterations without a training-loss improvement before the convergence rule stops training.
  public var lossPatience: Int = 10
  /// True when the last fit stopped by the convergence rule (or early stopping), false when it
  /// ran to the iteration limit.
  public private(set) var stoppedBeforeLimit = false
  /// Standard deviation of the initial weights.
  public var initialScale: Double
  /// Seed of initialisation, validation split, SPSA and shots.
  public var seed: UInt64
  /// Worker threads over samples (nil: all cores).
  public var threads: Int?
  /// Circuit executions and shots used (shared by copies).
  public let counter = ExecutionCounter()
  /// Error mitigation on a noisy backend: `readout` inverts the readout qubits' assignment errors
  /// on every measured value (ZNE is not applied to variational models).
  public var mitigation: ErrorMitigation = .none
  /// Called at the start of each training iteration with (iteration, iterations), for progress.
  public var onIteration: (@Sendable (_ iteration: Int, _ total: Int) -> Void)?

  /// Trained weights, one vector per output circuit.
  public private(set) var weights: [[Double]] = []
  /// Loss and accuracy per iteration of the last fit.
  public private(set) var trainingHistory: [TrainingRecord] = []
  /// The circuit of the last fit.
  public private(set) var model: VariationalCircuit?
  private var classCount = 0

  /// A variational classifier (defaults follow the qlift benchmark: ry angle encoding, 3
  /// hardware-efficient layers with a cz ring, ⟨Z0⟩, squared loss, Adam 0.05, 50 iterations).
  public init(
    encoding: any Encoding = AngleEncoding(rotation: .ry), ansatz: Ansatz = Ansatz(), readout: Readout = .z(0),
    reuploading: Bool = false, loss: LossFunction = .squared, optimizer: OptimizerSettings = .adam(learningRate: 0.05),
    iterations: Int = 50, backend: QuantumBackend = .ideal, gradientMethod: GradientMethod? = nil,
    validationFraction: Double = 0, patience: Int = 10, initialScale: Double = 0.1, seed: UInt64 = 0,
    threads: Int? = nil
  ) {
    self.encoding = encoding
    self.ansatz = ansatz
    self.readout = readout
    self.reuploading = reuploading
    self.loss = loss
    self.optimizer = optimizer
    self.iterations = iterations
    self.backend = backend
    self.gradientMethod = gradientMethod
    self.validationFraction = validationFraction
    self.patience = patience
    self.initialScale = initialScale
    self.seed = seed
    self.threads = threads
  }

  /// Cost of the whole circuit for `features` inputs (per output circuit).
  public func circuitCost(features: Int) throws -> CircuitStatistics {
    try circuit(features: features).statistics
  }

  /// The circuit this classifier trains for `features` inputs.
  public func circuit(features: Int) throws -> VariationalCircuit {
    if let uploads { return try uploads.circuit(features: features, readout: readout) }
    return try VariationalCircuit(encoding: encoding, features: features, ansatz: ansatz, readout: readout, reuploading: reuploading)
  }

  /// Cost of loading one input (the data-loading share of `circuitCost`; counted once even
  /// with re-uploading, where the circuit repeats it per layer).
  public func encodingCost(features: Int) throws -> CircuitStatistics {
    if let uploads { return try uploads.uploadShare(features: features).statistics }
    return try encoding.cost(features: features)
  }

  public mutating func fit(features: [[Double]], labels: [Int], classCount k: Int) throws {
    guard !features.isEmpty, features.count == labels.count else {
      throw ModelError.invalidData("need one label per row and at least one row (\(features.count) rows, \(labels.count) labels)")
    }
    guard k >= 2, labels.allSatisfy({ $0 >= 0 && $0 < k }) else {
      throw ModelError.invalidData("labels must lie in 0..<\(k) with at least two classes")
    }
    guard iterations >= 0 else { throw ModelError.invalidHyperparameter("iterations must not be negative") }
    guard validationFraction >= 0, validationFraction < 1 else {
      throw ModelError.invalidHyperparameter("validation fraction must be in [0, 1), got \(validationFraction)")
    }
    try backend.validate()
    let method = gradientMethod ?? (isIdeal ? .adjoint : .parameterShift)
    if method == .adjoint && !isIdeal {
      throw ModelError.invalidHyperparameter("adjoint gradients need the ideal backend; use parameter shift on \(backend.label)")
    }
    let d = try QuantumKernel.featureCount(features)
    let circuit = try self.circuit(features: d)
    let outputs = k == 2 ? 1 : k
    var evaluator = VariationalEvaluator(
      model: circuit, outputs: outputs, backend: backend, method: method, loss: loss,
      threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, counter: counter)
    evaluator.readoutGain = try readoutGain(circuit)

    // Validation split (seeded shuffle).
    var order = Array(0..<features.count)
    var rng = SeededGenerator(seed: seed)
    order.shuffle(using: &rng)
    let nVal = validationFraction > 0 ? max(1, Int((validationFraction * Double(features.count)).rounded())) : 0
    guard features.count - nVal >= 1 else { throw ModelError.invalidData("no training rows left after the validation split") }
    let valIdx = Array(order.prefix(nVal)), trainIdx = nVal > 0 ? Array(order.dropFirst(nVal)) : Array(0..<features.count)
    let encodedRows = try features.map { try circuit.encoded.bindings($0) }
    func targets(_ y: Int) -> [Double] {
      outputs == 1 ? [y == 1 ? 1 : -1] : (0..<k).map { $0 == y ? 1 : -1 }
    }
    let trainX = trainIdx.map { encodedRows[$0] }, trainT = trainIdx.map { targets(labels[$0]) }
    let trainY = trainIdx.map { labels[$0] }
    let valX = valIdx.map { encodedRows[$0] }, valT = valIdx.map { targets(labels[$0]) }, valY = valIdx.map { labels[$0] }

    let pw = circuit.weightCount
    var w = (0..<(outputs * pw)).map { i in
      (uploads?.initialMean(i % pw, features: d) ?? 0) + initialScale * rng.nextGaussian()
    }
    var history: [TrainingRecord] = []
    var best = (loss: Double.infinity, weights: w)
    var sinceBest = 0
    var plateau = LossPlateau(tolerance: lossTolerance, patience: lossPatience)
    stoppedBeforeLimit = false
    var optimizerRun = OptimizerRun(optimizer, seed: seed)
    var evalSeed = seed &+ 1000
    func lossOnly(_ v: [Double]) throws -> Double {
      evalSeed &+= 1
      return try evaluator.lossAndGradient(trainX, targets: trainT, weights: v, withGradient: false, seed: evalSeed).loss
    }
    for it in 0...iterations {
      try Cancellation.check()
      onIteration?(it, iterations)
      evalSeed &+= 1
      let last = it == iterations
      let r = try evaluator.lossAndGradient(
        trainX, targets: trainT, weights: w, withGradient: optimizer.usesGradient && !last, seed: evalSeed)
      guard r.loss.isFinite else { throw ModelError.diverged("loss became \(r.loss) at iteration \(it)") }
      var record = TrainingRecord(iteration: it, loss: r.loss, accuracy: Self.accuracy(r.outputs, trainY))
      if nVal > 0 {
        let v = try evaluator.lossAndGradient(valX, targets: valT, weights: w, withGradient: false, seed: evalSeed &+ 7)
        record.validationLoss = v.loss
        record.validationAccuracy = Self.accuracy(v.outputs, valY)
        if v.loss < best.loss {
          best = (v.loss, w)
          sinceBest = 0
        } else {
          sinceBest += 1
        }
      }
      history.append(record)
      let plateaued = plateau.record(r.loss)
      if !last && ((nVal > 0 && sinceBest >= patience) || plateaued) {
        stoppedBeforeLimit = true
        break
      }
      if last { break }
      try optimizerRun.step(&w, gradient: r.gradient, loss: lossOnly)
      guard w.allSatisfy(\.isFinite) else { throw ModelError.diverged("weights became non-finite at iteration \(it)") }
    }
    if nVal > 0 { w = best.weights }
    weights = (0..<outputs).map { evaluator.slice(w, $0) }
    trainingHistory = history
    model = circuit
    classCount = k
  }

  public func scores(_ features: [[Double]]) throws -> [[Double]] {
    guard let model else { throw ModelError.notFitted }
    let method = gradientMethod ?? (isIdeal ? .adjoint : .parameterShift)
    var evaluator = VariationalEvaluator(
      model: model, outputs: weights.count, backend: backend, method: method, loss: loss,
      threads: 1, counter: counter)
    evaluator.readoutGain = try readoutGain(model)
    let rows = try features.map { try model.encoded.bindings($0) }
    let out = try evaluator.outputs(rows, weights: weights.flatMap { $0 }, seed: seed &+ 99)
    return classCount == 2 ? out.map { [(1 - $0[0]) / 2, (1 + $0[0]) / 2] } : out
  }

  /// The factor readout mitigation divides measured values by: Π_q (1 − p(1|0) − p(0|1)) over
  /// the readout qubits, from a calibration with the backend's shots (|0…0⟩ and |1…1⟩, seeded by
  /// `seed`, so fitting and scoring share it) or the exact figures; nil without readout mitigation
  /// or noise. Exact for symmetric assignment errors (every profile and `noise:` block). On a
  /// device backend the figures are those of the physical qubits the readout ends on.
  /// - Throws: `ModelError.invalidHyperparameter` when an assignment matrix is (nearly) singular.
  func readoutGain(_ model: VariationalCircuit) throws -> Double? {
    guard mitigation.readout, let noise = try backend.noise(qubits: model.circuit.qubitCount) else { return nil }
    var rng = SeededGenerator(seed: seed ^ 0xCA1B_0A7E)
    var gain = 1.0
    // On a device, the readout qubits are measured where routing left them.
    let measured = try backend.compiler.map { try CompiledReadout(model: model, compiler: $0, noise: noise).readoutQubits() }
    for q in measured ?? model.readout.qubits {
      let e = noise.readoutError(on: q)
      var a = e?.p1Given0 ?? 0, b = e?.p0Given1 ?? 0
      if let shots = backend.shotsPerCircuit {
        a = Double(sampleBinomial(trials: shots, probability: a, using: &rng)) / Double(shots)
        b = Double(sampleBinomial(trials: shots, probability: b, using: &rng)) / Double(shots)
      }
      gain *= 1 - a - b
    }
    guard gain > 1e-9 else {
      throw ModelError.invalidHyperparameter("readout mitigation: an assignment matrix is singular (p(1|0) + p(0|1) = 1)")
    }
    return gain
  }

  private var isIdeal: Bool {
    if case .ideal = backend { return true }
    return false
  }

  /// Fraction of rows whose largest output (binary: sign) matches the label.
  static func accuracy(_ outputs: [[Double]], _ labels: [Int]) -> Double {
    guard !labels.isEmpty else { return .nan }
    var hits = 0
    for (o, y) in zip(outputs, labels) {
      let pred: Int
      if o.count == 1 {
        pred = o[0] > 0 ? 1 : 0
      } else {
        var b = 0
        for j in o.indices where o[j] > o[b] { b = j }
        pred = b
      }
      if pred == y { hits += 1 }
    }
    return Double(hits) / Double(labels.count)
  }
}
