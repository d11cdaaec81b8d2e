import Foundation

/// Eigen-decomposition of a real symmetric matrix: Householder reduction to tridiagonal form,
/// then the implicit QL algorithm with Wilkinson shifts (Golub & Van Loan, Matrix Computations,
/// 4th ed., §8.3; the EISPACK `tred2`/`tql2` pair as in JAMA), on one flat row-major buffer.
/// Backward stable: eigenvalues are within a few ulps of the largest |eigenvalue|, eigenvectors
/// orthonormal to machine precision, also for repeated eigenvalues and rank-deficient matrices.
public struct SymmetricEigen: Sendable {
  /// Eigenvalues in descending order.
  public let values: [Double]
  /// Eigenvectors as rows, `vectors[k]` belonging to `values[k]` (unit length, sign as computed).
  public let vectors: [[Double]]

  /// Decomposes the symmetric `d × d` matrix `a`, read as (a + aᵀ) / 2 (only symmetric input is
  /// meaningful; a symmetric `a` is used as is).
  /// - Complexity: O(d³), about 9 d³ flops.
  public init(_ a: [[Double]]) {
    let n = a.count
    precondition(a.allSatisfy { $0.count == n }, "SymmetricEigen needs a square matrix, got \(n) rows of lengths \(Set(a.map(\.count)).sorted())")
    var flat: [Double] = []
    flat.reserveCapacity(n * n)
    for row in a { flat.append(contentsOf: row) }
    self.init(rowMajor: flat, n: n)
  }

  /// Decomposes the symmetric `n × n` matrix stored row-major in `a` (element (i, j) at
  /// `a[i * n + j]`, as `Matrix.values`), read as (a + aᵀ) / 2.
  public init(rowMajor a: [Double], n: Int) {
    let (vals, vecs) = Self.decompose(rowMajor: a, n: n, vectors: true)
    values = vals
    vectors = (0..<n).map { k in Array(vecs[(k * n)..<((k + 1) * n)]) }
  }

  /// Eigenvalues in descending order and, when `vectors` is true, the eigenvectors as the rows of a
  /// row-major `n × n` buffer (row k belongs to value k; empty when `vectors` is false).
  static func decompose(rowMajor a: [Double], n: Int, vectors: Bool) -> (values: [Double], vectors: [Double]) {
    precondition(n >= 0 && a.count == n * n, "SymmetricEigen needs \(n) x \(n) = \(n * n) values, got \(a.count)")
    guard n > 0 else { return ([], []) }
    // w holds the working matrix and then the eigenvectors as rows (the transpose of JAMA's V,
    // so that every inner loop below runs along a row).
    var w = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0..<n {
        let x = a[i * n + j], y = a[j * n + i]
        w[i * n + j] = x == y ? x : (x + y) / 2
      }
    }
    var d = [Double](repeating: 0, count: n)
    var e = [Double](repeating: 0, count: n)
    w.withUnsafeMutableBufferPointer { W in
      d.withUnsafeMutableBufferPointer { D in
        e.withUnsafeMutableBufferPointer { E in
          tridiagonalize(W, D, E, n, vectors: vectors)
          diagonalize(W, D, E, n, vectors: vectors)
        }
      }
    }
    let order = (0..<n).sorted { d[$0] > d[$1] || (d[$0] == d[$1] && $0 < $1) }
    let values = order.map { d[$0] }
    guard vectors else { return (values, []) }
    var rows = [Double]()
    rows.reserveCapacity(n * n)
    for k in order { rows.append(contentsOf: w[(k * n)..<((k + 1) * n)]) }
    return (values, rows)
  }
}

