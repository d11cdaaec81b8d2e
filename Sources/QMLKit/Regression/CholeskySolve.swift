// Implementation goal: what scipy.linalg.solve(A, b, assume_a="pos") does (LAPACK posv, a
// Cholesky factorisation A = L L^T then two triangular solves), which scikit-learn's Ridge
// and KernelRidge use, so the solutions agree to rounding.

/// Solves A x = b for a symmetric positive definite `a` (n x n, row-major; only the lower
/// triangle is read) and every column of `rhs` (n x m, row-major). Returns x (n x m).
///
/// - Throws: `ModelError.invalidData` when `a` is not numerically positive definite.
func _choleskySolve(_ a: [Double], n: Int, rhs: [Double], columns m: Int, model: String) throws -> [Double] {
  precondition(a.count == n * n && rhs.count == n * m, "Cholesky: shapes")
  var l = [Double](repeating: 0, count: n * n)
  for j in 0..<n {
    var d = a[j * n + j]
    for k in 0..<j { d -= l[j * n + k] * l[j * n + k] }
    guard d > 0, d.isFinite else {
      throw ModelError.invalidData("\(model): the system matrix is not positive definite (pivot \(j) is \(d))")
    }
    let ljj = d.squareRoot()
    l[j * n + j] = ljj
    for i in (j + 1)..<max(j + 1, n) {
      var s = a[i * n + j]
      for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
      l[i * n + j] = s / ljj
    }
  }
  var x = rhs
  for c in 0..<m {
    // L z = b
    for i in 0..<n {
      var s = x[i * m + c]
      for k in 0..<i { s -= l[i * n + k] * x[k * m + c] }
      x[i * m + c] = s / l[i * n + i]
    }
    // L^T x = z
    var i = n - 1
    while i >= 0 {
      var s = x[i * m + c]
      for k in (i + 1)..<max(i + 1, n) { s -= l[k * n + i] * x[k * m + c] }
      x[i * m + c] = s / l[i * n + i]
      i -= 1
    }
  }
  return x
}
