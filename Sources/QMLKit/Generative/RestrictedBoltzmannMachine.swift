import Foundation
import QuantumSim

/// A binary restricted Boltzmann machine with n visible and h hidden units, marginal
/// p(v) ∝ exp(bᵀv) Π_j (1 + exp(c_j + W_j·v)), trained by Adam on the EXACT average
/// log-likelihood: for n ≤ 12 visible units the partition function and the model expectations
/// of the gradient are sums over all 2^n visible states (no contrastive divergence, no
/// sampling), so training is deterministic given the seed of the initial weights
/// (W ~ N(0, 0.01²), biases 0). An L2 penalty (λ/2)‖W‖² is subtracted from the objective.
public struct RestrictedBoltzmannMachine: Sendable, Equatable {
  /// Hidden units h.
  public var hidden: Int
  /// Adam steps.
  public var iterations: Int
  /// Adam learning rate.
  public var learningRate: Double
  /// L2 penalty λ on the weights.
  public var weightDecay: Double

  /// An RBM with `hidden` hidden units.
  public init(hidden: Int, iterations: Int = 400, learningRate: Double = 0.05, weightDecay: Double = 1e-4) {
    self.hidden = hidden
    self.iterations = iterations
    self.learningRate = learningRate
    self.weightDecay = weightDecay
  }

  /// The parameters as one flat vector: W (h × n, row-major), then b (n), then c (h).
  public struct Parameters: Sendable, Equatable {
    /// Visible units.
    public let visible: Int
    /// Hidden units.
    public let hidden: Int
    /// W, b, c flattened.
    public var values: [Double]

    func w(_ j: Int, _ k: Int) -> Double { values[j * visible + k] }
    func b(_ k: Int) -> Double { values[hidden * visible + k] }
    func c(_ j: Int) -> Double { values[hidden * visible + visible + j] }

    /// ln of the unnormalized marginal, bᵀv + Σ_j softplus(c_j + W_j·v).
    public func logWeight(_ v: Int) -> Double {
      var s = 0.0
      for k in 0..<visible where bit(v, k) == 1 { s += b(k) }
      for j in 0..<hidden { s += softplus(preactivation(j, v)) }
      return s
    }

    func preactivation(_ j: Int, _ v: Int) -> Double {
      var a = c(j)
      for k in 0..<visible where bit(v, k) == 1 { a += w(j, k) }
      return a
    }

    /// The exact marginal distribution over the 2^n visible states.
    public func distribution() throws -> DiscreteDistribution {
      let lw = (0..<(1 << visible)).map(logWeight)
      let m = lw.max() ?? 0
      return try DiscreteDistribution(bitCount: visible, weights: lw.map { exp($0 - m) })
    }

    /// Σ_v d(v) ln p(v) for data probabilities d (exact, by enumeration).
    public func averageLogLikelihood(_ data: [Double]) -> Double {
      let lw = (0..<(1 << visible)).map(logWeight)
      let m = lw.max() ?? 0
      let logZ = m + log(lw.reduce(0) { $0 + exp($1 - m) })
      var s = 0.0
      for v in data.indices where data[v] > 0 { s += data[v] * (lw[v] - logZ) }
      return s
    }

    /// The exact gradient of `averageLogLikelihood` (data expectation minus model expectation).
    public func gradient(_ data: [Double]) throws -> [Double] {
      let p = try distribution().probabilities
      var g = [Double](repeating: 0, count: values.count)
      for v in 0..<(1 << visible) {
        let d = data[v] - p[v]
        if d == 0 { continue }
        for k in 0..<visible where bit(v, k) == 1 { g[hidden * visible + k] += d }
        for j in 0..<hidden {
          let s = d * sigmoid(preactivation(j, v))
          g[hidden * visible + visible + j] += s
          for k in 0..<visible where bit(v, k) == 1 { g[j * visible + k] += s }
        }
      }
      return g
    }
  }

  /// Trains on data probabilities over the 2^n bitstrings (the normalized training counts).
  /// - Throws: `ModelError` for bad settings or data; `Cancelled`.
  public func fit(data: [Double], bitCount n: Int, seed: UInt64) throws -> Parameters {
    guard hidden >= 1 else { throw ModelError.invalidHyperparameter("RBM hidden units must be at least 1") }
    guard iterations >= 0, learningRate.isFinite, learningRate > 0 else {
      throw ModelError.invalidHyperparameter("RBM iterations and learning rate must be positive")
    }
    guard weightDecay.isFinite && weightDecay >= 0 else {
      throw ModelError.invalidHyperparameter("RBM weight decay must be non-negative")
    }
    guard data.count == 1 << n else { throw ModelError.invalidData("\(data.count) data probabilities for \(n) bits") }
    var rng = SeededGenerator(seed: seed)
    var values = [Double](repeating: 0, count: hidden * n + n + hidden)
    for i in 0..<(hidden * n) { values[i] = 0.01 * rng.nextGaussian() }
    var params = Parameters(visible: n, hidden: hidden, values: values)
    var adam = Adam(learningRate: learningRate)
    for _ in 0..<iterations {
      try Cancellation.check()
      var g = try params.gradient(data)
      for i in 0..<(hidden * n) { g[i] -= weightDecay * params.values[i] }
      let descent = g.map { -$0 }  // Adam minimizes; we maximize the log-likelihood
      guard descent.allSatisfy(\.isFinite) else { throw ModelError.diverged("RBM gradient is not finite") }
      adam.step(&params.values, gradient: descent)
    }
    return params
  }
}

/// ln(1 + eˣ) without overflow.
func softplus(_ x: Double) -> Double { x > 30 ? x : log1p(exp(x)) }

/// 1 / (1 + e⁻ˣ).
func sigmoid(_ x: Double) -> Double { x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)) }
