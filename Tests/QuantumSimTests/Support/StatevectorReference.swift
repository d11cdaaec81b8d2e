import Foundation
import Numerics
@testable import QuantumSim

/// Dense references for statevector tests: full 2^n matrices built by Kronecker expansion
/// (as Qulacs' `get_expanded_eigen_matrix_with_identity`), random states and random circuits.
enum SVReference {
  typealias C = Complex<Double>

  /// The 2^n x 2^n matrix (row-major) of a k-qubit `local` matrix acting on `qubits`, where bit m of
  /// a local index is the value of `qubits[m]`.
  static func expand(_ local: [C], qubits: [Int], n: Int) -> [C] {
    let dim = 1 << n
    var full = [C](repeating: .zero, count: dim * dim)
    let k = qubits.count
    var mask = 0
    for q in qubits { mask |= 1 << q }
    func localIndex(_ i: Int) -> Int {
      var l = 0
      for (m, q) in qubits.enumerated() where (i >> q) & 1 == 1 { l |= 1 << m }
      return l
    }
    for r in 0..<dim {
      for c in 0..<dim where (r & ~mask) == (c & ~mask) {
        full[r * dim + c] = local[localIndex(r) * (1 << k) + localIndex(c)]
      }
    }
    return full
  }

  /// A k-qubit `local` matrix applied to `qubits` of state `v` directly (the action of `expand`
  /// without forming the 2^n x 2^n matrix): O(2^n 4^k), for states too large to expand.
  static func applyLocal(_ local: [C], qubits: [Int], to v: [C]) -> [C] {
    let k = qubits.count, size = 1 << k
    var mask = 0
    for q in qubits { mask |= 1 << q }
    func index(_ base: Int, _ l: Int) -> Int {
      var i = base
      for (m, q) in qubits.enumerated() where (l >> m) & 1 == 1 { i |= 1 << q }
      return i
    }
    var out = v
    for base in 0..<v.count where base & mask == 0 {
      for r in 0..<size {
        var s = C.zero
        for c in 0..<size { s += local[r * size + c] * v[index(base, c)] }
        out[index(base, r)] = s
      }
    }
    return out
  }

  /// Dense matrix-vector product.
  static func apply(_ m: [C], _ v: [C]) -> [C] {
    let d = v.count
    return (0..<d).map { r in
      var s = C.zero
      for c in 0..<d { s += m[r * d + c] * v[c] }
      return s
    }
  }

  /// Dense matrix product a * b of d x d matrices.
  static func multiply(_ a: [C], _ b: [C], _ d: Int) -> [C] {
    var out = [C](repeating: .zero, count: d * d)
    for r in 0..<d {
      for t in 0..<d where a[r * d + t] != .zero {
        for c in 0..<d { out[r * d + c] += a[r * d + t] * b[t * d + c] }
      }
    }
    return out
  }

  /// Kronecker product a ⊗ b (a on the high bits).
  static func kron(_ a: [C], _ da: Int, _ b: [C], _ db: Int) -> [C] {
    let d = da * db
    var out = [C](repeating: .zero, count: d * d)
    for ar in 0..<da { for ac in 0..<da { for br in 0..<db { for bc in 0..<db {
      out[(ar * db + br) * d + ac * db + bc] = a[ar * da + ac] * b[br * db + bc]
    } } } }
    return out
  }

  /// exp(-i θ/2 P) for a Hermitian P with P^2 = I: cos(θ/2) I - i sin(θ/2) P.
  static func rotation(_ p: [C], _ d: Int, _ theta: Double) -> [C] {
    var out = p.map { $0 * C(0, -sin(theta / 2)) }
    for k in 0..<d { out[k * d + k] += C(cos(theta / 2), 0) }
    return out
  }

  static let pauliI: [C] = [.one, .zero, .zero, .one]
  static let pauliX: [C] = [.zero, .one, .one, .zero]
  static let pauliY: [C] = [.zero, C(0, -1), C(0, 1), .zero]
  static let pauliZ: [C] = [.one, .zero, .zero, -.one]

