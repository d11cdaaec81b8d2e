import QuantumSim

/// A data re-uploading classifier (Pérez-Salinas et al. 2020): the variational classifier's
/// training, gradients (adjoint or parameter shift), backends and cost accounting over a
/// `ReuploadingLayout` circuit, whose every layer uploads w ⊙ x + θ with trainable w and θ.
/// Binary: the readout's sign; multiclass: one-vs-rest circuits, as `VariationalClassifier`.
public struct ReuploadingClassifier: TrainedQuantumClassifier {
  /// The trained model (its `uploads` is the layout).
  public var model: VariationalClassifier

  /// A re-uploading classifier (weights start at w ≈ 1, θ ≈ 0 with `initialScale` noise).
  public init(
    layout: ReuploadingLayout, readout: Readout = .z(0), loss: LossFunction = .crossEntropy,
    optimizer: OptimizerSettings = .adam(learningRate: 0.05), iterations: Int = 50, backend: QuantumBackend = .ideal,
    gradientMethod: GradientMethod? = nil, initialScale: Double = 0.1, seed: UInt64 = 0, threads: Int? = nil
  ) {
    model = VariationalClassifier(
      readout: readout, loss: loss, optimizer: optimizer, iterations: iterations, backend: backend,
      gradientMethod: gradientMethod, initialScale: initialScale, seed: seed, threads: threads)
    model.uploads = layout
  }

  public var counter: ExecutionCounter { model.counter }
  public var trainingHistory: [TrainingRecord] { model.trainingHistory }
  public var stoppedBeforeLimit: Bool { model.stoppedBeforeLimit }
  public var onIteration: (@Sendable (Int, Int) -> Void)? {
    get { model.onIteration }
    set { model.onIteration = newValue }
  }
  public var mitigation: ErrorMitigation {
    get { model.mitigation }
    set { model.mitigation = newValue }
  }
  /// Trained weights, one vector per output circuit.
  public var weights: [[Double]] { model.weights }

  public mutating func fit(features: [[Double]], labels: [Int], classCount: Int) throws {
    try model.fit(features: features, labels: labels, classCount: classCount)
  }

  public func scores(_ features: [[Double]]) throws -> [[Double]] { try model.scores(features) }

  /// The circuit for `features` inputs.
  public func circuit(features: Int) throws -> VariationalCircuit { try model.circuit(features: features) }
}
