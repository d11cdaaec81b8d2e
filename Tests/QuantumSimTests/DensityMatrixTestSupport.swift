import Foundation
import Numerics

@testable import QuantumSim

/// Independent dense references for the density-matrix and noise tests: Kronecker-expanded
/// matrices, explicit Σ K ρ K†, a Jacobi eigen solver, and seeded random circuits.
enum DMSupport {
  typealias C = Complex<Double>

  /// Every gate kind with a random numeric instance, so conjugation of each shape is covered.
  static let allKinds: [GateKind] = GateKind.allCases

  /// A random gate of `kind` on distinct random qubits of an n-qubit register.
  static func randomGate(_ kind: GateKind, qubits n: Int, rng: inout SeededGenerator) -> Gate {
    var pool = Array(0..<n)
    var qs: [Int] = []
    for _ in 0..<kind.arity {
      let k = Int(rng.next() % UInt64(pool.count))
      qs.append(pool.remove(at: k))
    }
    let ps: [Angle] = (0..<kind.parameterCount).map { _ in .value((rng.nextUnit() * 2 - 1) * .pi) }
    var matrix: [C]? = nil
    if kind == .unitary1 {
      let a = (0..<3).map { _ in (rng.nextUnit() * 2 - 1) * .pi }
      matrix = GateMatrices.single(.u, gateParameters(a)).flat.map { $0 * C(cos(0.3), sin(0.3)) }
    } else if kind == .unitary2 {
      // rxx(a) · (u ⊗ u'): a generic-looking two-qubit unitary.
      let a = (0..<3).map { _ in (rng.nextUnit() * 2 - 1) * .pi }
      let b = (0..<3).map { _ in (rng.nextUnit() * 2 - 1) * .pi }
      let u0 = GateMatrices.single(.u, gateParameters(a)).flat, u1 = GateMatrices.single(.u, gateParameters(b)).flat
      let r = GateMatrices.dense2(.rxx, gateParameters([rng.nextUnit() * 3])).flat
      let k = kron(u1, 2, u0, 2)
      matrix = matmul(r, k, 4)
    }
    return Gate(kind, qs, ps, matrix: matrix)
  }

  /// A seeded random circuit of `count` gates drawn from `kinds` (only kinds that fit n qubits).
  static func randomCircuit(qubits n: Int, gates count: Int, seed: UInt64, kinds: [GateKind] = allKinds) -> Circuit {
    var rng = SeededGenerator(seed: seed)
    let usable = kinds.filter { $0.arity <= n }
    var c = Circuit(qubits: n)
    for _ in 0..<count {
      let kind = usable[Int(rng.next() % UInt64(usable.count))]
      c.append(randomGate(kind, qubits: n, rng: &rng))
    }
    return c
  }

  /// Kronecker product a ⊗ b of row-major square matrices of sides sa, sb.
  static func kron(_ a: [C], _ sa: Int, _ b: [C], _ sb: Int) -> [C] {
    let s = sa * sb
    var out = [C](repeating: .zero, count: s * s)
    for i in 0..<sa { for j in 0..<sa { for k in 0..<sb { for l in 0..<sb {
      out[(i * sb + k) * s + (j * sb + l)] = a[i * sa + j] * b[k * sb + l]
    } } } }
    return out
  }

  /// Row-major product of square matrices of side s.
  static func matmul(_ a: [C], _ b: [C], _ s: Int) -> [C] {
    var out = [C](repeating: .zero, count: s * s)
    for i in 0..<s { for k in 0..<s where a[i * s + k] != .zero { for j in 0..<s {
      out[i * s + j] += a[i * s + k] * b[k * s + j]
    } } }
    return out
  }

  /// Conjugate transpose.
  static func dagger(_ a: [C], _ s: Int) -> [C] {
    var out = a
    for i in 0..<s { for j in 0..<s { out[j * s + i] = a[i * s + j].conjugate } }
    return out
  }

