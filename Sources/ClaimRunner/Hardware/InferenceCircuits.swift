import ClaimSpec
import Foundation
import QMLKit
import QuantumSim

/// One inference circuit of a trained model: the model's circuit for one test input with the
/// weights it learned on the simulator bound to numbers, measured on every qubit. Its counts give
/// the readout expectation(s) the model's classical post-processing turns into an output.
public struct InferenceCircuit: Sendable {
  /// Stable id: `<model>.s<seed>.infer.<i>`, or `<model>.s<seed>.infer.<i>.<k>` for output
  /// circuit k of a one-vs-rest classifier (more than two classes).
  public var id: String
  /// Quantum model id.
  public var model: String
  /// Seed of the split (and of the training).
  public var seed: Int
  /// Test row.
  public var i: Int
  /// Output circuit (0 unless one-vs-rest).
  public var output: Int
  /// The preprocessed test features the circuit loads.
  public var x: [Double]
  /// The bound circuit with measurements of qubit q into bit q.
  public var circuit: Circuit

  /// The stable id of a test row's circuit; `outputs` is the number of circuits per row.
  public static func id(model: String, seed: Int, i: Int, output: Int, outputs: Int) -> String {
    "\(model).s\(seed).infer.\(i)" + (outputs > 1 ? ".\(output)" : "")
  }
}

/// A trained model of one seed, fitted on a simulator exactly as the runner fits it there, and
/// the post-processing that turns measured readout expectations into its test outputs.
public struct TrainedModel: Sendable {
  /// The fitted model.
  enum Fitted: Sendable {
    /// A variational or re-uploading classifier: one readout (⟨Z0⟩ or parity) per output circuit.
    case classifier(VariationalClassifier)
    /// A hybrid: ⟨Z_q⟩ of every qubit of one circuit feeds the output layer.
    case hybrid(HybridClassifier)
    /// A variational regressor: one readout, ŷ = mean + range · s.
    case regressor(VariationalRegressor)
  }

  /// Model id, seed and kind.
  public var model: String
  public var seed: Int
  public var kind: String
  /// The backend the model was trained on (a claim backend id, or the built-in exact statevector).
  public var trainedOn: String
  /// Training iterations run and the final training loss.
  public var iterations: Int
  public var finalLoss: Double
  /// The chosen learning rate and layers when the spec tuned them.
  public var learningRate: Double?
  public var layers: Int?
  let fitted: Fitted

  /// Output circuits per test input.
  public var circuitsPerRow: Int {
    if case .classifier(let c) = fitted { return c.weights.count }
    return 1
  }

  /// Readout expectations per circuit (one, or one per qubit for a hybrid).
  public var readoutsPerCircuit: Int {
    if case .hybrid(let h) = fitted { return h.qubits }
    return 1
  }

  /// The qubit sets whose parity each readout measures (⟨Z_q⟩ = the parity of {q}).
  var readoutQubits: [[Int]] {
    switch fitted {
    case .classifier(let c): return [c.readout.qubits]
    case .regressor(let r): return [r.readout.qubits]
    case .hybrid(let h): return (0..<h.qubits).map { [$0] }
    }
  }

  /// What the counts are read as: `Z0`, `parity(0,1)`, or `Z per qubit` (a hybrid).
  public var readoutLabel: String {
    switch fitted {
    case .classifier(let c): return c.readout.label
    case .regressor(let r): return r.readout.label
    case .hybrid: return "Z per qubit"
    }
  }

  /// The bound, measured circuit of output `k` for test input `x`.
  func circuit(_ x: [Double], output k: Int) throws -> Circuit {
    switch fitted {
    case .classifier(let c): return try c.inferenceCircuit(x, output: k)
    case .regressor(let r): return try r.inferenceCircuit(x)
    case .hybrid(let h):
      guard let c = try h.inferenceCircuit(x) else { throw ModelError.invalidData("the identity control runs no circuit") }
      return c
    }
  }

