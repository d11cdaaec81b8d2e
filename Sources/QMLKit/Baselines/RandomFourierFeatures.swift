import Foundation

/// A random Fourier feature map over a list of frequency vectors ω_1 ... ω_D: φ ↦
/// [cos(ω_k·φ), sin(ω_k·φ)]_k / √D, so that z(φ)·z(φ') = (1/D) Σ_k cos(ω_k·(φ − φ')).
public struct RandomFourierFeatures: Sendable {
  /// The frequency vectors, one per feature pair.
  public let frequencies: [[Double]]

  /// A map over `frequencies` (all of the same length, at least one).
  public init(frequencies: [[Double]]) {
    precondition(!frequencies.isEmpty, "random Fourier features need at least one frequency")
    self.frequencies = frequencies
  }

  /// 2D features of one input (φ has the frequencies' length).
  public func transform(_ phi: [Double]) -> [Double] {
    let norm = 1 / Double(frequencies.count).squareRoot()
    var out = [Double](repeating: 0, count: 2 * frequencies.count)
    for (k, w) in frequencies.enumerated() {
      var t = 0.0
      for j in w.indices { t += w[j] * phi[j] }
      out[2 * k] = norm * cos(t)
      out[2 * k + 1] = norm * sin(t)
    }
    return out
  }
}
