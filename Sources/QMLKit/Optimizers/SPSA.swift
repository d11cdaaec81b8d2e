import Foundation
import QuantumSim

/// Simultaneous perturbation stochastic approximation (Spall 1998): two loss evaluations per
/// step, whatever the number of parameters, so it suits shot-based and noisy runs.
///
/// Step k: a_k = a / (k + 1 + A)^α, c_k = c / (k + 1)^γ, Δ ∈ {±1}^p (seeded),
/// ĝ = (L(x + c_k Δ) − L(x − c_k Δ)) / (2 c_k) · Δ, x ← x − a_k ĝ. Spall's α = 0.602, γ = 0.101.
public struct SPSA: Sendable {
  /// Gain a.
  public var a: Double
  /// Perturbation size c.
  public var c: Double
  /// Stability constant A.
  public var stability: Double
  /// Decay exponents α, γ.
  public var alpha: Double, gamma: Double
  private var k = 0
  private var rng: SeededGenerator

  /// SPSA with gain `a`, perturbation `c`, seeded.
  public init(a: Double = 0.1, c: Double = 0.1, stability: Double = 0, alpha: Double = 0.602, gamma: Double = 0.101, seed: UInt64 = 0) {
    self.a = a
    self.c = c
    self.stability = stability
    self.alpha = alpha
    self.gamma = gamma
    self.rng = SeededGenerator(seed: seed)
  }

  /// One SPSA update of `x`; `loss` is called twice.
  public mutating func step(_ x: inout [Double], loss: ([Double]) throws -> Double) rethrows {
    let ak = a / pow(Double(k) + 1 + stability, alpha)
    let ck = c / pow(Double(k) + 1, gamma)
    k += 1
    let delta = x.indices.map { _ in rng.next() & 1 == 0 ? 1.0 : -1.0 }
    let plus = zip(x, delta).map { $0 + ck * $1 }, minus = zip(x, delta).map { $0 - ck * $1 }
    let diff = (try loss(plus) - loss(minus)) / (2 * ck)
    for i in x.indices { x[i] -= ak * diff * delta[i] }
  }
}
