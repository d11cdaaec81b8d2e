import QuantumSim

// Implementation goals, in order:
// 1. Exact: each state is simulated once, by the same kernels as every other circuit.
// 2. Fast Gram matrices: amplitudes are stored split (re, im) in SIMD8 lanes, zero-padded,
//    so an inner product is a straight vector loop with no unsafe code and no allocation.

/// The states of many inputs under one encoding, stored for fast inner products.
struct StateBank: Sendable {
  /// Number of states.
  let count: Int
  /// SIMD8 chunks per state (dimension / 8, at least 1).
  let width: Int
  /// Number of qubits.
  let qubits: Int
  var re: [SIMD8<Double>]
  var im: [SIMD8<Double>]

  /// Simulates `encoded` once per row of `X`.
  init(_ encoded: EncodedCircuit, _ X: [[Double]]) throws {
    let n = encoded.circuit.qubitCount
    qubits = n
    count = X.count
    width = max(1, (1 << n) / 8)
    re = [SIMD8<Double>](repeating: .zero, count: count * width)
    im = [SIMD8<Double>](repeating: .zero, count: count * width)
    var state = try StateVector(qubits: n)
    for (s, x) in X.enumerated() {
      state.reset()
      try state.apply(encoded.circuit, bindings: encoded.bindings(x))
      let base = s * width
      for i in 0..<state.dimension {
        re[base + i >> 3][i & 7] = state.re[i]
        im[base + i >> 3][i & 7] = state.im[i]
      }
    }
  }

  /// <a_i | b_j> as (real, imaginary).
  @inline(__always)
  static func inner(_ a: StateBank, _ i: Int, _ b: StateBank, _ j: Int) -> (Double, Double) {
    let oi = i &* a.width, oj = j &* b.width
    var accR = SIMD8<Double>.zero, accI = SIMD8<Double>.zero
    for k in 0..<a.width {
      let ar = a.re[oi &+ k], ai = a.im[oi &+ k], br = b.re[oj &+ k], bi = b.im[oj &+ k]
      accR += ar * br + ai * bi
      accI += ar * bi - ai * br
    }
    return (accR.sum(), accI.sum())
  }

  /// Amplitude `index` of state `s`.
  func amplitude(_ s: Int, _ index: Int) -> (Double, Double) {
    let k = s * width + index >> 3
    return (re[k][index & 7], im[k][index & 7])
  }

  /// Bloch vectors (⟨X⟩, ⟨Y⟩, ⟨Z⟩) of every qubit's reduced state, for state `s`: 3n values.
  func blochVectors(_ s: Int) -> [Double] {
    var out = [Double](repeating: 0, count: 3 * qubits)
    let dim = 1 << qubits
    for q in 0..<qubits {
      let bit = 1 << q
      var p0 = 0.0, p1 = 0.0, cr = 0.0, ci = 0.0
      for i0 in 0..<dim where i0 & bit == 0 {
        let (ar, ai) = amplitude(s, i0), (br, bi) = amplitude(s, i0 | bit)
        p0 += ar * ar + ai * ai
        p1 += br * br + bi * bi
        // ρ01 = Σ a_{i0} conj(a_{i1})
        cr += ar * br + ai * bi
        ci += ai * br - ar * bi
      }
      out[3 * q] = 2 * cr  // ⟨X⟩ = 2 Re ρ01
      out[3 * q + 1] = -2 * ci  // ⟨Y⟩ = −2 Im ρ01
      out[3 * q + 2] = p0 - p1
    }
    return out
  }
}