  /// A Haar-like random normalised state (Gaussian amplitudes).
  static func randomState(_ n: Int, seed: UInt64) -> StateVector {
    var rng = SeededGenerator(seed: seed)
    var a = (0..<(1 << n)).map { _ in C(rng.nextGaussian(), rng.nextGaussian()) }
    let norm = a.reduce(0.0) { $0 + $1.lengthSquared }.squareRoot()
    a = a.map { $0 / C(norm, 0) }
    return StateVector(amplitudes: a)
  }

  /// A random unitary 2x2 as u(θ, φ, λ) times a phase.
  static func randomUnitary1(_ rng: inout SeededGenerator) -> [C] {
    let p = gateParameters([rng.nextUnit() * 6, rng.nextUnit() * 6, rng.nextUnit() * 6])
    let m = GateMatrices.single(.u, p)
    let a = rng.nextUnit() * 6
    let g = C(cos(a), sin(a))
    return m.flat.map { $0 * g }
  }

  /// A random two-qubit unitary: a product of random single-qubit layers and CX / iSWAP.
  static func randomUnitary2(_ rng: inout SeededGenerator) -> [C] {
    var m = kron(randomUnitary1(&rng), 2, randomUnitary1(&rng), 2)
    let cx = GateMatrices.full(Gate(.cx, [0, 1]), [])
    let isw = GateMatrices.full(Gate(.iswap, [0, 1]), [])
    m = multiply(cx, m, 4)
    m = multiply(kron(randomUnitary1(&rng), 2, randomUnitary1(&rng), 2), m, 4)
    m = multiply(isw, m, 4)
    return multiply(kron(randomUnitary1(&rng), 2, randomUnitary1(&rng), 2), m, 4)
  }

  /// A gate of `kind` on distinct random qubits of an n-qubit register, with random angles.
  static func randomGate(_ kind: GateKind, n: Int, _ rng: inout SeededGenerator) -> Gate {
    var pool = Array(0..<n)
    var qubits: [Int] = []
    for _ in 0..<kind.arity {
      let k = Int(rng.next() % UInt64(pool.count))
      qubits.append(pool.remove(at: k))
    }
    let params = (0..<kind.parameterCount).map { _ in Angle.value((rng.nextUnit() - 0.5) * 8) }
    var matrix: [C]? = nil
    if kind == .unitary1 { matrix = randomUnitary1(&rng) }
    if kind == .unitary2 { matrix = randomUnitary2(&rng) }
    return Gate(kind, qubits, params, matrix: matrix)
  }

  /// A seeded random circuit over every gate kind.
  static func randomCircuit(n: Int, gates: Int, seed: UInt64) -> Circuit {
    var rng = SeededGenerator(seed: seed)
    var c = Circuit(qubits: n)
    let kinds = GateKind.allCases.filter { $0.arity <= n }
    for _ in 0..<gates {
      let kind = kinds[Int(rng.next() % UInt64(kinds.count))]
      c.append(randomGate(kind, n: n, &rng))
    }
    return c
  }

  /// Largest |a_i - b_i| over amplitudes.
  static func maxDifference(_ a: [C], _ b: [C]) -> Double {
    zip(a, b).map { ($0 - $1).length }.max() ?? 0
  }

  /// Largest amplitude difference after removing the global phase that best aligns b with a.
  static func maxDifferenceUpToPhase(_ a: [C], _ b: [C]) -> Double {
    var overlap = C.zero
    for (x, y) in zip(a, b) { overlap += y.conjugate * x }
    let phase = overlap.length > 0 ? overlap / C(overlap.length, 0) : .one
    return maxDifference(a, b.map { $0 * phase })
  }

  /// The statevector of `circuit` from |0...0>.
  static func run(_ circuit: Circuit, bindings: [Double] = [], threads: Int = 1) throws -> StateVector {
    var s = try StateVector(qubits: circuit.qubitCount)
    s.threads = threads
    try s.apply(circuit, bindings: bindings)
    return s
  }
}
