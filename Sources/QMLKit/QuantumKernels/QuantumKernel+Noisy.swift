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
  /// it is not symmetric-exact and its measured diagonal is below 1 (train-train runs pairs i < j,
  /// and i = j only with `measureDiagonal`, else the diagonal is 1; it mirrors). No mitigation.
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
        if B == nil && i == j && !measureDiagonal { K[i, j] = 1; continue }
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
  ///
  /// The train-train diagonal (1 in exact arithmetic) is run and counted only with
  /// `measureDiagonal`; otherwise it is 1 and costs nothing.
  /// `mitigation.readout`: exact estimates read the all-zeros probability before readout error
  /// (the tensored inverse of an exact distribution); with shots each entry's whole outcome
  /// distribution is sampled (2^n operators carried back per input), inverted with the
  /// calibrated assignment matrices (`readoutCalibration`) and clipped to a distribution
  /// (`ReadoutMitigation`). `mitigation.zne`: both halves are folded (`folded`) at scales 1, 3,
  /// 5, every entry is estimated at each scale (3 executions) and extrapolated (Richardson),
  /// clipped to [0, 1].
  public func noisyFidelityHeisenberg(
    _ encoded: EncodedCircuit, _ A: [[Double]], _ B: [[Double]]?, noise: NoiseModel, compiler: NativeCompiler? = nil
  ) throws -> Matrix {
    let enc = encoded.circuit
    let n = enc.qubitCount, d = 1 << n
    let inverse = enc.inverse
    let scales = mitigation.scales
    let shots = backend.shotsPerCircuit
    /// Sampled readout mitigation needs every outcome's probability; otherwise one operator.
    let fullDistribution = mitigation.readout && shots != nil
    let calibration = mitigation.readout ? try readoutCalibration(noise, qubits: n) : nil
    let qubits = Array(0..<n)
    /// The circuit preparing ρ(x) and the one σ(y) is carried back through, with their bindings.
    func prepare(_ x: [Double], _ s: Int) throws -> (Circuit, [Double]) {
      guard let compiler else { return (Self.folded(enc, inverse, scale: s), try encoded.bindings(x)) }
      let c = try compiler.compile(enc, bindings: encoded.bindings(x))
      return (s == 1 ? c.circuit : Self.folded(c.circuit, try compiler.inverse(c), scale: s), [])
    }
    func uncompute(_ y: [Double], _ s: Int) throws -> (Circuit, [Double]) {
      guard let compiler else { return (Self.folded(inverse, enc, scale: s), try encoded.bindings(y)) }
      let c = try compiler.compile(enc, bindings: encoded.bindings(y))
      let back = try compiler.inverse(c)
      return (s == 1 ? back : Self.folded(back, c.circuit, scale: s), [])
    }
    /// The operator measured for outcome `b`: with readout mitigation |b⟩⟨b| (the inverse undoes
    /// the readout error; sampled estimates apply it to the distribution), else the readout-error
    /// POVM element Σ_c p(read b | c) |c⟩⟨c|.
    func outcomeOperator(_ b: Int) -> DensityMatrix {
      var m = [Complex<Double>](repeating: .zero, count: d * d)
      if mitigation.readout {
        m[b * d + b] = Complex(1, 0)
        return DensityMatrix(entries: m)
      }
      for c in 0..<d {
        var p = 1.0
        for q in 0..<n {
          let e = noise.readoutError(on: q)
          let read = (b >> q) & 1, was = (c >> q) & 1
          let flip = was == 0 ? (e?.p1Given0 ?? 0) : (e?.p0Given1 ?? 0)
          p *= read == was ? 1 - flip : flip
        }
        m[c * d + c] = Complex(p, 0)
      }
      return DensityMatrix(entries: m)
    }
    let outcomes = fullDistribution ? Array(0..<d) : [0]
    var perScale: [Matrix] = []
    var rng = SeededGenerator(seed: seed ^ (B == nil ? 0x4E01 : 0x4E02))
    var executions = 0
    for s in scales {
      // ρ(x) row-major; σ(y) transposed, so Tr(ρσ) = Σ_k ρ[k] σᵀ[k].
      let rhos: [[Complex<Double>]] = try A.map { x in
        let (c, b) = try prepare(x, s)
        return try DensityMatrix(c, bindings: b, noise: noise).entries
      }
      let sigmas: [[[Complex<Double>]]] = try (B ?? A).map { y in
        let (c, b) = try uncompute(y, s)
        return try outcomes.map { o in
          var m = outcomeOperator(o)
          try m.applyHeisenberg(c, bindings: b, noise: noise)
          let e = m.entries
          var t = e
          for r in 0..<d { for c in 0..<d { t[r * d + c] = e[c * d + r] } }
          return t
        }
      }
      var K = Matrix(rows: rhos.count, columns: sigmas.count)
      for i in rhos.indices {
        for j in sigmas.indices {
          if B == nil && j < i { K[i, j] = K[j, i]; continue }
          if B == nil && i == j && !measureDiagonal { K[i, j] = 1; continue }
          let a = rhos[i]
          let probabilities = sigmas[j].map { b in
            var p = 0.0
            for k in 0..<(d * d) { p += a[k].real * b[k].real - a[k].imaginary * b[k].imaginary }
            return p
          }
          var p = probabilities[0]
          if fullDistribution, let shots, let calibration {
            let measured = noise.applyReadout(to: probabilities.map { min(max($0, 0), 1) }, qubits: qubits)
            let frequencies = Self.sampleFrequencies(measured, shots: shots, using: &rng)
            p = try ReadoutMitigation.mitigate(frequencies, qubits: qubits, noise: calibration)[0]
          } else if let shots {
            p = Double(sampleBinomial(trials: shots, probability: min(max(p, 0), 1), using: &rng)) / Double(shots)
          }
          K[i, j] = p
          executions += 1
        }
      }
      perScale.append(K)
    }
    var K = perScale[0]
    if perScale.count > 1 {
      for k in K.values.indices {
        K.values[k] = Self.extrapolated(perScale.map { $0.values[k] }, scales: scales, low: 0, high: 1)
      }
    }
    counter.record(executions: executions, shotsEach: shots ?? 0)
    return K
  }

  /// Bloch vectors of each input's one-qubit reduced states under `noise` (gate noise only;
  /// readout error is not applied to these expectation values), the circuit folded to `scale`.
  /// With a `compiler`, the state comes from the native circuit and logical qubit q is read on
  /// the qubit routing left it on.
  func noisyBloch(
    _ encoded: EncodedCircuit, _ X: [[Double]], noise: NoiseModel, compiler: NativeCompiler? = nil, scale: Int = 1
  ) throws -> [[Double]] {
    let n = encoded.circuit.qubitCount
    var out: [[Double]] = []
    for x in X {
      var rho: DensityMatrix
      var placed = Array(0..<n)
      if let compiler {
        let native = try compiler.compile(encoded.circuit, bindings: encoded.bindings(x))
        let c = scale == 1 ? native.circuit : Self.folded(native.circuit, try compiler.inverse(native), scale: scale)
        rho = try DensityMatrix(c, noise: noise)
        placed = native.finalLayout
      } else {
        let enc = encoded.circuit
        let c = scale == 1 ? enc : Self.folded(enc, enc.inverse, scale: scale)
        rho = try DensityMatrix(c, bindings: encoded.bindings(x), noise: noise)
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

  /// The Bloch vectors a projected kernel uses on a noisy backend: estimated (and counted) at
  /// each of `mitigation.scales`, extrapolated to zero noise with ZNE (clipped to [−1, 1]).
  func mitigatedBloch(
    _ encoded: EncodedCircuit, _ X: [[Double]], noise: NoiseModel, compiler: NativeCompiler?, salt: UInt64
  ) throws -> [[Double]] {
    let scales = mitigation.scales
    let perScale = try scales.enumerated().map { k, s in
      sampleBloch(try noisyBloch(encoded, X, noise: noise, compiler: compiler, scale: s), salt: salt &+ 16 &* UInt64(k))
    }
    guard perScale.count > 1 else { return perScale[0] }
    var out = perScale[0]
    for i in out.indices {
      for k in out[i].indices {
        out[i][k] = Self.extrapolated(perScale.map { $0[i][k] }, scales: scales, low: -1, high: 1)
      }
    }
    return out
  }
}
