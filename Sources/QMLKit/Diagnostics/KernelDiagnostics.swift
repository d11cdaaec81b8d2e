import Foundation

/// Spread of a kernel's off-diagonal values: exponential concentration (Thanasilp et al. 2022,
/// "Exponential concentration in quantum kernel methods") shows up as a variance near zero.
public struct KernelConcentration: Sendable, Equatable {
  /// Mean of the off-diagonal entries (i < j).
  public var mean: Double
  /// Population variance of the off-diagonal entries (i < j).
  public var variance: Double
}

/// Mean and variance of the strictly upper-triangular entries of a square kernel matrix.
/// - Throws: `ModelError.invalidData` for a non-square matrix or fewer than 2 rows.
public func kernelConcentration(_ K: Matrix) throws -> KernelConcentration {
  guard K.rows == K.columns, K.rows >= 2 else {
    throw ModelError.invalidData("kernel concentration needs a square matrix with at least 2 rows, got \(K.rows) x \(K.columns)")
  }
  var values: [Double] = []
  for i in 0..<K.rows { for j in (i + 1)..<K.columns { values.append(K[i, j]) } }
  let mean = values.reduce(0, +) / Double(values.count)
  let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
  return KernelConcentration(mean: mean, variance: variance)
}

/// Kernel-target alignment (Cristianini, Shawe-Taylor, Elisseeff & Kandola 2001):
/// A = ⟨K, Y⟩_F / (‖K‖_F ‖Y‖_F) with Y_ij = +1 when labels i and j agree and −1 otherwise
/// (Y = yyᵀ for binary labels y ∈ {±1}). 1 is perfect alignment.
/// - Throws: `ModelError.invalidData` for mismatched sizes or an all-zero kernel.
public func kernelTargetAlignment(_ K: Matrix, labels: [Int]) throws -> Double {
  let n = labels.count
  guard K.rows == n, K.columns == n, n >= 1 else {
    throw ModelError.invalidData("kernel-target alignment needs an \(n) x \(n) kernel, got \(K.rows) x \(K.columns)")
  }
  var inner = 0.0, norm = 0.0
  for i in 0..<n {
    for j in 0..<n {
      let k = K[i, j]
      inner += labels[i] == labels[j] ? k : -k
      norm += k * k
    }
  }
  guard norm > 0 else { throw ModelError.invalidData("kernel-target alignment of an all-zero kernel") }
  return inner / (norm.squareRoot() * Double(n))
}

/// Geometric difference g(K_C ‖ K_Q) of Huang et al. 2021 ("Power of data in quantum machine
/// learning", Nat. Commun. 12, 2631), eq. (5) and its regularised form (Supplementary F):
///
///   g = sqrt(‖ √K_Q √K_C (K_C + λI)^−2 √K_C √K_Q ‖_∞),
///
/// with both kernels first scaled to trace N, as the paper does. λ = 0 gives
/// sqrt(‖√K_Q K_C^−1 √K_Q‖_∞), with K_C^−1 taken as the pseudo-inverse (eigenvalues below
/// 1e-12 · the largest are dropped). ‖·‖_∞ is the spectral norm. A small g (≈ 1) means the
/// classical kernel can match the quantum one on this data; a large g leaves room for an advantage.
/// Eigendecompositions by Jacobi (`SymmetricEigen`); negative eigenvalues of the inputs
/// (rounding, shot noise) are clipped to 0.
/// - Throws: `ModelError.invalidData` for non-square, mismatched or zero-trace kernels,
///   `ModelError.invalidHyperparameter` for a negative λ.
public func geometricDifference(classical KC: Matrix, quantum KQ: Matrix, regularization lambda: Double = 0) throws -> Double {
  let n = KC.rows
  guard KC.columns == n, KQ.rows == n, KQ.columns == n, n >= 1 else {
    throw ModelError.invalidData("geometric difference needs two N x N kernels, got \(KC.rows) x \(KC.columns) and \(KQ.rows) x \(KQ.columns)")
  }
  guard lambda >= 0, lambda.isFinite else {
    throw ModelError.invalidHyperparameter("regularization must be non-negative, got \(lambda)")
  }
  func normalised(_ K: Matrix, _ name: String) throws -> [[Double]] {
    let tr = (0..<n).reduce(0.0) { $0 + K[$1, $1] }
    guard tr > 0, tr.isFinite else { throw ModelError.invalidData("the \(name) kernel has trace \(tr)") }
    return (0..<n).map { i in (0..<n).map { j in (K[i, j] + K[j, i]) / 2 * Double(n) / tr } }
  }
  let c = SymmetricEigen(try normalised(KC, "classical"))
  let q = SymmetricEigen(try normalised(KQ, "quantum"))
  let cutoff = 1e-12 * max(c.values.first ?? 0, 0)
  // √K_C (K_C + λI)^−2 √K_C = V diag(μ / (μ + λ)²) Vᵀ  (λ = 0: the pseudo-inverse).
  let middle = c.values.map { mu -> Double in
    let m = max(mu, 0)
    if lambda == 0 { return m > cutoff ? 1 / m : 0 }
    return m / ((m + lambda) * (m + lambda))
  }
  let A = compose(c.vectors, middle)
  let S = compose(q.vectors, q.values.map { max($0, 0).squareRoot() })
  let M = multiply(multiply(S, A), S)
  let sym = (0..<n).map { i in (0..<n).map { j in (M[i][j] + M[j][i]) / 2 } }
  let top = SymmetricEigen(sym).values.first ?? 0
  return max(top, 0).squareRoot()
}

/// V diag(d) Vᵀ with eigenvectors given as rows of `rows`.
private func compose(_ rows: [[Double]], _ d: [Double]) -> [[Double]] {
  let n = rows.count
  var out = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
  for k in 0..<n where d[k] != 0 {
    let v = rows[k]
    for i in 0..<n {
      let a = d[k] * v[i]
      for j in 0..<n { out[i][j] += a * v[j] }
    }
  }
  return out
}

private func multiply(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
  let n = a.count, m = b.first?.count ?? 0
  var out = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
  for i in 0..<n {
    for k in 0..<b.count where a[i][k] != 0 {
      let x = a[i][k]
      for j in 0..<m { out[i][j] += x * b[k][j] }
    }
  }
  return out
}
