import Foundation
import QuantumSim

/// A mixture of K product-Bernoulli components, p(x) = Σ_k π_k Π_i μ_ki^{x_i} (1 − μ_ki)^{1−x_i},
/// fitted by expectation-maximization (Dempster, Laird & Rubin 1977). The M step adds α
/// pseudo-counts to each bit mean (a Beta(1 + α, 1 + α) prior, MAP-EM), so the objective
/// log-likelihood + α Σ_ki (ln μ_ki + ln(1 − μ_ki)) never decreases; α = 0 is plain MLE-EM.
/// Initial means are uniform in [0.25, 0.75] from the seed, weights 1/K.
public struct BernoulliMixture: Sendable, Equatable {
  /// Number of components K.
  public var components: Int
  /// Pseudo-count α per bit mean.
  public var smoothing: Double
  /// Maximum EM iterations.
  public var iterations: Int
  /// Stop when the objective rises by less than this.
  public var tolerance: Double

  /// A mixture with `components` components.
  public init(components: Int, smoothing: Double = 0.01, iterations: Int = 300, tolerance: Double = 1e-10) {
    self.components = components
    self.smoothing = smoothing
    self.iterations = iterations
    self.tolerance = tolerance
  }

  /// The fitted parameters and the objective after the initialization and every EM step.
  public struct Fit: Sendable {
    /// Mixture weights π_k.
    public let weights: [Double]
    /// Bit means μ_ki (component-major).
    public let means: [[Double]]
    /// The objective (per-sample log-likelihood plus the prior term, divided by N) per step.
    public let objective: [Double]
    /// The fitted distribution.
    public let distribution: DiscreteDistribution
  }

  /// Runs EM on counts over the 2^n bitstrings.
  /// - Throws: `ModelError` for bad settings or no data.
  public func fit(counts: [Double], bitCount n: Int, seed: UInt64) throws -> Fit {
    guard components >= 1 else { throw ModelError.invalidHyperparameter("mixture components must be at least 1") }
    guard smoothing.isFinite && smoothing >= 0 else {
      throw ModelError.invalidHyperparameter("mixture smoothing must be non-negative")
    }
    let total: Double = counts.reduce(0.0) { $0 + $1 }
    guard total > 0, counts.count == 1 << n else { throw ModelError.invalidData("no training bitstrings") }
    let xs = counts.indices.filter { counts[$0] > 0 }
    let K = components
    var rng = SeededGenerator(seed: seed)
    var pi = [Double](repeating: 1 / Double(K), count: K)
    var mu = (0..<K).map { _ in (0..<n).map { _ in 0.25 + 0.5 * rng.nextUnit() } }
    var history: [Double] = []
    var resp = [[Double]](repeating: [Double](repeating: 0, count: K), count: xs.count)

    func objective() -> Double {
      var ll = 0.0
      for (r, x) in xs.enumerated() {
        var lps = [Double](repeating: 0, count: K)
        for k in 0..<K { lps[k] = log(pi[k]) + Self.logComponent(x, mu[k]) }
        let m = lps.max() ?? 0
        let lse = m + log(lps.reduce(0) { $0 + exp($1 - m) })
        ll += counts[x] * lse
        for k in 0..<K { resp[r][k] = exp(lps[k] - lse) }
      }
      var prior = 0.0
      if smoothing > 0 { for k in 0..<K { for i in 0..<n { prior += smoothing * (log(mu[k][i]) + log(1 - mu[k][i])) } } }
      return (ll + prior) / total
    }

    history.append(objective())
    for _ in 0..<max(iterations, 0) {
      try Cancellation.check()
      // M step from the responsibilities computed by the last objective() call.
      for k in 0..<K {
        var nk = 0.0
        var s = [Double](repeating: 0, count: n)
        for (r, x) in xs.enumerated() {
          let w = counts[x] * resp[r][k]
          nk += w
          for i in 0..<n where bit(x, i) == 1 { s[i] += w }
        }
        pi[k] = max(nk / total, 1e-300)
        let denom = nk + 2 * smoothing
        mu[k] = (0..<n).map { i in denom > 0 ? min(max((s[i] + smoothing) / denom, 1e-12), 1 - 1e-12) : 0.5 }
      }
      let value = objective()
      let previous = history.last ?? -.infinity
      history.append(value)
      if value - previous < tolerance { break }
    }
    let w = (0..<(1 << n)).map { x in (0..<K).reduce(0.0) { $0 + pi[$1] * exp(Self.logComponent(x, mu[$1])) } }
    return Fit(weights: pi, means: mu, objective: history, distribution: try DiscreteDistribution(bitCount: n, weights: w))
  }

  /// ln Π_i μ_i^{x_i} (1 − μ_i)^{1 − x_i}.
  static func logComponent(_ x: Int, _ mu: [Double]) -> Double {
    var s = 0.0
    for i in mu.indices { s += bit(x, i) == 1 ? log(mu[i]) : log(1 - mu[i]) }
    return s
  }
}
