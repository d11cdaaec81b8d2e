/// One quantum model under test: a fidelity kernel, a projected kernel, a variational classifier,
/// a hybrid (dressed) classifier or a data re-uploading classifier.
public struct QuantumModelSpec: Sendable, Equatable {
  /// Model id, unique within the claim.
  public var id: String
  /// Which family of model.
  public var kind: QuantumModelKind
  /// How data is loaded into the circuit.
  public var encoding: EncodingSpec
  /// SVM regularization grid for kernel kinds (default `[1]`; a list is tuned by CV).
  public var svmC: [Double]
  /// Projected-kernel width grid (`gamma`, default `[1]`); empty for other kinds.
  public var gamma: [Double]
  /// Kernel ridge penalty grid of kernel kinds in a regression claim (`ridge.alpha`, default `[1]`).
  public var ridgeAlpha: [Double] = [1]
  /// Trainable circuit of a variational model (nil for kernels).
  public var ansatz: AnsatzSpec?
  /// Readout of a variational model (nil for kernels).
  public var readout: ReadoutSpec?
  /// Training settings of a variational model (nil for kernels).
  public var training: TrainingSpec?
  /// Circuit width of a `hybrid` (default: the feature count) or `reuploading` model (default 1);
  /// nil for the other kinds, whose encoding decides it.
  public var qubits: Int?
  /// The classical input layer of a `hybrid` model (nil for the other kinds).
  public var pre: PreLayerSpec?
  /// The uploads of a `reuploading` model (nil for the other kinds).
  public var uploads: UploadSpec?

  /// Creates a quantum model spec.
  public init(
    id: String, kind: QuantumModelKind, encoding: EncodingSpec, svmC: [Double] = [1],
    gamma: [Double] = [], ansatz: AnsatzSpec? = nil, readout: ReadoutSpec? = nil,
    training: TrainingSpec? = nil, qubits: Int? = nil, pre: PreLayerSpec? = nil, uploads: UploadSpec? = nil
  ) {
    self.id = id; self.kind = kind; self.encoding = encoding; self.svmC = svmC; self.gamma = gamma
    self.ansatz = ansatz; self.readout = readout; self.training = training
    self.qubits = qubits; self.pre = pre; self.uploads = uploads
  }

  /// The id of the identity-circuit control the runner adds for a hybrid model.
  public static func controlID(of id: String) -> String { id + "-identity" }

  /// The qubits this model's circuit uses on data with `features` features.
  public func circuitQubits(features: Int) -> Int {
    switch kind {
    case .hybrid: return qubits ?? features
    case .reuploading: return qubits ?? 1
    default: return encoding.qubits(features: features)
    }
  }
}

/// The family of a quantum model (key `kind`).
public enum QuantumModelKind: String, Sendable, Equatable, CaseIterable {
  /// Fidelity kernel |<phi(x)|phi(y)>|^2 with an SVM.
  case kernel
  /// Projected quantum kernel (Huang et al. 2021) with an SVM.
  case projectedKernel = "projected_kernel"
  /// Variational quantum classifier.
  case variational
  /// Hybrid ("dressed") classifier (Mari et al. 2020): classical layer → circuit → classical layer.
  case hybrid
  /// Data re-uploading classifier (Pérez-Salinas et al. 2020): trainable uploads w ⊙ x + θ per layer.
  case reuploading

  /// True for the kinds trained by an optimizer (variational, hybrid, reuploading).
  public var isTrained: Bool { self == .variational || self == .hybrid || self == .reuploading }
}

/// The classical input layer of a hybrid model (key `pre`): features → circuit angles
/// π/2 · tanh(W h + b), with h = x (`linear`) or h = act(W₀ x + b₀) (`mlp`).
public struct PreLayerSpec: Sendable, Equatable {
  /// `linear` or `mlp` (default linear).
  public var layer: PreLayerKind
  /// Hidden width of `mlp` (default 8).
  public var hidden: Int
  /// Activation of the `mlp` hidden layer (default tanh).
  public var activation: ActivationName

  /// Creates a pre-layer spec.
  public init(layer: PreLayerKind = .linear, hidden: Int = 8, activation: ActivationName = .tanh) {
    self.layer = layer; self.hidden = hidden; self.activation = activation
  }
}

/// Kinds of a hybrid model's input layer (`pre.layer`).
public enum PreLayerKind: String, Sendable, Equatable, CaseIterable {
  /// One linear map to the angles.
  case linear
  /// One hidden layer, then the linear map to the angles.
  case mlp
}

