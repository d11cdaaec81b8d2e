import Foundation

/// Eigen-decomposition of a real symmetric matrix by the cyclic Jacobi method
/// (Golub & Van Loan, Matrix Computations, 4th ed., §8.5), accurate to machine precision
/// for the small covariance matrices of preprocessing.
public struct SymmetricEigen: Sendable {
  /// Eigenvalues in descending order.
  public let values: [Double]
  /// Eigenvectors as rows, `vectors[k]` belonging to `values[k]` (unit length, sign as computed).
  public let vectors: [[Double]]

  /// Decomposes the symmetric `d × d` matrix `a` (only symmetric input is meaningful).
  /// - Complexity: O(d³) per sweep, a handful of sweeps.
  public init(_ a: [[Double]]) {
    let n = a.count
    var m = a
    var v = (0..<n).map { i in (0..<n).map { j in i == j ? 1.0 : 0.0 } }
    for _ in 0..<100 {
      var off = 0.0
      var total = 0.0
      for i in 0..<n { for j in 0..<n { total += m[i][j] * m[i][j]; if i != j { off += m[i][j] * m[i][j] } } }
      if off <= 1e-30 * max(total, 1e-300) { break }
      for p in 0..<n {
        for q in (p + 1)..<max(p + 1, n) where m[p][q] != 0 {
          let theta = (m[q][q] - m[p][p]) / (2 * m[p][q])
          let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
          let c = 1 / (t * t + 1).squareRoot()
          let s = t * c
          for k in 0..<n {
            let mkp = m[k][p], mkq = m[k][q]
            m[k][p] = c * mkp - s * mkq
            m[k][q] = s * mkp + c * mkq
          }
          for k in 0..<n {
            let mpk = m[p][k], mqk = m[q][k]
            m[p][k] = c * mpk - s * mqk
            m[q][k] = s * mpk + c * mqk
          }
          for k in 0..<n {
            let vkp = v[k][p], vkq = v[k][q]
            v[k][p] = c * vkp - s * vkq
            v[k][q] = s * vkp + c * vkq
          }
        }
      }
    }
    let order = (0..<n).sorted { m[$0][$0] > m[$1][$1] }
    values = order.map { m[$0][$0] }
    vectors = order.map { k in (0..<n).map { v[$0][k] } }
  }
}
