/// A place the quantum models run: an ideal or noisy simulator, a device profile (simulated), or
/// hardware (scored from imported counts).
public struct BackendSpec: Sendable, Equatable {
  /// Backend id, unique within the claim.
  public var id: String
  /// What runs the circuits.
  public var target: BackendTarget
  /// Shots per circuit, or exact probabilities.
  public var shots: ShotSetting
  /// Extra noise on a simulator backend (nil = none).
  public var noise: NoiseSpec?
  /// Error mitigation of a noisy simulator or device backend (key `mitigation`, none by default).
  public var mitigation: MitigationSpec
  /// Run and bill the train-kernel diagonal (key `measure_diagonal`, default false: it is 1 and free).
  public var measureDiagonal: Bool

  /// Creates a backend spec.
  public init(
    id: String, target: BackendTarget, shots: ShotSetting = .unstated, noise: NoiseSpec? = nil,
    mitigation: MitigationSpec = MitigationSpec(), measureDiagonal: Bool = false
  ) {
    self.id = id; self.target = target; self.shots = shots; self.noise = noise
    self.mitigation = mitigation; self.measureDiagonal = measureDiagonal
  }

  /// Shots per circuit, nil when the backend computes exact probabilities.
  public var shotCount: Int? { if case .count(let n) = shots { return n } else { return nil } }

  /// True when results are exact probabilities (a simulator without shots).
  public var isExact: Bool { shotCount == nil }

  /// The device profile id of a `device:` or `hardware:` backend.
  public var profileID: String? {
    switch target {
    case .simulator: return nil
    case .device(let p), .hardware(let p): return p
    }
  }
}

/// What runs a backend's circuits.
public enum BackendTarget: Sendable, Equatable {
  /// qlift's own simulator (`simulator: statevector|density_matrix`).
  case simulator(SimulatorMethod)
  /// Simulated with a device profile's noise, coupling and price (`device: <profile id>`).
  case device(String)
  /// Real hardware, scored from imported counts (`hardware: <profile id>`).
  case hardware(String)
}

/// Simulator methods.
public enum SimulatorMethod: String, Sendable, Equatable, CaseIterable {
  /// Pure-state simulation.
  case statevector
  /// Mixed-state simulation (needed for exact noise channels).
  case densityMatrix = "density_matrix"
}

/// Shots of a backend (key `shots`): a count, `exact`, or not stated.
public enum ShotSetting: Sendable, Equatable {
  /// No `shots` key: exact probabilities on a simulator; an error for device/hardware backends.
  case unstated
  /// `shots: exact`: the spec states it uses exact probabilities.
  case exact
  /// `shots: N`, 1 <= N <= 1e9.
  case count(Int)
}

/// Noise channels added to a simulator backend (key `noise`); all optional.
public struct NoiseSpec: Sendable, Equatable {
  /// One-qubit depolarizing probability after each 1q gate, 0...1.
  public var depolarizing: Double?
  /// Two-qubit depolarizing probability after each 2q gate, 0...1.
  public var depolarizing2: Double?
  /// Symmetric readout bit-flip probability, 0...0.5.
  public var readout: Double?
  /// Amplitude damping γ per gate, 0...1.
  public var amplitudeDamping: Double?
  /// Phase damping λ per gate, 0...1.
  public var phaseDamping: Double?
  /// T1 in microseconds, > 0 (thermal relaxation with the gate times).
  public var t1: Double?
  /// T2 in microseconds, > 0 and <= 2·T1.
  public var t2: Double?
  /// One-qubit gate time in ns (for T1/T2), > 0.
  public var gateTime1qNs: Double?
  /// Two-qubit gate time in ns (for T1/T2), > 0.
  public var gateTime2qNs: Double?

  /// Creates a noise spec.
  public init(
    depolarizing: Double? = nil, depolarizing2: Double? = nil, readout: Double? = nil,
    amplitudeDamping: Double? = nil, phaseDamping: Double? = nil, t1: Double? = nil, t2: Double? = nil,
    gateTime1qNs: Double? = nil, gateTime2qNs: Double? = nil
  ) {
    self.depolarizing = depolarizing; self.depolarizing2 = depolarizing2; self.readout = readout
    self.amplitudeDamping = amplitudeDamping; self.phaseDamping = phaseDamping
    self.t1 = t1; self.t2 = t2; self.gateTime1qNs = gateTime1qNs; self.gateTime2qNs = gateTime2qNs
  }
}

/// Error mitigation of a backend (key `mitigation`: `none`, `readout`, `zne` or `[readout, zne]`).
public struct MitigationSpec: Sendable, Equatable {
  /// Readout-error mitigation: tensored assignment-matrix inversion, clipped to a distribution.
  public var readout: Bool
  /// Zero-noise extrapolation: unitary folding at scales 1, 3, 5 and Richardson extrapolation.
  public var zne: Bool

  /// Mitigation with the given parts (none by default).
  public init(readout: Bool = false, zne: Bool = false) { self.readout = readout; self.zne = zne }

  /// True when nothing is mitigated.
  public var isNone: Bool { !readout && !zne }

  /// The names of the parts, in spec order (empty for none).
  public var names: [String] { (readout ? ["readout"] : []) + (zne ? ["zne"] : []) }
}
