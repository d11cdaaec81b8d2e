import Foundation

/// Writes a single-qubit unitary as the fewest native gates of a gate set (up to global phase),
/// Z rotations as `rz` (free where the device runs them virtually).
enum OneQubitSynthesis {
  static let tolerance = 1e-10

  /// Native gates on `qubit` equal to `u` up to global phase, in time order (empty for the identity).
  static func gates(_ u: Matrix2, on qubit: Int, set: NativeGateSet) -> [Gate] {
    let e = EulerAngles(u)
    if e.isIdentity { return [] }
    var out: [Gate] = []
    func rz(_ a: Double) {
      let r = normalizedAngle(a)
      if abs(r) > tolerance { out.append(Gate(.rz, [qubit], [.value(r)])) }
    }
    func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) < tolerance }
    let (theta, phi, lambda) = (e.theta, e.phi, e.lambda)
    if near(theta, 0) {
      rz(phi + lambda)
      return out
    }
    switch set {
    case .any:
      out.append(Gate(.unitary1, [qubit], matrix: u.flat))
    case .czSX:
      // RY(θ) ∝ RZ(π) SX RZ(θ + π) SX; RY(π/2) ∝ RZ(π/2) SX RZ(−π/2); RY(π) ∝ RZ(π/2) X RZ(−π/2).
      if near(theta, .pi / 2) || near(theta, .pi) {
        rz(lambda - .pi / 2)
        out.append(Gate(near(theta, .pi) ? .x : .sx, [qubit]))
        rz(phi + .pi / 2)
      } else {
        rz(lambda)
        out.append(Gate(.sx, [qubit]))
        rz(theta + .pi)
        out.append(Gate(.sx, [qubit]))
        rz(phi + .pi)
      }
    case .czPRX:
      // RZ(φ) RY(θ) RZ(λ) = RZ(φ + λ) prx(θ, π/2 − λ).
      out.append(Gate(.prx, [qubit], [.value(theta), .value(normalizedAngle(.pi / 2 - lambda))]))
      rz(phi + lambda)
    case .zzGPI:
      // prx(π, ψ) ∝ gpi(ψ), prx(π/2, ψ) = gpi2(ψ); otherwise two gpi2 pulses with the Z frame
      // pushed through: RZ(φ+π) SX RZ(θ+π) SX RZ(λ) = RZ(φ+θ+λ) gpi2(−λ−θ−π) gpi2(−λ) (up to phase).
      if near(theta, .pi) {
        out.append(Gate(.gpi, [qubit], [.value(normalizedAngle(.pi / 2 - lambda))]))
      } else if near(theta, .pi / 2) {
        out.append(Gate(.gpi2, [qubit], [.value(normalizedAngle(.pi / 2 - lambda))]))
      } else {
        out.append(Gate(.gpi2, [qubit], [.value(normalizedAngle(-lambda))]))
        out.append(Gate(.gpi2, [qubit], [.value(normalizedAngle(-lambda - theta - .pi))]))
        rz(phi + theta + lambda)
        return out
      }
      rz(phi + lambda)
    }
    return out
  }
}
