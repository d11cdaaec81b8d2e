import ClaimSpec
import Foundation
import QMLKit
import QuantumSim

/// Trains and tests a variational classifier on one split and backend.
enum VariationalStage {
  /// The outcome of one variational model on one seed and backend.
  struct Outcome: Sendable {
    var test: Double
    var executions: Int
    var shots: Int
    var loss: [Double]
    var accuracy: [Double]
    var warnings: [String]
    /// The chosen learning rate when several were tuned.
    var chosenLearningRate: Double?
    /// The chosen layer count when several were tuned.
    var chosenLayers: Int?
    /// Configurations compared by cross-validation (1 when nothing was tuned).
    var configurations = 1
    /// Folds of that cross-validation (0 when nothing was tuned).
    var folds = 0
    /// False when training hit the iteration limit with the loss still falling.
    var converged = true
  }

  /// The QMLKit ansatz of a spec (defaults: hardware-efficient, 2 layers, linear cz); `layers`
  /// overrides the spec's (its largest, when it lists several).
  static func ansatz(_ spec: QuantumModelSpec, layers: Int? = nil) -> Ansatz {
    var a = spec.ansatz ?? AnsatzSpec(type: .hardwareEfficient)
    if let layers { a.layers = layers }
    let layout: Ansatz.Layout
    switch a.type {
    case .hardwareEfficient, .reuploading: layout = .hardwareEfficient
    case .realAmplitudes: layout = .realAmplitudes
    case .efficientSU2: layout = .efficientSU2
    }
    let pairs: Ansatz.Pairs
    switch a.entanglement {
    case .linear: pairs = .linear
    case .circular: pairs = .ring
    case .full: pairs = .full
    }
    return Ansatz(layout: layout, layers: a.layers, pairs: pairs, entangler: a.entangler == .cz ? .cz : .cx)
  }

  /// The readout of a spec for `qubits` qubits.
  static func readout(_ spec: QuantumModelSpec, qubits: Int) -> Readout {
    (spec.readout?.observable ?? .z0) == .parity ? .parity(Array(0..<qubits)) : .z(0)
  }

  /// The classifier a spec describes on a backend, seeded: a variational, re-uploading or hybrid
  /// classifier (the hybrid's identity control for a control model).
  static func classifier(
    _ model: ModelPlan.Model, backend: QuantumBackend, features: Int, seed: UInt64, learningRate: Double? = nil,
    layers: Int? = nil
  ) -> any TrainedQuantumClassifier {
    let t = model.spec.training ?? TrainingSpec()
    let optimizer = optimizerSettings(t, learningRate: learningRate ?? t.learningRate)
    let loss: LossFunction
    switch t.loss {
    case .crossEntropy: loss = .crossEntropy
    case .squared: loss = .squared
    case .hinge: loss = .hinge
    }
    let qubits = model.spec.circuitQubits(features: features)
    switch model.spec.kind {
    case .hybrid:
      var clf = HybridClassifier(
        qubits: qubits, pre: pre(model.spec), ansatz: ansatz(model.spec, layers: layers),
        identityCircuit: model.controlOf != nil, optimizer: optimizer, iterations: t.iterations, backend: backend, seed: seed)
      clf.lossTolerance = t.tolerance
      clf.lossPatience = t.patience
      return clf
    case .reuploading:
      var clf = ReuploadingClassifier(
        layout: uploads(model.spec, layers: layers), readout: readout(model.spec, qubits: qubits), loss: loss,
        optimizer: optimizer, iterations: t.iterations, backend: backend, seed: seed, threads: 1)
      clf.model.lossTolerance = t.tolerance
      clf.model.lossPatience = t.patience
      return clf
    default:
      var clf = VariationalClassifier(
        encoding: model.encoding, ansatz: ansatz(model.spec, layers: layers),
        readout: readout(model.spec, qubits: model.encoding.qubits(features: features)),
        reuploading: model.spec.ansatz?.type == .reuploading, loss: loss, optimizer: optimizer,
        iterations: t.iterations, backend: backend, validationFraction: t.earlyStopping ? 0.2 : 0,
        seed: seed, threads: 1)
      clf.lossTolerance = t.tolerance
      clf.lossPatience = t.patience
      return clf
    }
  }

