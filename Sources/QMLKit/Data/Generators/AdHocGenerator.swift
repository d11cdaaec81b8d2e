import Foundation
import QuantumSim

/// The ad hoc data set of Havlíček et al., "Supervised learning with quantum-enhanced
/// feature spaces", Nature 567, 209 (2019), as Qiskit Machine Learning's `ad_hoc_data`
/// builds it, simulated with QuantumSim.
///
/// For x ∈ [0, 2π)^n the state is |Φ(x)⟩ = U(x) H^{⊗n} U(x) H^{⊗n} |0…0⟩ with the diagonal
/// U(x) = exp(i [Σ_i x_i Z_i + Σ_{i<j} (π − x_i)(π − x_j) Z_i Z_j]) (all pairs, Qiskit's
/// default "full" entanglement), built from `rz(−2x_i)` and `rzz(−2(π−x_i)(π−x_j))` gates.
/// The label comes from the parity observable O = V† Z^{⊗n} V with V a random unitary:
/// e = ⟨Φ|O|Φ⟩, class +1 if e > Δ, −1 if e < −Δ, and points with |e| ≤ Δ are rejected, so
/// no sample lies within the gap.
///
/// Sampling follows Qiskit's grid sampling for n ≤ 3 (100 points per axis for n = 2, 20 for
/// n = 3, 5000 for n = 1, at 2πk/count; points drawn uniformly with replacement until both
/// classes are full), and uniform points in [0, 2π)^n for n ≥ 4. Differences from Qiskit,
/// deliberately: V is a Haar-random unitary (Gram–Schmidt of a complex Gaussian matrix,
/// Mezzadri 2007) rather than the eigenvectors of A†A with uniform A, and the parity
/// Z^{⊗n} is used for every n (the pre-2025 Qiskit code used a majority function for n = 3).
///
/// Parameters: `features` n (1...8, default 2), `gap` Δ (0 ≤ Δ < 1, default 0.3).
enum AdHocGenerator {
  static func make(samples n: Int, _ p: _GeneratorParameters, _ rng: inout SeededGenerator) throws
    -> (x: [[Double]], y: [Int], names: [String]?)
  {
    let qubits = try p.integer("features", in: 1...8)
    let gap = try p.real("gap", in: 0...1)
    guard gap < 1 else { throw p.error("gap", "must be below 1 (|parity expectation| never exceeds 1), got \(gap)") }
    let (vr, vi) = haarUnitary(dimension: 1 << qubits, &rng)
    let feature = symbolicCircuit(qubits: qubits)
    var state = try StateVector(qubits: qubits)
    var failure: Error?
    func label(_ x: [Double]) -> Int? {
      do {
        state.reset()
        try state.apply(feature, bindings: x)
        let e = expectation(state, vr: vr, vi: vi)
        if e > gap { return 1 }
        if e < -gap { return 0 }
      } catch {
        failure = error
      }
      return nil
    }
    let gridCount: Int? = qubits == 1 ? 5000 : qubits == 2 ? 100 : qubits == 3 ? 20 : nil
    let r: (x: [[Double]], y: [Int])
    if let count = gridCount {
      // Draw grid points with replacement; each point is labelled once, on first draw.
      let total = Int(pow(Double(count), Double(qubits)))
      var cache: [Int: Int?] = [:]
      r = try _balancedRejection(samples: n, maxTries: 1000 * n + 100_000, p) {
        let flat = Int(rng.next() % UInt64(total))
        var rest = flat
        let x = (0..<qubits).map { _ -> Double in
          let k = rest % count
          rest /= count
          return 2 * Double.pi * Double(k) / Double(count)
        }
        if cache[flat] == nil { cache[flat] = .some(label(x)) }
        guard let y = cache[flat]! else { return nil }
        return (x, y)
      }
    } else {
      r = try _balancedRejection(samples: n, maxTries: 1000 * n + 100_000, p) {
        let x = (0..<qubits).map { _ in 2 * Double.pi * rng.nextUnit() }
        guard let y = label(x) else { return nil }
        return (x, y)
      }
    }
    if let failure { throw failure }
    return (r.x, r.y, nil)
  }

