import Foundation

/// Least-squares fit of y by the columns of A (rows = samples) through Householder QR, for the
/// spectrum tests: the coefficients and the largest absolute residual.
func leastSquaresFit(_ A: [[Double]], _ y: [Double]) -> (coefficients: [Double], maxResidual: Double) {
  let m = A.count, n = A[0].count
  precondition(m >= n, "need at least as many samples as columns")
  var R = A
  var b = y
  for k in 0..<n {
    var norm = 0.0
    for i in k..<m { norm += R[i][k] * R[i][k] }
    norm = norm.squareRoot()
    guard norm > 0 else { continue }
    let alpha = R[k][k] > 0 ? -norm : norm
    var v = [Double](repeating: 0, count: m)
    for i in k..<m { v[i] = R[i][k] }
    v[k] -= alpha
    let vv = (k..<m).reduce(0.0) { $0 + v[$1] * v[$1] }
    guard vv > 0 else { continue }
    for j in k..<n {
      let s = (k..<m).reduce(0.0) { $0 + v[$1] * R[$1][j] } * 2 / vv
      for i in k..<m { R[i][j] -= s * v[i] }
    }
    let s = (k..<m).reduce(0.0) { $0 + v[$1] * b[$1] } * 2 / vv
    for i in k..<m { b[i] -= s * v[i] }
  }
  var c = [Double](repeating: 0, count: n)
  for k in stride(from: n - 1, through: 0, by: -1) {
    var s = b[k]
    for j in (k + 1)..<n { s -= R[k][j] * c[j] }
    // A (numerically) dependent column gets coefficient 0 rather than a huge one.
    c[k] = abs(R[k][k]) > 1e-12 ? s / R[k][k] : 0
  }
  var worst = 0.0
  for i in 0..<m {
    let fit = zip(A[i], c).reduce(0.0) { $0 + $1.0 * $1.1 }
    worst = max(worst, abs(fit - y[i]))
  }
  return (c, worst)
}