  /// The optimizer a spec's training settings name, at one learning rate.
  static func optimizerSettings(_ t: TrainingSpec, learningRate rate: Double) -> OptimizerSettings {
    switch t.optimizer {
    case .adam: return .adam(learningRate: rate)
    case .sgd: return .sgd(learningRate: rate, momentum: 0.9)
    case .spsa: return .spsa(a: rate, c: 0.1)
    case .nelderMead: return .nelderMead(initialStep: rate)
    }
  }

  /// The QMLKit input layer of a hybrid spec.
  static func pre(_ spec: QuantumModelSpec) -> HybridLayers.Pre {
    let p = spec.pre ?? PreLayerSpec()
    switch p.layer {
    case .linear: return .linear
    case .mlp: return .mlp(hidden: p.hidden, activation: p.activation == .tanh ? .tanh : .relu)
    }
  }

  /// The QMLKit layout of a re-uploading spec; `layers` overrides the spec's.
  static func uploads(_ spec: QuantumModelSpec, layers: Int? = nil) -> ReuploadingLayout {
    let u = spec.uploads ?? UploadSpec()
    let entangler: ReuploadingLayout.Entangler
    switch u.entangler {
    case .cz: entangler = .cz
    case .cx: entangler = .cx
    case .none: entangler = .none
    }
    return ReuploadingLayout(qubits: spec.qubits ?? 1, layers: layers ?? u.layers, entangler: entangler)
  }

  /// The layer counts a spec tunes (one nil entry when it tunes none).
  static func layerGrid(_ spec: QuantumModelSpec) -> [Int?] {
    let grid = spec.kind == .reuploading ? spec.uploads?.layersGrid ?? [] : spec.ansatz?.layersGrid ?? []
    return grid.count > 1 ? grid.map { $0 } : [nil]
  }

  /// The circuit a hybrid or re-uploading model runs per execution, and its data-loading share.
  static func trainedCircuit(_ m: ModelPlan.Model, features: Int) throws -> (circuit: Circuit, encoding: CircuitStatistics) {
    if m.spec.kind == .hybrid {
      let c = try HybridCircuit(qubits: m.spec.circuitQubits(features: features), ansatz: ansatz(m.spec))
      return (c.circuit, c.encodingStatistics)
    }
    let c = try uploads(m.spec).circuit(features: features, readout: readout(m.spec, qubits: m.spec.circuitQubits(features: features)))
    return (c.circuit, c.encodingStatistics)
  }

  /// The (learning rate, layers) pair with the best mean stratified k-fold CV score on the
  /// training split, and the circuits those fits ran.
  static func tuneTraining(
    _ model: ModelPlan.Model, rates: [Double], layers: [Int?], backend: QuantumBackend, split: DataSplit, metric: Metric, seed: Int,
    mitigation: ErrorMitigation = .none
  ) throws -> (rate: Double, layers: Int?, folds: Int, executions: Int, shots: Int) {
    let labels = split.train.labels
    let k = KernelModelStage.foldCount(labels)
    let folds = StratifiedKFold(folds: k, seed: UInt64(bitPattern: Int64(seed))).splits(labels: labels)
    var best = (rate: rates[0], layers: layers[0], score: -Double.infinity)
    var executions = 0, shots = 0
    for rate in rates {
     for depth in layers {
      var scores: [Double] = []
      for f in folds {
        var clf = classifier(model, backend: backend, features: split.train.featureCount,
                             seed: UInt64(bitPattern: Int64(seed)) &* 31 &+ 7, learningRate: rate, layers: depth)
        clf.mitigation = mitigation
        let x = split.train.features
        try clf.fit(features: f.train.map { x[$0] }, labels: f.train.map { labels[$0] }, classCount: split.train.classCount)
        let s = try clf.scores(f.test.map { x[$0] })
        scores.append(s.allSatisfy { $0.allSatisfy(\.isFinite) }
          ? metric.score(labels: f.test.map { labels[$0] }, scores: s, classCount: split.train.classCount) : .nan)
        executions += clf.counter.circuitExecutions
        shots += clf.counter.totalShots
      }
      let m = KernelModelStage.signedScore(mean(scores), metric)
      if m.isFinite && m > best.score { best = (rate, depth, m) }
     }
    }
    return (best.rate, best.layers, k, executions, shots)
  }

  /// Whether a history that ran to its limit was still falling: the relative drop of the training
  /// loss over the last `window` iterations (all of them when the run is shorter), when it exceeds
  /// `tolerance`.
  static func stillFalling(_ loss: [Double], window: Int, tolerance: Double) -> Double? {
    guard tolerance > 0, loss.count > 1, let last = loss.last else { return nil }
    let before = loss[loss.count - 1 - min(window, loss.count - 1)]
    let drop = (before - last) / max(1, abs(before))
    return drop > tolerance ? drop : nil
  }

