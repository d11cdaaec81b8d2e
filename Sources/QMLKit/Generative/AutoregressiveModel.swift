import Foundation

/// A fully visible sigmoid belief network (Neal 1992; the logistic autoregressive model of
/// NADE's baselines): p(x) = Π_i p(x_i | x_<i) with p(x_i = 1 | x_<i) = σ(a_i + Σ_{j<i} W_ij x_j).
/// The likelihood separates over i, so each conditional is an L2-penalized logistic regression
/// on the previous bits, fitted here to its optimum by Newton's method with backtracking on
/// min Σ_x d(x) NLL_i(x) + (λ/2)(a_i² + Σ_j W_ij²) for data probabilities d.
public struct AutoregressiveModel: Sendable, Equatable {
  /// The L2 penalty λ (> 0 keeps the fit finite on deterministic conditionals).
  public var penalty: Double
  /// Newton iterations per conditional.
  public var iterations: Int

  /// A model with penalty λ.
  public init(penalty: Double = 1e-3, iterations: Int = 100) {
    self.penalty = penalty
    self.iterations = iterations
  }

  /// The fitted conditionals: row i holds [a_i, W_i0, ..., W_i(i−1)].
  public struct Parameters: Sendable, Equatable {
    /// Per-bit coefficients (bias first).
    public let rows: [[Double]]

    /// p(x_i = 1 | x_<i).
    public func conditional(_ i: Int, _ x: Int) -> Double {
      let r = rows[i]
      var a = r[0]
      for j in 0..<i where bit(x, j) == 1 { a += r[j + 1] }
      return sigmoid(a)
    }

    /// The exact distribution by enumeration.
    public func distribution() throws -> DiscreteDistribution {
      let n = rows.count
      let w = (0..<(1 << n)).map { x in
        (0..<n).reduce(1.0) { acc, i in
          let p = conditional(i, x)
          return acc * (bit(x, i) == 1 ? p : 1 - p)
        }
      }
      return try DiscreteDistribution(bitCount: n, weights: w)
    }
  }

  /// Fits every conditional to data probabilities over the 2^n bitstrings.
  /// - Throws: `ModelError` for bad settings or data, or a singular Newton system.
  public func fit(data: [Double], bitCount n: Int) throws -> Parameters {
    guard penalty.isFinite && penalty > 0 else {
      throw ModelError.invalidHyperparameter("autoregressive penalty must be positive, got \(penalty)")
    }
    guard data.count == 1 << n else { throw ModelError.invalidData("\(data.count) data probabilities for \(n) bits") }
    let xs = data.indices.filter { data[$0] > 0 }
    var rows: [[Double]] = []
    for i in 0..<n {
      let dim = i + 1
      func features(_ x: Int) -> [Double] { [1] + (0..<i).map { Double(bit(x, $0)) } }
      func objective(_ w: [Double]) -> Double {
        var s = 0.0
        for x in xs {
          let f = features(x)
          let a = zip(w, f).reduce(0) { $0 + $1.0 * $1.1 }
          // −ln σ(a) = softplus(−a); −ln(1 − σ(a)) = softplus(a)
          s += data[x] * (bit(x, i) == 1 ? softplus(-a) : softplus(a))
        }
        return s + 0.5 * penalty * w.reduce(0) { $0 + $1 * $1 }
      }
      var w = [Double](repeating: 0, count: dim)
      var value = objective(w)
      for _ in 0..<max(iterations, 1) {
        var g = w.map { penalty * $0 }
        var h = [Double](repeating: 0, count: dim * dim)
        for r in 0..<dim { h[r * dim + r] = penalty }
        for x in xs {
          let f = features(x)
          let s = sigmoid(zip(w, f).reduce(0) { $0 + $1.0 * $1.1 })
          let y = Double(bit(x, i))
          for r in 0..<dim {
            g[r] += data[x] * (s - y) * f[r]
            for c in 0...r { h[r * dim + c] += data[x] * s * (1 - s) * f[r] * f[c] }
          }
        }
        let step = try _choleskySolve(h, n: dim, rhs: g, columns: 1, model: "autoregressive")
        var t = 1.0, next = w, nextValue = value
        while t > 1e-10 {
          next = zip(w, step).map { $0 - t * $1 }
          nextValue = objective(next)
          if nextValue <= value { break }
          t /= 2
        }
        if nextValue > value { break }
        let moved = zip(w, next).reduce(0) { max($0, abs($1.0 - $1.1)) }
        w = next
        value = nextValue
        if moved < 1e-12 { break }
      }
      rows.append(w)
    }
    return Parameters(rows: rows)
  }
}