/// Hidden-layer activations (`pre.activation`).
public enum ActivationName: String, Sendable, Equatable, CaseIterable {
  /// Hyperbolic tangent.
  case tanh
  /// Rectified linear unit.
  case relu
}

/// The uploads of a data re-uploading model (keys `layers`, `entangler`).
public struct UploadSpec: Sendable, Equatable {
  /// Uploads (layers), >= 1 (default 3); the largest of `layersGrid`.
  public var layers: Int
  /// Every layer count to try (tuned by cross-validation with the learning rate); empty when one.
  public var layersGrid: [Int] = []
  /// Entangling gate between layers (default cz; `none` for a product circuit).
  public var entangler: UploadEntangler

  /// Creates an upload spec.
  public init(layers: Int = 3, entangler: UploadEntangler = .cz) { self.layers = layers; self.entangler = entangler }
}

/// Entangling gates of a re-uploading model (`entangler`): a chain over the qubits after each layer.
public enum UploadEntangler: String, Sendable, Equatable, CaseIterable {
  /// Controlled-Z chain.
  case cz
  /// Controlled-X chain.
  case cx
  /// No entangler.
  case none
}

/// A data encoding (feature map), key `encoding`.
public struct EncodingSpec: Sendable, Equatable {
  /// The feature map.
  public var map: EncodingMap
  /// Repetitions of the map, >= 1 (default 1; ignored for amplitude/basis); the largest of `repsGrid`
  /// (the circuit the cost bounds are checked on).
  public var reps: Int
  /// Every `reps` to try: one value, or a list tuned by cross-validation like `alpha`.
  public var repsGrid: [Int] = []
  /// Entangling pattern (default linear).
  public var entanglement: Entanglement
  /// Data scaling factor of Pauli-type maps (default 2.0, as Qiskit's `alpha`); the first of `alphaGrid`.
  public var alpha: Double {
    didSet { if alphaGrid.count <= 1 { alphaGrid = [alpha] } }
  }
  /// Every `alpha` to try: one value, or a list tuned by cross-validation on the training split
  /// (the kernel's bandwidth, tuned like a baseline's `gamma`; Shaydulin and Wild 2022).
  public var alphaGrid: [Double]
  /// Pauli strings of the `pauli` map (default `["Z", "ZZ"]`).
  public var paulis: [String]
  /// Rotation axis of the `angle` map (default ry).
  public var rotation: Rotation

  /// Creates an encoding spec.
  public init(
    map: EncodingMap, reps: Int = 1, entanglement: Entanglement = .linear, alpha: Double = 2.0,
    paulis: [String] = ["Z", "ZZ"], rotation: Rotation = .ry
  ) {
    self.map = map; self.reps = reps; self.entanglement = entanglement; self.alpha = alpha
    self.alphaGrid = [alpha]; self.paulis = paulis; self.rotation = rotation
  }

  /// Qubits needed for `features` input features.
  public func qubits(features: Int) -> Int {
    switch map {
    case .amplitude:
      var q = 0
      while (1 << q) < max(features, 1) { q += 1 }
      return max(q, 1)
    default: return features
    }
  }
}

/// Feature map names (`encoding.map`).
public enum EncodingMap: String, Sendable, Equatable, CaseIterable {
  /// ZZ feature map (Havlíček et al. 2019; Qiskit `ZZFeatureMap`).
  case zz
  /// The ZZ map with its entanglers removed (Qiskit `ZFeatureMap`): the ablation of `zz`.
  case z
  /// General Pauli feature map (Qiskit `PauliFeatureMap`).
  case pauli
  /// One rotation per feature (angle encoding).
  case angle
  /// IQP encoding (Havlíček et al. 2019; PennyLane `IQPEmbedding`).
  case iqp
  /// Amplitude encoding of the normalized feature vector.
  case amplitude
  /// Basis encoding of binarized features.
  case basis

  /// True for maps made of Pauli rotations of the data, whose models have a finite frequency
  /// spectrum (`rff_quantum` samples it): every map but amplitude and basis.
  public var hasSpectrum: Bool { self != .amplitude && self != .basis }
}

/// Entangling patterns. `ring` is accepted as a synonym of `circular` and loads as `.circular`.
public enum Entanglement: String, Sendable, Equatable, CaseIterable {
  /// Pairs (i, i+1).
  case linear
  /// Linear plus (n-1, 0).
  case circular
  /// All pairs i < j.
  case full
}

/// Single-qubit rotation axis.
public enum Rotation: String, Sendable, Equatable, CaseIterable {
  /// RX rotation.
  case rx
  /// RY rotation.
  case ry
  /// RZ rotation.
  case rz
}

