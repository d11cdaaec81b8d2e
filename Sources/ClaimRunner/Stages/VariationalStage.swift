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
  }

  /// The QMLKit ansatz of a spec (defaults: hardware-efficient, 2 layers, linear cz).
  static func ansatz(_ spec: QuantumModelSpec) -> Ansatz {
    let a = spec.ansatz ?? AnsatzSpec(type: .hardwareEfficient)
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

  /// The classifier a spec describes on a backend, seeded.
  static func classifier(_ model: ModelPlan.Model, backend: QuantumBackend, features: Int, seed: UInt64) -> VariationalClassifier {
    let t = model.spec.training ?? TrainingSpec()
    let optimizer: OptimizerSettings
    switch t.optimizer {
    case .adam: optimizer = .adam(learningRate: t.learningRate)
    case .sgd: optimizer = .sgd(learningRate: t.learningRate, momentum: 0.9)
    case .spsa: optimizer = .spsa(a: t.learningRate, c: 0.1)
    case .nelderMead: optimizer = .nelderMead(initialStep: t.learningRate)
    }
    let loss: LossFunction
    switch t.loss {
    case .crossEntropy: loss = .crossEntropy
    case .squared: loss = .squared
    case .hinge: loss = .hinge
    }
    return VariationalClassifier(
      encoding: model.encoding, ansatz: ansatz(model.spec),
      readout: readout(model.spec, qubits: model.encoding.qubits(features: features)),
      reuploading: model.spec.ansatz?.type == .reuploading, loss: loss, optimizer: optimizer,
      iterations: t.iterations, backend: backend, validationFraction: t.earlyStopping ? 0.2 : 0,
      seed: seed, threads: 1)
  }

  static func run(
    model: ModelPlan.Model, backend: ModelPlan.Backend, split: DataSplit, metric: Metric, seed: Int,
    onIteration: (@Sendable (Int, Int) -> Void)? = nil
  ) throws -> Outcome {
    var clf = classifier(model, backend: backend.backend, features: split.train.featureCount,
                         seed: UInt64(bitPattern: Int64(seed)) &* 31 &+ 7)
    clf.onIteration = onIteration
    try clf.fit(features: split.train.features, labels: split.train.labels, classCount: split.train.classCount)
    let history = clf.trainingHistory
    var warnings: [String] = []
    if history.contains(where: { !$0.loss.isFinite }) {
      throw ModelError.diverged("the training loss became NaN or infinite")
    }
    if let first = history.first, let last = history.last, last.loss > first.loss * 1.5 {
      warnings.append("training loss rose from \(fmt(first.loss)) to \(fmt(last.loss)): the optimizer diverged")
    }
    let scores = try clf.scores(split.test.features)
    guard scores.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { throw ModelError.diverged("test scores are not finite") }
    let test = metric.score(labels: split.test.labels, scores: scores, classCount: split.train.classCount)
    return Outcome(
      test: test, executions: clf.counter.circuitExecutions, shots: clf.counter.totalShots,
      loss: history.map(\.loss), accuracy: history.map(\.accuracy), warnings: warnings)
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
