import Foundation
import Numerics

// The standard channels, with Kraus operators as in Nielsen & Chuang (ch. 8.3) and Qiskit Aer's
// `noise.errors.standard_errors` (same parameter names and ranges).
extension KrausChannel {
  /// Checks that a probability-like parameter is finite and in [0, 1].
  static func _checkUnit(_ value: Double, _ parameter: String, _ channel: String) throws {
    guard value.isFinite, value >= 0, value <= 1 else {
      throw NoiseError(key: parameter, value: formatNumber(value), reason: "\(channel) needs a value in [0, 1]")
    }
  }

  private static func _c(_ x: Double) -> Complex<Double> { Complex(x, 0) }

  /// Single-qubit depolarizing channel ρ → (1 − p)ρ + p·I/2, Qiskit's `depolarizing_error(p, 1)`.
  ///
  /// Kraus operators √(1 − 3p/4)·I and √(p/4)·X, Y, Z. A Bloch vector shrinks by (1 − p).
  /// - Throws: `NoiseError` unless 0 ≤ p ≤ 1.
  public static func depolarizing(_ p: Double) throws -> KrausChannel {
    try _checkUnit(p, "depolarizing", "depolarizing")
    let a = _c((1 - 3 * p / 4).squareRoot()), b = (p / 4).squareRoot()
    let ib = Complex<Double>(0, b), mib = Complex<Double>(0, -b), zero = Complex<Double>.zero
    let k0: [Complex<Double>] = [a, zero, zero, a]
    let kx: [Complex<Double>] = [zero, _c(b), _c(b), zero]
    let ky: [Complex<Double>] = [zero, mib, ib, zero]
    let kz: [Complex<Double>] = [_c(b), zero, zero, _c(-b)]
    return try KrausChannel(name: "depolarizing(\(formatNumber(p)))", operators: [k0, kx, ky, kz])
  }

  /// Two-qubit depolarizing channel ρ → (1 − p)ρ + p·I/4, Qiskit's `depolarizing_error(p, 2)`.
  ///
  /// Kraus operators √(1 − 15p/16)·II and √(p/16)·P for the 15 other two-qubit Paulis.
  /// - Throws: `NoiseError` unless 0 ≤ p ≤ 1.
  public static func depolarizing2(_ p: Double) throws -> KrausChannel {
    try _checkUnit(p, "depolarizing2", "two-qubit depolarizing")
    let one = Complex<Double>.one, zero = Complex<Double>.zero
    let i = Complex<Double>(0, 1), mi = Complex<Double>(0, -1), mone = Complex<Double>(-1, 0)
    let paulis: [[Complex<Double>]] = [[one, zero, zero, one], [zero, one, one, zero], [zero, mi, i, zero], [one, zero, zero, mone]]
    var ops: [[Complex<Double>]] = []
    for hi in 0..<4 {
      for lo in 0..<4 {
        let w = hi == 0 && lo == 0 ? (1 - 15 * p / 16).squareRoot() : (p / 16).squareRoot()
        // (P_hi ⊗ P_lo)[r, c] with r = r0 + 2 r1: qubit a (bit 0) gets P_lo.
        var m = [Complex<Double>](repeating: .zero, count: 16)
        for r in 0..<4 {
          for c in 0..<4 {
            let ph: Complex<Double> = paulis[hi][(r >> 1) * 2 + (c >> 1)]
            let pl: Complex<Double> = paulis[lo][(r & 1) * 2 + (c & 1)]
            m[r * 4 + c] = ph * pl * Complex<Double>(w, 0)
          }
        }
        ops.append(m)
      }
    }
    return try KrausChannel(name: "depolarizing2(\(formatNumber(p)))", operators: ops)
  }

  /// Amplitude damping (energy relaxation to |0>): K0 = [[1, 0], [0, √(1 − γ)]], K1 = [[0, √γ], [0, 0]].
  ///
  /// |1> decays to |0> with probability γ; coherences shrink by √(1 − γ).
  /// - Throws: `NoiseError` unless 0 ≤ γ ≤ 1.
  public static func amplitudeDamping(gamma: Double) throws -> KrausChannel {
    try _checkUnit(gamma, "gamma", "amplitude damping")
    return try KrausChannel(
      name: "amplitude_damping(\(formatNumber(gamma)))",
      operators: [
        [.one, .zero, .zero, _c((1 - gamma).squareRoot())],
        [.zero, _c(gamma.squareRoot()), .zero, .zero],
      ])
  }