/// The trainable circuit of a variational model (key `ansatz`).
public struct AnsatzSpec: Sendable, Equatable {
  /// Ansatz family.
  public var type: AnsatzType
  /// Layers, >= 1 (default 2).
  public var layers: Int
  /// Every layer count to try: one value, or a list tuned by cross-validation with the learning
  /// rate; `layers` is its largest (the circuit the cost bounds are checked on).
  public var layersGrid: [Int] = []
  /// Entangling pattern (default linear).
  public var entanglement: Entanglement
  /// Two-qubit entangling gate (default cz).
  public var entangler: Entangler

  /// Creates an ansatz spec.
  public init(type: AnsatzType, layers: Int = 2, entanglement: Entanglement = .linear, entangler: Entangler = .cz) {
    self.type = type; self.layers = layers; self.entanglement = entanglement; self.entangler = entangler
  }
}

/// Ansatz families (`ansatz.type`).
public enum AnsatzType: String, Sendable, Equatable, CaseIterable {
  /// RY-RZ layers with an entangling ladder (Kandala et al. 2017).
  case hardwareEfficient = "hardware_efficient"
  /// Qiskit `RealAmplitudes` (RY layers, CX entanglers).
  case realAmplitudes = "real_amplitudes"
  /// Qiskit `EfficientSU2` (RY-RZ layers).
  case efficientSU2 = "efficient_su2"
  /// Data re-uploading (Pérez-Salinas et al. 2020): encoding repeated before each layer.
  case reuploading
}

/// Two-qubit entangling gates (`ansatz.entangler`).
public enum Entangler: String, Sendable, Equatable, CaseIterable {
  /// Controlled-Z.
  case cz
  /// Controlled-X.
  case cx
}

/// Readout of a variational model (key `readout`).
public struct ReadoutSpec: Sendable, Equatable {
  /// The measured observable (default z0).
  public var observable: ReadoutObservable

  /// Creates a readout spec.
  public init(observable: ReadoutObservable = .z0) { self.observable = observable }
}

/// Readout observables.
public enum ReadoutObservable: String, Sendable, Equatable, CaseIterable {
  /// <Z> on qubit 0.
  case z0
  /// Parity <Z⊗…⊗Z> of all qubits.
  case parity
}

/// Training settings of a variational model (key `training`).
public struct TrainingSpec: Sendable, Equatable {
  /// Optimizer (default adam).
  public var optimizer: OptimizerName
  /// Learning rate, > 0 (default 0.05); the first of `learningRates`.
  public var learningRate: Double {
    didSet { if learningRates.count <= 1 { learningRates = [learningRate] } }
  }
  /// Every learning rate to try: one value, or a list tuned by stratified k-fold cross-validation
  /// on the training split, like a baseline's grid.
  public var learningRates: [Double]
  /// Iterations, 1...100000 (default 100): the limit; training stops earlier once converged.
  public var iterations: Int
  /// Convergence rule: training stops when the training loss has not fallen by more than
  /// `tolerance` (relative to its size) for `patience` iterations (default 1e-4; 0 turns the rule off).
  public var tolerance: Double
  /// Iterations without improvement before training stops (default 10).
  public var patience: Int
  /// Loss (default cross_entropy).
  public var loss: LossName
  /// Mini-batch size (nil = full batch).
  public var batchSize: Int?
  /// Stop early when the training loss plateaus (default false).
  public var earlyStopping: Bool

  /// Creates training settings.
  public init(
    optimizer: OptimizerName = .adam, learningRate: Double = 0.05, iterations: Int = 100,
    loss: LossName = .crossEntropy, batchSize: Int? = nil, earlyStopping: Bool = false
  ) {
    self.optimizer = optimizer; self.learningRate = learningRate; self.learningRates = [learningRate]
    self.iterations = iterations; self.tolerance = 1e-4; self.patience = 10
    self.loss = loss; self.batchSize = batchSize; self.earlyStopping = earlyStopping
  }
}

/// Optimizer names (`training.optimizer`).
public enum OptimizerName: String, Sendable, Equatable, CaseIterable {
  /// Adam (Kingma & Ba 2015).
  case adam
  /// Plain gradient descent.
  case sgd
  /// Simultaneous perturbation stochastic approximation (Spall 1992).
  case spsa
  /// Nelder-Mead simplex.
  case nelderMead = "nelder_mead"
}

/// Loss names (`training.loss`).
public enum LossName: String, Sendable, Equatable, CaseIterable {
  /// Binary cross-entropy.
  case crossEntropy = "cross_entropy"
  /// Squared error.
  case squared
  /// Hinge loss.
  case hinge
}