  /// The expectations of this model's readouts from one circuit's counts (bit strings with
  /// qubit 0 rightmost, already checked): Σ n(s)·(−1)^(parity of the readout's bits) / total.
  func expectations(_ counts: [String: Int]) -> [Double] {
    let total = Double(counts.values.reduce(0, +))
    return readoutQubits.map { qs in
      var sum = 0.0
      for (bits, n) in counts {
        let chars = Array(bits)
        let ones = qs.reduce(0) { $0 + (chars[chars.count - 1 - $1] == "1" ? 1 : 0) }
        sum += ones & 1 == 0 ? Double(n) : -Double(n)
      }
      return sum / total
    }
  }

  /// `expectations` for tests.
  public func expectationsForTesting(_ counts: [String: Int]) -> [Double] { expectations(counts) }

  /// The model's outputs per test row from that row's expectations (all output circuits'
  /// readouts in order): class scores, or one prediction for a regressor.
  public func outputs(fromExpectations expectations: [[Double]]) throws -> [[Double]] {
    switch fitted {
    case .classifier(let c): return c.scores(expectations: expectations)
    case .hybrid(let h): return try h.scores(expectations: expectations)
    case .regressor(let r): return r.predictions(expectations: expectations.map { $0[0] }).map { [$0] }
    }
  }

  /// The same outputs simulated in process on the training backend (for tests).
  public func simulatedOutputs(_ x: [[Double]]) throws -> [[Double]] {
    switch fitted {
    case .classifier(let c): return try c.scores(x)
    case .hybrid(let h): return try h.scores(x)
    case .regressor(let r): return try r.predict(x).map { [$0] }
    }
  }

  /// Fits `model` on `split` on the claim's exact simulator, as the runner does for that seed.
  /// - Throws: `RunnerError`/`ModelError` when training fails.
  static func fit(
    _ model: ModelPlan.Model, claim: Claim, split: DataSplit, metric: Metric, seed: Int
  ) throws -> TrainedModel {
    let (trainedOn, backend) = trainingBackend(claim)
    let kind = model.spec.kind.rawValue
    if metric.regression != nil {
      let f = try VariationalRegressionStage.train(model: model, backend: backend, split: split, seed: seed)
      let grid = (model.spec.training ?? TrainingSpec()).learningRates.count > 1
      return TrainedModel(
        model: model.spec.id, seed: seed, kind: kind, trainedOn: trainedOn,
        iterations: max(0, f.regressor.trainingHistory.count - 1), finalLoss: f.regressor.trainingHistory.last?.loss ?? 0,
        learningRate: grid ? f.rate : nil, layers: f.layers, fitted: .regressor(f.regressor))
    }
    let (clf, tuned) = try VariationalStage.train(model: model, backend: backend, split: split, metric: metric, seed: seed)
    let fitted: Fitted
    if let h = clf as? HybridClassifier {
      fitted = .hybrid(h)
    } else if let r = clf as? ReuploadingClassifier {
      fitted = .classifier(r.model)
    } else if let v = clf as? VariationalClassifier {
      fitted = .classifier(v)
    } else {
      throw ModelError.invalidData("\(model.spec.id): no inference circuits for a \(kind) model")
    }
    let grid = (model.spec.training ?? TrainingSpec()).learningRates.count > 1
    return TrainedModel(
      model: model.spec.id, seed: seed, kind: kind, trainedOn: trainedOn,
      iterations: max(0, clf.trainingHistory.count - 1), finalLoss: clf.trainingHistory.last?.loss ?? 0,
      learningRate: grid ? tuned?.rate : nil, layers: tuned?.layers ?? nil, fitted: fitted)
  }

  /// The backend trained models are trained on before their inference circuits are exported:
  /// the claim's first noiseless, exact simulator backend (the runner trains there with the
  /// same seeds, so the weights are the ones that backend scores), else qlift's exact statevector.
  static func trainingBackend(_ claim: Claim) -> (name: String, backend: QuantumBackend) {
    for b in claim.backends {
      if case .simulator = b.target, b.noise == nil, b.isExact { return (b.id, .ideal) }
    }
    return (builtInSimulator, .ideal)
  }

  /// How the training backend is named when the claim has no exact simulator backend.
  public static let builtInSimulator = "statevector (exact)"
}
