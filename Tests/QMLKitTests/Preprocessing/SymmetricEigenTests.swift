import Foundation
import QuantumSim
import Testing

@testable import QMLKit

/// SymmetricEigen (Householder + implicit QL) against numpy.linalg.eigh (Fixtures/symmetric_eigen.json,
/// gen_symmetric_eigen.py) and against a plain cyclic Jacobi reference kept here. Eigenvalues are
/// compared to 1e-10 of the largest |eigenvalue|; eigenvectors through ‖Av − λv‖ and orthonormality,
/// since their signs, and the basis within a repeated eigenvalue, are arbitrary.
@Suite struct SymmetricEigenTests {
  @Test("eigenvalues match numpy.linalg.eigh; eigenvectors are orthonormal with small residuals")
  func matchesNumpy() throws {
    let cases = try ml3Fixture("symmetric_eigen").ml3List("eigen")
    #expect(cases.count == 8)
    for c in cases {
      let name = c["name"] as? String ?? "?"
      let a = c.ml3Matrix("matrix")
      let expected = c.ml3Doubles("values")
      let n = a.count
      try #require(n >= 1 && expected.count == n, "\(name)")
      let e = SymmetricEigen(a)
      let scale = expected.map(abs).max() ?? 0
      #expect(e.values.count == n && e.vectors.count == n, "\(name)")
      for (got, want) in zip(e.values, expected) {
        #expect(abs(got - want) <= 1e-10 * scale, "\(name): eigenvalue \(got), numpy \(want)")
      }
      #expect(Self.worstResidual(a, e) <= 1e-12 * scale, "\(name)")
      #expect(Self.orthonormalityError(e.vectors) <= 1e-13 * Double(max(n, 10)), "\(name)")
      // The flat entry point is the same computation.
      let flat = SymmetricEigen(rowMajor: a.flatMap { $0 }, n: n)
      #expect(flat.values == e.values && flat.vectors == e.vectors, "\(name)")
      // Values without vectors are the same numbers, not just close.
      #expect(SymmetricEigen.decompose(rowMajor: a.flatMap { $0 }, n: n, vectors: false).values == e.values, "\(name)")
    }
  }

  @Test("agrees with cyclic Jacobi on random symmetric matrices of sizes 1 to 12 and 31")
  func agreesWithJacobi() {
    var rng = SeededGenerator(seed: 11)
    for n in Array(1...12) + [31] {
      for _ in 0..<4 {
        var a = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n { for j in 0...i { let x = rng.nextGaussian(); a[i][j] = x; a[j][i] = x } }
        let e = SymmetricEigen(a)
        let (values, vectors) = jacobi(a)
        let scale = values.map(abs).max() ?? 0
        for (x, y) in zip(e.values, values) { #expect(abs(x - y) <= 1e-12 * scale, "n = \(n)") }
        for k in 0..<n {
          // Compare a vector only where its eigenvalue is well separated (otherwise it is not unique).
          let gap = (0..<n).filter { $0 != k }.map { abs(values[$0] - values[k]) }.min() ?? .infinity
          guard gap > 1e-3 * max(scale, 1) else { continue }
          let overlap = abs(zip(e.vectors[k], vectors[k]).reduce(0) { $0 + $1.0 * $1.1 })
          #expect(abs(overlap - 1) <= 1e-9, "n = \(n), vector \(k)")
        }
        #expect(Self.worstResidual(a, e) <= 1e-12 * max(scale, 1))
        #expect(Self.orthonormalityError(e.vectors) <= 1e-12)
      }
    }
  }

  @Test("extreme magnitudes neither overflow nor underflow (scaled by 1e±150)")
  func extremeScales() {
    let a: [[Double]] = [[4, 1, -2, 0.5], [1, 3, 0, 1], [-2, 0, 5, 2], [0.5, 1, 2, -1]]
    let base = SymmetricEigen(a)
    for s in [1e150, 1e-150] {
      let e = SymmetricEigen(a.map { $0.map { $0 * s } })
      for (x, y) in zip(e.values, base.values) { #expect(abs(x / s - y) <= 1e-13 * 6, "scale \(s)") }
      #expect(Self.orthonormalityError(e.vectors) <= 1e-14 * 10)
    }
  }

  @Test("edge cases: empty, zero matrix, asymmetric input read as (A + Aᵀ)/2")
  func edges() {
    let empty = SymmetricEigen([])
    #expect(empty.values.isEmpty && empty.vectors.isEmpty)
    let zero = SymmetricEigen([[Double]](repeating: [0, 0, 0], count: 3))
    #expect(zero.values == [0, 0, 0])
    #expect(Self.orthonormalityError(zero.vectors) == 0)
    let lopsided = SymmetricEigen([[1, 2], [0, 1]])
    let symmetric = SymmetricEigen([[1, 1], [1, 1]])
    #expect(lopsided.values == symmetric.values && lopsided.vectors == symmetric.vectors)
    #expect(abs(symmetric.values[0] - 2) < 1e-15 && abs(symmetric.values[1]) < 1e-15)
  }

  /// max_k ‖A v_k − λ_k v_k‖₂.
  static func worstResidual(_ a: [[Double]], _ e: SymmetricEigen) -> Double {
    var worst = 0.0
    for (lambda, v) in zip(e.values, e.vectors) {
      var sq = 0.0
      for (i, row) in a.enumerated() {
        let r = zip(row, v).reduce(0) { $0 + $1.0 * $1.1 } - lambda * v[i]
        sq += r * r
      }
      worst = max(worst, sq.squareRoot())
    }
    return worst
  }

  /// max |V Vᵀ − I| entrywise, with V's rows the eigenvectors.
  static func orthonormalityError(_ v: [[Double]]) -> Double {
    var worst = 0.0
    for i in v.indices {
      for j in v.indices {
        let dot = zip(v[i], v[j]).reduce(0) { $0 + $1.0 * $1.1 }
        worst = max(worst, abs(dot - (i == j ? 1 : 0)))
      }
    }
    return worst
  }
}

/// Cyclic Jacobi (Golub & Van Loan §8.5), the eigensolver QMLKit used before: an independent
/// reference. Values descending, vectors as rows.
private func jacobi(_ a: [[Double]]) -> (values: [Double], vectors: [[Double]]) {
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
  return (order.map { m[$0][$0] }, order.map { k in (0..<n).map { v[$0][k] } })
}
