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
  func noisyFidelity(_ encoded: EncodedCircuit, _ A: [[Double]], _ B: [[Double]]?, noise: NoiseModel) throws -> Matrix {
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

  /// Bloch vectors of each input's one-qubit reduced states under `noise` (gate noise only;
  /// readout error is not applied to these expectation values).
  func noisyBloch(_ encoded: EncodedCircuit, _ X: [[Double]], noise: NoiseModel) throws -> [[Double]] {
    let n = encoded.circuit.qubitCount
    var out: [[Double]] = []
    for x in X {
      let rho = try DensityMatrix(encoded.circuit, bindings: encoded.bindings(x), noise: noise)
      var v: [Double] = []
      for q in 0..<n {
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
