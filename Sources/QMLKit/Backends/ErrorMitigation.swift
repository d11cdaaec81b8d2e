import QuantumSim

/// The error mitigation a noisy backend applies to its estimates (spec key `mitigation`):
/// readout-error inversion, zero-noise extrapolation, or both (readout inverted at every scale,
/// then extrapolated).
public struct ErrorMitigation: Sendable, Equatable, Hashable {
  /// Invert each measured qubit's assignment matrix (tensored), then clip to a distribution.
  public var readout: Bool
  /// Fold the circuit at scales 1, 3, 5 and extrapolate to zero noise (Richardson).
  public var zne: Bool

  /// Mitigation with the given parts (none by default).
  public init(readout: Bool = false, zne: Bool = false) { self.readout = readout; self.zne = zne }

  /// No mitigation.
  public static let none = ErrorMitigation()

  /// True when nothing is mitigated.
  public var isNone: Bool { !readout && !zne }

  /// The fold scales every estimate is measured at: [1] without ZNE, else
  /// `ZeroNoiseExtrapolation.scales`.
  public var scales: [Int] { zne ? ZeroNoiseExtrapolation.scales : [1] }

  /// Circuits of one readout calibration: |0…0⟩ and |1…1⟩ (tensored calibration: each qubit's
  /// p(1|0) and p(0|1) read from the marginals of the two), each run with the backend's shots.
  public static let calibrationCircuits = 2

  /// The calibration circuits a model adds per seed: 2 with readout mitigation, else 0.
  public var calibrationCircuits: Int { readout ? Self.calibrationCircuits : 0 }

  /// "none", "readout", "zne" or "readout+zne" (as results record it).
  public var label: String {
    switch (readout, zne) {
    case (false, false): return "none"
    case (true, false): return "readout"
    case (false, true): return "zne"
    case (true, true): return "readout+zne"
    }
  }
}