  /// The 2^n x 2^n matrix of a k-qubit matrix `m` acting on `qubits` (index bit j of m = qubits[j]).
  static func expand(_ m: [C], on qubits: [Int], n: Int) -> [C] {
    let d = 1 << n, k = qubits.count, side = 1 << k
    var out = [C](repeating: .zero, count: d * d)
    var mask = 0
    for q in qubits { mask |= 1 << q }
    for col in 0..<d {
      var cj = 0
      for (b, q) in qubits.enumerated() where (col >> q) & 1 == 1 { cj |= 1 << b }
      for rj in 0..<side {
        var row = col & ~mask
        for (b, q) in qubits.enumerated() where (rj >> b) & 1 == 1 { row |= 1 << q }
        out[row * d + col] = m[rj * side + cj]
      }
    }
    return out
  }

  /// Σ K ρ K† with every K expanded to the full register (row-major ρ of side 2^n).
  static func applyKraus(_ ops: [[C]], on qubits: [Int], to rho: [C], n: Int) -> [C] {
    let d = 1 << n
    var out = [C](repeating: .zero, count: d * d)
    for k in ops {
      let big = expand(k, on: qubits, n: n)
      let term = matmul(matmul(big, rho, d), dagger(big, d), d)
      for i in 0..<(d * d) { out[i] += term[i] }
    }
    return out
  }

  /// A random valid density matrix: a random mixture of random pure states.
  static func randomDensity(qubits n: Int, seed: UInt64) -> [C] {
    var rng = SeededGenerator(seed: seed)
    let d = 1 << n
    var rho = [C](repeating: .zero, count: d * d)
    let weights: [Double] = (0..<3).map { _ in rng.nextUnit() + 0.1 }
    let total: Double = weights.reduce(0.0) { $0 + $1 }
    for w in weights {
      var psi = (0..<d).map { _ in C(rng.nextGaussian(), rng.nextGaussian()) }
      let norm = psi.reduce(0.0) { $0 + $1.lengthSquared }.squareRoot()
      psi = psi.map { $0 / C(norm, 0) }
      for r in 0..<d { for c in 0..<d { rho[r * d + c] += psi[r] * psi[c].conjugate * C(w / total, 0) } }
    }
    return rho
  }

  /// Largest entrywise distance between two complex matrices.
  static func maxDiff(_ a: [C], _ b: [C]) -> Double {
    precondition(a.count == b.count)
    return zip(a, b).map { ($0 - $1).length }.max() ?? 0
  }

  /// Eigenvalues of a Hermitian matrix (row-major, side s) by cyclic Jacobi rotations on the real
  /// symmetric embedding [[A, −B], [B, A]] (each eigenvalue appears twice there), ascending.
  static func hermitianEigenvalues(_ h: [C], _ s: Int) -> [Double] {
    let m = 2 * s
    var a = [Double](repeating: 0, count: m * m)
    for i in 0..<s { for j in 0..<s {
      let v = h[i * s + j]
      a[i * m + j] = v.real; a[(i + s) * m + (j + s)] = v.real
      a[i * m + (j + s)] = -v.imaginary; a[(i + s) * m + j] = v.imaginary
    } }
    for _ in 0..<100 {
      var off = 0.0
      for i in 0..<m { for j in 0..<m where i != j { off += a[i * m + j] * a[i * m + j] } }
      if off < 1e-30 { break }
      for p in 0..<m { for q in (p + 1)..<m where abs(a[p * m + q]) > 1e-300 {
        let theta = (a[q * m + q] - a[p * m + p]) / (2 * a[p * m + q])
        let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot(), sn = t * c
        for k in 0..<m {
          let akp = a[k * m + p], akq = a[k * m + q]
          a[k * m + p] = c * akp - sn * akq
          a[k * m + q] = sn * akp + c * akq
        }
        for k in 0..<m {
          let apk = a[p * m + k], aqk = a[q * m + k]
          a[p * m + k] = c * apk - sn * aqk
          a[q * m + k] = sn * apk + c * aqk
        }
      } }
    }
    let all = (0..<m).map { a[$0 * m + $0] }.sorted()
    return stride(from: 0, to: m, by: 2).map { (all[$0] + all[$0 + 1]) / 2 }
  }
}