  /// The feature-map circuit with symbols `x0`, `x1`, … bound per sample.
  static func symbolicCircuit(qubits n: Int) -> Circuit {
    var c = Circuit(qubits: n)
    let xs = (0..<n).map { c.symbol("x\($0)") }
    for _ in 0..<2 {
      for q in 0..<n { c.append(.h, q) }
      for q in 0..<n { c.append(.rz, q, parameters: [.product(.value(-2), xs[q])]) }
      for i in 0..<n {
        for j in (i + 1)..<max(i + 1, n) {
          let a = Angle.sum(.value(Double.pi), .negated(xs[i]))
          let b = Angle.sum(.value(Double.pi), .negated(xs[j]))
          c.append(.rzz, i, j, parameters: [.product(.value(-2), .product(a, b))])
        }
      }
    }
    return c
  }

  /// The ad hoc feature-map circuit U(x) H U(x) H for numeric x.
  static func circuit(_ x: [Double]) -> Circuit {
    let n = x.count
    var c = Circuit(qubits: n)
    for _ in 0..<2 {
      for q in 0..<n { c.append(.h, q) }
      for q in 0..<n { c.append(.rz, q, parameters: [.value(-2 * x[q])]) }
      for i in 0..<n {
        for j in (i + 1)..<max(i + 1, n) {
          c.append(.rzz, i, j, parameters: [.value(-2 * (Double.pi - x[i]) * (Double.pi - x[j]))])
        }
      }
    }
    return c
  }

  /// e = ⟨Φ(x)| V† Z^{⊗n} V |Φ(x)⟩.
  static func expectation(_ x: [Double], vr: [[Double]], vi: [[Double]]) throws -> Double {
    var state = try StateVector(qubits: x.count)
    try state.apply(circuit(x))
    return expectation(state, vr: vr, vi: vi)
  }

  /// e = ⟨ψ| V† Z^{⊗n} V |ψ⟩ for a prepared state.
  static func expectation(_ state: StateVector, vr: [[Double]], vi: [[Double]]) -> Double {
    let dim = state.dimension
    var e = 0.0
    for row in 0..<dim {
      var wr = 0.0, wi = 0.0
      for col in 0..<dim {
        let ar = vr[row][col], ai = vi[row][col]
        let br = state.re[col], bi = state.im[col]
        wr += ar * br - ai * bi
        wi += ar * bi + ai * br
      }
      let sign: Double = row.nonzeroBitCount % 2 == 0 ? 1 : -1
      e += sign * (wr * wr + wi * wi)
    }
    return e
  }

  /// A Haar-random unitary as (real, imaginary) row-major parts: Gram–Schmidt on the
  /// columns of a complex Gaussian matrix (equivalent to QR with a positive R diagonal).
  static func haarUnitary(dimension d: Int, _ rng: inout SeededGenerator) -> ([[Double]], [[Double]]) {
    var cr = (0..<d).map { _ in (0..<d).map { _ in rng.nextGaussian() } }  // cr[col][row]
    var ci = (0..<d).map { _ in (0..<d).map { _ in rng.nextGaussian() } }
    for k in 0..<d {
      for j in 0..<k {
        // proj = <q_j, a_k>
        var pr = 0.0, pi = 0.0
        for r in 0..<d {
          pr += cr[j][r] * cr[k][r] + ci[j][r] * ci[k][r]
          pi += cr[j][r] * ci[k][r] - ci[j][r] * cr[k][r]
        }
        for r in 0..<d {
          cr[k][r] -= pr * cr[j][r] - pi * ci[j][r]
          ci[k][r] -= pr * ci[j][r] + pi * cr[j][r]
        }
      }
      var norm = 0.0
      for r in 0..<d { norm += cr[k][r] * cr[k][r] + ci[k][r] * ci[k][r] }
      norm = norm.squareRoot()
      for r in 0..<d { cr[k][r] /= norm; ci[k][r] /= norm }
    }
    let vr = (0..<d).map { r in (0..<d).map { c in cr[c][r] } }
    let vi = (0..<d).map { r in (0..<d).map { c in ci[c][r] } }
    return (vr, vi)
  }
}