  /// The learning rate and layers chosen by cross-validation, and what that tuning ran.
  typealias Tuned = (rate: Double, layers: Int?, folds: Int, executions: Int, shots: Int)

  /// Tunes (when the spec lists several learning rates or layer counts) and fits the model on the
  /// training split on `backend`, seeded as the runner seeds it: the same trained model for the
  /// same claim, seed and backend (`run`, and the hardware export's simulator training).
  static func train(
    model: ModelPlan.Model, backend: QuantumBackend, split: DataSplit, metric: Metric, seed: Int,
    mitigation: ErrorMitigation = .none, onIteration: (@Sendable (Int, Int) -> Void)? = nil
  ) throws -> (classifier: any TrainedQuantumClassifier, tuned: Tuned?) {
    let t = model.spec.training ?? TrainingSpec()
    var tuned: Tuned?
    let layerGrid = layerGrid(model.spec)
    if t.learningRates.count > 1 || layerGrid.count > 1 {
      tuned = try tuneTraining(model, rates: t.learningRates, layers: layerGrid, backend: backend, split: split,
                               metric: metric, seed: seed, mitigation: mitigation)
    }
    var clf = classifier(model, backend: backend, features: split.train.featureCount,
                         seed: UInt64(bitPattern: Int64(seed)) &* 31 &+ 7, learningRate: tuned?.rate, layers: tuned?.layers ?? nil)
    clf.onIteration = onIteration
    clf.mitigation = mitigation
    try clf.fit(features: split.train.features, labels: split.train.labels, classCount: split.train.classCount)
    return (clf, tuned)
  }

  static func run(
    model: ModelPlan.Model, backend: ModelPlan.Backend, split: DataSplit, metric: Metric, seed: Int,
    onIteration: (@Sendable (Int, Int) -> Void)? = nil
  ) throws -> Outcome {
    let t = model.spec.training ?? TrainingSpec()
    let layerGrid = layerGrid(model.spec)
    let (clf, tuned) = try train(
      model: model, backend: backend.backend, split: split, metric: metric, seed: seed, mitigation: backend.mitigation,
      onIteration: onIteration)
    let history = clf.trainingHistory
    var warnings: [String] = []
    var converged = true
    if !clf.stoppedBeforeLimit, let drop = stillFalling(history.map(\.loss), window: t.patience, tolerance: t.tolerance) {
      converged = false
      warnings.append("not converged: the training loss still fell \(String(format: "%.2f", drop * 100))% over the last "
        + "\(min(t.patience, t.iterations)) of \(t.iterations) iterations (raise training.iterations)")
    }
    if history.contains(where: { !$0.loss.isFinite }) {
      throw ModelError.diverged("the training loss became NaN or infinite")
    }
    if let first = history.first, let last = history.last, last.loss > first.loss * 1.5 {
      warnings.append("training loss rose from \(fmt(first.loss)) to \(fmt(last.loss)): the optimizer diverged")
    }
    let scores = try clf.scores(split.test.features)
    guard scores.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { throw ModelError.diverged("test scores are not finite") }
    let test = metric.score(labels: split.test.labels, scores: scores, classCount: split.train.classCount)
    var out = Outcome(
      test: test, executions: clf.counter.circuitExecutions + (tuned?.executions ?? 0),
      shots: clf.counter.totalShots + (tuned?.shots ?? 0),
      loss: history.map(\.loss), accuracy: history.map(\.accuracy), warnings: warnings)
    out.chosenLearningRate = t.learningRates.count > 1 ? tuned?.rate : nil
    out.chosenLayers = tuned?.layers ?? nil
    out.configurations = t.learningRates.count * layerGrid.count
    out.folds = tuned?.folds ?? 0
    out.converged = converged
    return out
  }

  /// The encoding followed by the ansatz, as run per execution.
  static func fullCircuit(_ m: ModelPlan.Model, features: Int) throws -> Circuit {
    try VariationalCircuit(
      encoding: m.encoding, features: features, ansatz: ansatz(m.spec),
      readout: readout(m.spec, qubits: m.encoding.qubits(features: features)),
      reuploading: m.spec.ansatz?.type == .reuploading
    ).circuit
  }
}
