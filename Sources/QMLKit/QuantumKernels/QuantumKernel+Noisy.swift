import Numerics
import QuantumSim

extension QuantumKernel {
  /// The compute-uncompute circuit U(y)† U(x): symbols are the encoding's (for x) followed by
  /// a renamed copy (for y).
  static func computeUncompute(_ encoded: EncodedCircuit) -> Circuit {
    let enc = encoded.circuit
    let m = enc.symbols.count
    var c = Circuit(qubits: enc.qubitCount)
    for name in enc.symbols { _ = c.symbol(name) }
    for name in enc.symbols { _ = c.symbol("y." + name) }
    for g in enc.gates { c.append(g) }
    let shift = Array(m..<(2 * m))
    for g in enc.inverse.gates {
      var h = g
      h.parameters = g.parameters.map { $0.remapped(shift) }
      c.append(h)
    }
    return c
  }

  /// Noisy fidelity kernel: for each pair, the all-zeros probability of U(y)†U(x) simulated on
  /// the density-matrix simulator under `noise`, after readout error on every qubit; optionally
  /// estimated from shots. This is the "naive" compute-uncompute estimate hardware would give;
  /// it is not symmetric-exact and its diagonal is below 1 (every entry, diagonal included, is
  /// executed and counted; train-train runs pairs i ≤ j and mirrors).
  public func noisyFidelity(_ encoded: EncodedCircuit, _ A: [[Double]], _ B: [[Double]]?, noise: NoiseModel) throws -> Matrix {
    let circuit = Self.computeUncompute(encoded)
    let n = circuit.qubitCount
    let a = try A.map { try encoded.bindings($0) }
    let b = try (B ?? A).map { try encoded.bindings($0) }
    let qubits = Array(0..<n)
    var K = Matrix(rows: a.count, columns: b.count)
    var rng = SeededGenerator(seed: seed ^ (B == nil ? 0x4E01 : 0x4E02))
    var executions = 0
    for i in a.indices {
      for j in b.indices {
        if B == nil && j < i { K[i, j] = K[j, i]; continue }
        let rho = try DensityMatrix(circuit, bindings: a[i] + b[j], noise: noise)
        var p = noise.applyReadout(to: rho.probabilities, qubits: qubits)[0]
        if let shots = backend.shotsPerCircuit {
          p = Double(sampleBinomial(trials: shots, probability: p, using: &rng)) / Double(shots)
        }
        K[i, j] = p
        executions += 1
      }
    }
    counter.record(executions: executions, shotsEach: backend.shotsPerCircuit ?? 0)
    return K
  }

  /// The same kernel as `noisyFidelity`, computed with 2N density-matrix runs instead of N²:
  /// K(x, y) = Tr(ρ(x) σ(y)), where ρ(x) is the noisy encoding of x applied to |0…0⟩ and σ(y) is
  /// the all-zeros readout operator M carried backwards (Heisenberg picture) through the noisy
  /// U(y)†. M = ⊗_q diag(p(0|0), p(0|1)) includes the readout error. Equal to the naive
  /// compute-uncompute estimate up to rounding; shots are drawn in the same order from the same
  /// seed, and every entry still counts as one circuit execution (what hardware would run).
  /// With a `compiler`, U(x) is compiled once per input to the device's native circuit C(x)
  /// (routing swaps included) and U(y)† runs as C(y)'s native inverse, which also undoes the
  /// routing permutation, so the all-zeros outcome is read on the same physical qubits.
  public func noisyFidelityHeisenberg(
    _ encoded: EncodedCircuit, _ A: [[Double]], _ B: [[Double]]?, noise: NoiseModel, compiler: NativeCompiler? = nil
  ) throws -> Matrix {
    let enc = encoded.circuit
    let n = enc.qubitCount, d = 1 << n
    let inverse = enc.inverse
    /// The circuit preparing ρ(x) and the one σ(y) is carried back through, with their bindings.
    func prepare(_ x: [Double]) throws -> (Circuit, [Double]) {
      guard let compiler else { return (enc, try encoded.bindings(x)) }
      return (try compiler.compile(enc, bindings: encoded.bindings(x)).circuit, [])
    }
    func uncompute(_ y: [Double]) throws -> (Circuit, [Double]) {
      guard let compiler else { return (inverse, try encoded.bindings(y)) }
      return (try compiler.inverse(compiler.compile(enc, bindings: encoded.bindings(y))), [])
    }
    var m = [Complex<Double>](repeating: .zero, count: d * d)
    for b in 0..<d {
      var p = 1.0
      for q in 0..<n {
        let e = noise.readoutError(on: q)
        let bit = (b >> q) & 1
        p *= bit == 0 ? 1 - (e?.p1Given0 ?? 0) : (e?.p0Given1 ?? 0)
      }
      m[b * d + b] = Complex(p, 0)
    }
    let readout = DensityMatrix(entries: m)
    // ρ(x) row-major; σ(y) transposed, so Tr(ρσ) = Σ_k ρ[k] σᵀ[k].
    let rhos: [[Complex<Double>]] = try A.map { x in
      let (c, b) = try prepare(x)
      return try DensityMatrix(c, bindings: b, noise: noise).entries
    }
    let sigmas: [[Complex<Double>]] = try (B ?? A).map { y in
      var s = readout
      let (c, b) = try uncompute(y)
      try s.applyHeisenberg(c, bindings: b, noise: noise)
      let e = s.entries
      var t = e
      for r in 0..<d { for c in 0..<d { t[r * d + c] = e[c * d + r] } }
      return t
    }
    var K = Matrix(rows: rhos.count, columns: sigmas.count)
    var rng = SeededGenerator(seed: seed ^ (B == nil ? 0x4E01 : 0x4E02))
    var executions = 0
    for i in rhos.indices {
      for j in sigmas.indices {
        if B == nil && j < i { K[i, j] = K[j, i]; continue }
        var p = 0.0
        let a = rhos[i], b = sigmas[j]
        for k in 0..<(d * d) { p += a[k].real * b[k].real - a[k].imaginary * b[k].imaginary }
        if let shots = backend.shotsPerCircuit {
          p = Double(sampleBinomial(trials: shots, probability: min(max(p, 0), 1), using: &rng)) / Double(shots)
        }
        K[i, j] = p
        executions += 1
      }
    }
    counter.record(executions: executions, shotsEach: backend.shotsPerCircuit ?? 0)
    return K
  }

  /// Bloch vectors of each input's one-qubit reduced states under `noise` (gate noise only;
  /// readout error is not applied to these expectation values).
  /// With a `compiler`, the state comes from the native circuit and logical qubit q is read on
  /// the qubit routing left it on.
  func noisyBloch(_ encoded: EncodedCircuit, _ X: [[Double]], noise: NoiseModel, compiler: NativeCompiler? = nil) throws -> [[Double]] {
    let n = encoded.circuit.qubitCount
    var out: [[Double]] = []
    for x in X {
      var rho: DensityMatrix
      var placed = Array(0..<n)
      if let compiler {
        let native = try compiler.compile(encoded.circuit, bindings: encoded.bindings(x))
        rho = try DensityMatrix(native.circuit, noise: noise)
        placed = native.finalLayout
      } else {
        rho = try DensityMatrix(encoded.circuit, bindings: encoded.bindings(x), noise: noise)
      }
      var v: [Double] = []
      for l in 0..<n {
        let q = placed[l]
        for p in ["X", "Y", "Z"] {
          var chars = [Character](repeating: "I", count: n)
          chars[n - 1 - q] = Character(p)
          v.append(try rho.expectation(pauli: String(chars)))
        }
      }
      out.append(v)
    }
    return out
  }
}
