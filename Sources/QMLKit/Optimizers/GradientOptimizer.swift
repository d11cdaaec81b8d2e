import Foundation

/// A first-order optimizer: updates parameters in place from a gradient of the loss.
public protocol GradientOptimizer: Sendable {
  /// One update of `parameters` against `gradient` (same length).
  mutating func step(_ parameters: inout [Double], gradient: [Double])
}

/// Adam (Kingma & Ba 2015) with bias correction, as PyTorch and PennyLane implement it:
/// m ← β1 m + (1−β1) g, v ← β2 v + (1−β2) g², x ← x − lr · m̂ / (√v̂ + ε).
public struct Adam: GradientOptimizer {
  /// Step size.
  public var learningRate: Double
  /// First-moment decay.
  public var beta1: Double
  /// Second-moment decay.
  public var beta2: Double
  /// Added to √v̂.
  public var epsilon: Double
  private var m: [Double] = []
  private var v: [Double] = []
  private var t = 0

  /// Adam with the usual defaults (β1 0.9, β2 0.999, ε 1e-8).
  public init(learningRate: Double = 0.01, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
  }

  public mutating func step(_ x: inout [Double], gradient g: [Double]) {
    precondition(x.count == g.count, "gradient and parameters differ in length")
    if m.count != x.count {
      m = [Double](repeating: 0, count: x.count)
      v = m
      t = 0
    }
    t += 1
    let c1 = 1 - pow(beta1, Double(t)), c2 = 1 - pow(beta2, Double(t))
    for i in x.indices {
      m[i] = beta1 * m[i] + (1 - beta1) * g[i]
      v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
      x[i] -= learningRate * (m[i] / c1) / ((v[i] / c2).squareRoot() + epsilon)
    }
  }
}

/// Gradient descent with (heavy-ball) momentum: u ← μ u + g, x ← x − lr · u.
public struct MomentumSGD: GradientOptimizer {
  /// Step size.
  public var learningRate: Double
  /// Momentum factor μ in [0, 1) (0 is plain gradient descent).
  public var momentum: Double
  private var u: [Double] = []

  /// SGD with momentum.
  public init(learningRate: Double = 0.01, momentum: Double = 0.9) {
    self.learningRate = learningRate
    self.momentum = momentum
  }

  public mutating func step(_ x: inout [Double], gradient g: [Double]) {
    precondition(x.count == g.count, "gradient and parameters differ in length")
    if u.count != x.count { u = [Double](repeating: 0, count: x.count) }
    for i in x.indices {
      u[i] = momentum * u[i] + g[i]
      x[i] -= learningRate * u[i]
    }
  }
}

