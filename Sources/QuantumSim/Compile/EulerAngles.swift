import Foundation
import Numerics

/// A single-qubit unitary as e^{iα} RZ(φ) RY(θ) RZ(λ), θ in [0, π].
public struct EulerAngles: Sendable, Equatable {
  /// The RY angle.
  public var theta: Double
  /// The last (leftmost) RZ angle.
  public var phi: Double
  /// The first (rightmost) RZ angle.
  public var lambda: Double
  /// The global phase α.
  public var phase: Double

  /// Tolerance below which an amplitude counts as zero.
  static let epsilon = 1e-12

  /// The ZYZ angles of a 2x2 unitary.
  public init(_ u: Matrix2) {
    let c = u.m00.length, s = u.m10.length
    theta = 2 * atan2(s, c)
    if s < Self.epsilon {
      phi = u.m11.phase - u.m00.phase
      lambda = 0
      phase = u.m00.phase + phi / 2
    } else if c < Self.epsilon {
      phi = u.m10.phase - (-u.m01).phase
      lambda = 0
      phase = u.m10.phase - phi / 2
    } else {
      phi = u.m10.phase - u.m00.phase
      lambda = u.m11.phase - u.m10.phase
      phase = u.m00.phase + (phi + lambda) / 2
    }
  }

  /// True when the unitary is the identity up to global phase.
  public var isIdentity: Bool { abs(theta) < 1e-10 && abs(normalizedAngle(phi + lambda)) < 1e-10 }
}

/// `a` wrapped into (−π, π].
public func normalizedAngle(_ a: Double) -> Double {
  var r = a.truncatingRemainder(dividingBy: 2 * .pi)
  if r <= -.pi { r += 2 * .pi }
  if r > .pi { r -= 2 * .pi }
  return r
}