/// Householder reduction of the symmetric matrix in `W` to tridiagonal form (EISPACK `tred2`):
/// the diagonal in `D`, the subdiagonal in `E[1..<n]` (`E[0] = 0`) and, with `vectors`, the
/// accumulated orthogonal transformation in `W` as rows (otherwise `W` is left as scratch).
private func tridiagonalize(
  _ W: UnsafeMutableBufferPointer<Double>, _ D: UnsafeMutableBufferPointer<Double>,
  _ E: UnsafeMutableBufferPointer<Double>, _ n: Int, vectors: Bool
) {
  for j in 0..<n { D[j] = W[j * n + n - 1] }
  var i = n - 1
  while i > 0 {
    // Scale row i to avoid under- and overflow.
    var scale = 0.0
    var h = 0.0
    for k in 0..<i { scale += abs(D[k]) }
    if scale == 0 {
      E[i] = D[i - 1]
      for j in 0..<i {
        D[j] = W[j * n + i - 1]
        W[j * n + i] = 0
        W[i * n + j] = 0
      }
    } else {
      // Householder vector.
      for k in 0..<i {
        D[k] /= scale
        h += D[k] * D[k]
      }
      var f = D[i - 1]
      var g = h.squareRoot()
      if f > 0 { g = -g }
      E[i] = scale * g
      h -= f * g
      D[i - 1] = f - g
      for j in 0..<i { E[j] = 0 }
      // Similarity transformation of the leading i × i block (its upper triangle, row by row).
      for j in 0..<i {
        f = D[j]
        W[i * n + j] = f
        let row = j * n
        g = E[j] + W[row + j] * f
        var k = j + 1
        while k < i {
          let wjk = W[row + k]
          g += wjk * D[k]
          E[k] += wjk * f
          k += 1
        }
        E[j] = g
      }
      f = 0
      for j in 0..<i {
        E[j] /= h
        f += E[j] * D[j]
      }
      let hh = f / (h + h)
      for j in 0..<i { E[j] -= hh * D[j] }
      for j in 0..<i {
        f = D[j]
        g = E[j]
        let row = j * n
        for k in j..<i { W[row + k] -= f * E[k] + g * D[k] }
        D[j] = W[row + i - 1]
        W[row + i] = 0
      }
    }
    D[i] = h
    i -= 1
  }
  E[0] = 0
  guard vectors else {
    for j in 0..<n { D[j] = W[j * n + j] }
    return
  }
  // Accumulate the transformations.
  for i in 0..<(n - 1) {
    let next = (i + 1) * n
    W[i * n + n - 1] = W[i * n + i]
    W[i * n + i] = 1
    let h = D[i + 1]
    if h != 0 {
      for k in 0...i { D[k] = W[next + k] / h }
      for j in 0...i {
        let row = j * n
        var g = 0.0
        for k in 0...i { g += W[next + k] * W[row + k] }
        for k in 0...i { W[row + k] -= g * D[k] }
      }
    }
    for k in 0...i { W[next + k] = 0 }
  }
  for j in 0..<n {
    D[j] = W[j * n + n - 1]
    W[j * n + n - 1] = 0
  }
  W[n * n - 1] = 1
}

/// Implicit QL iteration with Wilkinson shifts on the tridiagonal matrix (`D`, `E[1..<n]`) from
/// `tridiagonalize` (EISPACK `tql2`): eigenvalues in `D` (unsorted) and, with `vectors`, the
/// eigenvectors as the rows of `W` (row k belongs to `D[k]`).
private func diagonalize(
  _ W: UnsafeMutableBufferPointer<Double>, _ D: UnsafeMutableBufferPointer<Double>,
  _ E: UnsafeMutableBufferPointer<Double>, _ n: Int, vectors: Bool
) {
  for i in 1..<n { E[i - 1] = E[i] }
  E[n - 1] = 0
  var shift = 0.0
  var tst1 = 0.0
  let eps = Double.ulpOfOne
  for l in 0..<n {
    // Find the first negligible subdiagonal element at or after l.
    tst1 = max(tst1, abs(D[l]) + abs(E[l]))
    var m = l
    while m < n - 1, !(abs(E[m]) <= eps * tst1) { m += 1 }
    // m == l: D[l] is an eigenvalue; otherwise iterate on the block l...m. The iteration
    // converges cubically, a few sweeps per eigenvalue; the cap only guards non-finite input.
    var sweeps = 0
    while m > l, sweeps < 64 {
      sweeps += 1
      // Wilkinson shift: the eigenvalue of the leading 2 × 2 block nearer D[l].
      var g = D[l]
      var p = (D[l + 1] - g) / (2 * E[l])
      var r = hypot(p, 1)
      if p < 0 { r = -r }
      D[l] = E[l] / (p + r)
      D[l + 1] = E[l] * (p + r)
      let dl1 = D[l + 1]
      var h = g - D[l]
      var k = l + 2
      while k < n {
        D[k] -= h
        k += 1
      }
      shift += h
      // Implicit QL sweep (Givens rotations from the bottom of the block up).
      p = D[m]
      var c = 1.0, c2 = 1.0, c3 = 1.0
      let el1 = E[l + 1]
      var s = 0.0, s2 = 0.0
      var i = m - 1
      while i >= l {
        c3 = c2
        c2 = c
        s2 = s
        g = c * E[i]
        h = c * p
        r = hypot(p, E[i])
        E[i + 1] = s * r
        s = E[i] / r
        c = p / r
        p = c * D[i] - s * g
        D[i + 1] = h + s * (c * g + s * D[i])
        if vectors {
          let lo = i * n, hi = (i + 1) * n
          for k in 0..<n {
            let a = W[lo + k], b = W[hi + k]
            W[hi + k] = s * a + c * b
            W[lo + k] = c * a - s * b
          }
        }
        i -= 1
      }
      p = -s * s2 * c3 * el1 * E[l] / dl1
      E[l] = s * p
      D[l] = c * p
      if !(abs(E[l]) > eps * tst1) { break }
    }
    D[l] += shift
    E[l] = 0
  }
}
