import Numerics

extension Circuit {
  /// A numeric copy of this circuit with fewer kernel passes: consecutive single-qubit gates on
  /// the same qubit are multiplied into one `unitary1`, and, when `absorbIntoTwoQubit` is set,
  /// pending single-qubit gates are multiplied into the next two-qubit gate on their qubit (a
  /// `unitary2`), as qsim's and Qulacs' fusers do.
  ///
  /// The fused circuit prepares the same state up to floating-point rounding (about 1e-15 per
  /// gate). Measurements stay in place; barriers are dropped. A lone gate is kept as it is, so
  /// its specialised kernel (diagonal, permutation) still applies.
  /// - Throws: `SimulationError.bindingCount` when `bindings` does not match `symbols`.
  public func fused(bindings: [Double] = [], absorbIntoTwoQubit: Bool = false) throws -> Circuit {
    guard bindings.count == symbols.count else {
      throw SimulationError.bindingCount(expected: symbols.count, got: bindings.count)
    }
    var out = Circuit(qubits: qubitCount, bits: bitCount)
    var runs = SingleQubitRuns(qubits: qubitCount)
    func flush(_ q: Int) {
      if let g = runs.take(q) { out.append(g) }
    }

    for op in operations {
      switch op {
      case .gate(let gate):
        let g = gate.bound(bindings)
        if g.kind == .id { continue }
        if g.kind.arity == 1 {
          runs.add(g)
        } else if g.kind.arity == 2 && absorbIntoTwoQubit
          && (runs.has(g.qubits[0]) || runs.has(g.qubits[1]))
        {
          let a = g.qubits[0], b = g.qubits[1]
          let m = GateMatrices.full(g, g.parameters.map { $0.constantValue ?? .nan })
          let pa = runs.takeMatrix(a) ?? .identity, pb = runs.takeMatrix(b) ?? .identity
          // M * (pb ⊗ pa): basis index = bit(a) + 2 bit(b).
          var k = [Complex<Double>](repeating: .zero, count: 16)
          let fa = pa.flat, fb = pb.flat
          for r in 0..<4 {
            for c in 0..<4 {
              k[r * 4 + c] = fb[(r >> 1) * 2 + (c >> 1)] * fa[(r & 1) * 2 + (c & 1)]
            }
          }
          var prod = [Complex<Double>](repeating: .zero, count: 16)
          for r in 0..<4 {
            for c in 0..<4 {
              var s = Complex<Double>.zero
              for t in 0..<4 { s += m[r * 4 + t] * k[t * 4 + c] }
              prod[r * 4 + c] = s
            }
          }
          out.append(Gate(.unitary2, [a, b], matrix: prod))
        } else {
          for q in g.qubits { flush(q) }
          out.append(g)
        }
      case .measure(let q, let b):
        flush(q)
        out.measure(q, into: b)
      case .barrier:
        continue
      }
    }
    for q in 0..<qubitCount { flush(q) }
    return out
  }
}
