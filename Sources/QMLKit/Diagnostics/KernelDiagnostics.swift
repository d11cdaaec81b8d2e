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
/// Eigendecompositions by `SymmetricEigen` (Householder + QL); negative eigenvalues of the inputs
/// (rounding, shot noise) are clipped to 0.
/// - Complexity: O(N³), two eigendecompositions with eigenvectors and one of values only.
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
  func normalised(_ K: Matrix, _ name: String) throws -> [Double] {
    let tr = (0..<n).reduce(0.0) { $0 + K[$1, $1] }
    guard tr > 0, tr.isFinite else { throw ModelError.invalidData("the \(name) kernel has trace \(tr)") }
    var out = [Double](repeating: 0, count: n * n)
    for i in 0..<n { for j in 0..<n { out[i * n + j] = (K[i, j] + K[j, i]) / 2 * Double(n) / tr } }
    return out
  }
  let c = SymmetricEigen.decompose(rowMajor: try normalised(KC, "classical"), n: n, vectors: true)
  let q = SymmetricEigen.decompose(rowMajor: try normalised(KQ, "quantum"), n: n, vectors: true)
  let cutoff = 1e-12 * max(c.values.first ?? 0, 0)
  // √K_C (K_C + λI)^−2 √K_C = V_C diag(μ) V_Cᵀ, μ = m / (m + λ)²  (λ = 0: 1 / m, the pseudo-inverse).
  let middle = c.values.map { value -> Double in
    let m = max(value, 0)
    if lambda == 0 { return m > cutoff ? 1 / m : 0 }
    return m / ((m + lambda) * (m + lambda))
  }
  // With √K_Q = V_Q diag(√σ) V_Qᵀ the matrix under the norm is V_Q B Bᵀ V_Qᵀ, B = diag(√σ) V_Qᵀ V_C diag(√μ).
  // V_Q is orthogonal, so its largest eigenvalue is that of B Bᵀ (equally BᵀB), and B only needs
  // the rows with σ > 0 and the columns with μ > 0.
  let rows = (0..<n).filter { q.values[$0] > 0 }
  let columns = (0..<n).filter { middle[$0] > 0 }
  guard !rows.isEmpty, !columns.isEmpty else { return 0 }
  let p = rows.count, r = columns.count
  var B = [Double](repeating: 0, count: p * r)
  q.vectors.withUnsafeBufferPointer { VQ in
    c.vectors.withUnsafeBufferPointer { VC in
      for (a, i) in rows.enumerated() {
        let sigma = q.values[i].squareRoot(), qi = i * n
        for (b, k) in columns.enumerated() {
          let ck = k * n
          var s = 0.0
          for t in 0..<n { s += VQ[qi + t] * VC[ck + t] }
          B[a * r + b] = sigma * s * middle[k].squareRoot()
        }
      }
    }
  }
  // Gram matrix of the rows of B, or of its columns when there are fewer.
  let (m, len, F) = p <= r ? (p, r, B) : (r, p, transpose(B, rows: p, columns: r))
  var G = [Double](repeating: 0, count: m * m)
  F.withUnsafeBufferPointer { P in
    for x in 0..<m {
      for y in x..<m {
        var s = 0.0
        for t in 0..<len { s += P[x * len + t] * P[y * len + t] }
        G[x * m + y] = s
        G[y * m + x] = s
      }
    }
  }
  let top = SymmetricEigen.decompose(rowMajor: G, n: m, vectors: false).values.first ?? 0
  return max(top, 0).squareRoot()
}

/// The transpose of the row-major `rows × columns` buffer `a`.
private func transpose(_ a: [Double], rows: Int, columns: Int) -> [Double] {
  var out = [Double](repeating: 0, count: a.count)
  for i in 0..<rows { for j in 0..<columns { out[j * rows + i] = a[i * columns + j] } }
  return out
}
