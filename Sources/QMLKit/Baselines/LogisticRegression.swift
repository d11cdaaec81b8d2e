import Foundation

/// L2-regularised logistic regression, scikit-learn's `LogisticRegression(C=...)` with
/// its default lbfgs solver: binomial (one weight vector, positive = class 1) for two
/// classes, multinomial softmax (one weight vector per class) for more.
///
/// Minimises `sum_i loss_i + ||W||^2 / (2C)` with an unpenalised intercept, by L-BFGS to a
/// tight gradient tolerance (so coefficients match scikit-learn run to convergence).
/// Scores are class probabilities.
public struct LogisticRegression: Classifier {
  /// Inverse regularisation strength (larger = weaker penalty); positive.
  public var C: Double
  /// L-BFGS iteration limit.
  public var maxIterations: Int
  /// Stop when every gradient entry of the per-sample objective is below this.
  public var tolerance: Double
  /// Coefficients: one row per class for multinomial, a single row for binary.
  public private(set) var coefficients: [[Double]] = []
  /// Intercepts, aligned with `coefficients` (multinomial intercepts sum to zero).
  public private(set) var intercepts: [Double] = []
  /// L-BFGS iterations used by the last fit.
  public private(set) var iterations = 0
  private var classCount = 0

  /// A model with inverse regularisation `C`.
  public init(C: Double = 1, maxIterations: Int = 2000, tolerance: Double = 1e-9) {
    self.C = C
    self.maxIterations = maxIterations
    self.tolerance = tolerance
  }

  /// Fits by L-BFGS.
  ///
  /// - Throws: `ModelError.invalidHyperparameter` for C <= 0, `ModelError.invalidData`
  ///   for bad rows or labels, `ModelError.diverged` for a non-finite objective,
  ///   `ModelError.notConverged` when L-BFGS stops at its limit far from optimal.
  public mutating func fit(features: [[Double]], labels: [Int], classCount: Int) throws {
    guard C > 0, C.isFinite else { throw ModelError.invalidHyperparameter("logistic regression C must be positive, got \(C)") }
    try _validateTraining(features: features, labels: labels, classCount: classCount, model: "logistic regression")
    let n = features.count
    let d = features[0].count
    let rows = classCount == 2 ? 1 : classCount
    let x = features.flatMap { $0 }
    let penalty = 1 / (C * Double(n))
    let invN = 1 / Double(n)
    let objective: ([Double]) -> (Double, [Double]) = { w in
      var f = 0.0
      var grad = [Double](repeating: 0, count: w.count)
      var z = [Double](repeating: 0, count: rows)
      for i in 0..<n {
        let xb = i * d
        for r in 0..<rows {
          var s = w[rows * d + r]
          let wb = r * d
          for j in 0..<d { s += w[wb + j] * x[xb + j] }
          z[r] = s
        }
        if rows == 1 {
          let y = labels[i] == 1 ? 1.0 : 0.0
          let zz = z[0]
          // log(1 + e^z) - y z, stably.
          f += (zz > 0 ? zz + log1p(exp(-zz)) : log1p(exp(zz))) - y * zz
          let p = zz >= 0 ? 1 / (1 + exp(-zz)) : exp(zz) / (1 + exp(zz))
          z[0] = p - y
        } else {
          var m = -Double.infinity
          for r in 0..<rows { m = max(m, z[r]) }
          var sum = 0.0
          for r in 0..<rows { sum += exp(z[r] - m) }
          let lse = m + log(sum)
          f += lse - z[labels[i]]
          for r in 0..<rows { z[r] = exp(z[r] - lse) - (r == labels[i] ? 1 : 0) }
        }
        for r in 0..<rows {
          let e = z[r]
          grad[rows * d + r] += e
          let wb = r * d
          for j in 0..<d { grad[wb + j] += e * x[xb + j] }
        }
      }
      f *= invN
      for k in 0..<grad.count { grad[k] *= invN }
      for k in 0..<(rows * d) {
        f += 0.5 * penalty * w[k] * w[k]
        grad[k] += penalty * w[k]
      }
      return (f, grad)
    }
    let solver = _LBFGS(gradientTolerance: tolerance, maxIterations: maxIterations)
    let result = solver.minimize(start: [Double](repeating: 0, count: rows * (d + 1)), objective: objective)
    guard result.value.isFinite, result.x.allSatisfy(\.isFinite) else {
      throw ModelError.diverged("logistic regression (C=\(C)) objective is not finite")
    }
    if !result.converged {
      // Accept a near-stationary point (the gradient is tiny relative to the problem).
      let g = objective(result.x).1.reduce(0) { max($0, abs($1)) }
      if g > 1e-5 {
        throw ModelError.notConverged("logistic regression (C=\(C)) stopped after \(result.iterations) L-BFGS iterations, max |gradient| \(g)")
      }
    }
    var w = result.x
    if rows > 1 {
      // Intercepts are defined up to a common shift; fix it at sum zero (scikit-learn's lbfgs
      // path starts at zero and never leaves that subspace).
      let mean = (0..<rows).reduce(0) { $0 + w[rows * d + $1] } / Double(rows)
      for r in 0..<rows { w[rows * d + r] -= mean }
    }
    coefficients = (0..<rows).map { Array(w[($0 * d)..<(($0 + 1) * d)]) }
    intercepts = Array(w[(rows * d)...])
    iterations = result.iterations
    self.classCount = classCount
  }

  /// Class probabilities per sample.
  public func scores(_ features: [[Double]]) throws -> [[Double]] {
    guard classCount > 0 else { throw ModelError.notFitted }
    try _validateRows(features, width: coefficients[0].count, model: "logistic regression")
    return features.map { row in
      let z = zip(coefficients, intercepts).map { w, b in zip(w, row).reduce(b) { $0 + $1.0 * $1.1 } }
      if classCount == 2 {
        let p = z[0] >= 0 ? 1 / (1 + exp(-z[0])) : exp(z[0]) / (1 + exp(z[0]))
        return [1 - p, p]
      }
      let m = z.max()!
      let e = z.map { exp($0 - m) }
      let s = e.reduce(0, +)
      return e.map { $0 / s }
    }
  }
}
