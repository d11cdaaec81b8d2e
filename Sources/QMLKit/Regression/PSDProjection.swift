/// The nearest positive semidefinite matrix (in Frobenius norm) to a symmetric kernel matrix:
/// its negative eigenvalues clipped to 0 ("spectrum clipping"). Shot noise and device noise make
/// estimated Gram matrices slightly indefinite, and kernel ridge regression with a small penalty
/// then has no Cholesky factor; an SVM's SMO tolerates it, kernel ridge needs the projection.
public enum PSDProjection {
  /// `K` unchanged when its smallest eigenvalue is at least −`tolerance` · (largest |eigenvalue|),
  /// else `K` with its negative eigenvalues set to 0; and the smallest eigenvalue found.
  public static func project(_ K: Matrix, tolerance: Double = 1e-10) -> (matrix: Matrix, smallest: Double) {
    let n = K.rows
    guard n > 0, K.columns == n else { return (K, 0) }
    let values = SymmetricEigen.decompose(rowMajor: K.values, n: n, vectors: false).values
    let smallest = values.last ?? 0
    let scale = values.map(abs).max() ?? 0
    guard smallest < -tolerance * scale else { return (K, smallest) }
    let e = SymmetricEigen(rowMajor: K.values, n: n)
    var out = Matrix(rows: n, columns: n)
    for (k, v) in e.values.enumerated() where v > 0 {
      let u = e.vectors[k]
      for i in 0..<n {
        let a = v * u[i]
        for j in 0..<n { out[i, j] += a * u[j] }
      }
    }
    return (out, smallest)
  }
}