  /// Phase damping (pure dephasing): K0 = [[1, 0], [0, √(1 − λ)]], K1 = [[0, 0], [0, √λ]].
  ///
  /// Populations are unchanged; coherences shrink by √(1 − λ).
  /// - Throws: `NoiseError` unless 0 ≤ λ ≤ 1.
  public static func phaseDamping(lambda: Double) throws -> KrausChannel {
    try _checkUnit(lambda, "lambda", "phase damping")
    return try KrausChannel(
      name: "phase_damping(\(formatNumber(lambda)))",
      operators: [
        [.one, .zero, .zero, _c((1 - lambda).squareRoot())],
        [.zero, .zero, .zero, _c(lambda.squareRoot())],
      ])
  }

  /// Bit flip: X with probability p (Kraus √(1 − p)·I, √p·X).
  /// - Throws: `NoiseError` unless 0 ≤ p ≤ 1.
  public static func bitFlip(_ p: Double) throws -> KrausChannel {
    try _checkUnit(p, "bit_flip", "bit flip")
    let a = _c((1 - p).squareRoot()), b = _c(p.squareRoot())
    return try KrausChannel(
      name: "bit_flip(\(formatNumber(p)))", operators: [[a, .zero, .zero, a], [.zero, b, b, .zero]])
  }

  /// Phase flip: Z with probability p (Kraus √(1 − p)·I, √p·Z).
  /// - Throws: `NoiseError` unless 0 ≤ p ≤ 1.
  public static func phaseFlip(_ p: Double) throws -> KrausChannel {
    try _checkUnit(p, "phase_flip", "phase flip")
    let a = _c((1 - p).squareRoot()), b = _c(p.squareRoot())
    return try KrausChannel(
      name: "phase_flip(\(formatNumber(p)))", operators: [[a, .zero, .zero, a], [b, .zero, .zero, -b]])
  }

  /// Thermal relaxation during a gate of duration `gateTime`, towards |0> (excited-state
  /// population 0), as Qiskit's `thermal_relaxation_error(t1, t2, time)` with
  /// `excited_state_population=0`.
  ///
  /// Built as amplitude damping with γ = 1 − exp(−t/T1) followed by phase damping with
  /// λ = 1 − exp(−2t/T2 + t/T1), so P(1) decays as exp(−t/T1) and coherences as exp(−t/T2).
  /// Any consistent time unit works; T1 = T2 = +∞ is the identity.
  /// - Throws: `NoiseError` unless T1 > 0, T2 > 0, T2 ≤ 2·T1, gateTime ≥ 0 and finite.
  public static func thermalRelaxation(t1: Double, t2: Double, gateTime: Double) throws -> KrausChannel {
    guard !t1.isNaN, t1 > 0 else {
      throw NoiseError(key: "t1", value: formatNumber(t1), reason: "T1 must be positive")
    }
    guard !t2.isNaN, t2 > 0 else {
      throw NoiseError(key: "t2", value: formatNumber(t2), reason: "T2 must be positive")
    }
    guard t2 <= 2 * t1 else {
      throw NoiseError(
        key: "t2", value: formatNumber(t2), reason: "T2 must not exceed 2·T1 = \(formatNumber(2 * t1))")
    }
    guard gateTime.isFinite, gateTime >= 0 else {
      throw NoiseError(key: "gate_time", value: formatNumber(gateTime), reason: "gate time must be finite and >= 0")
    }
    let decay1 = exp(-gateTime / t1)  // P(1) factor
    let decay2 = exp(-gateTime / t2)  // coherence factor
    // Amplitude damping contributes √decay1 to coherences; dephasing supplies the rest.
    let dephase = min(1, max(0, decay2 / decay1.squareRoot()))
    let gamma = 1 - decay1
    let lambda = 1 - dephase * dephase
    // Products PD_j · AD_i (the PD_1 · AD_1 product is zero).
    let k0 = [Complex<Double>.one, .zero, .zero, _c(dephase * decay1.squareRoot())]
    let k1 = [Complex<Double>.zero, _c(gamma.squareRoot()), .zero, .zero]
    let k2 = [Complex<Double>.zero, .zero, .zero, _c((lambda * decay1).squareRoot())]
    return try KrausChannel(
      name: "thermal_relaxation(t1=\(formatNumber(t1)), t2=\(formatNumber(t2)), t=\(formatNumber(gateTime)))",
      operators: [k0, k1, k2])
  }
}
