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
    // Per qubit: the product of pending gates, how many, and the only one (if one).
    var pending = [Matrix2?](repeating: nil, count: qubitCount)
    var pendingCount = [Int](repeating: 0, count: qubitCount)
    var pendingGate = [Gate?](repeating: nil, count: qubitCount)

    func numeric(_ g: Gate) -> Gate {
      var n = g
      n.parameters = g.parameters.map { .value($0.evaluate(bindings)) }
      return n
    }
    func flush(_ q: Int) {
      guard let m = pending[q] else { return }
      if pendingCount[q] == 1, let g = pendingGate[q] {
        out.append(g)
      } else {
        out.append(Gate(.unitary1, [q], matrix: m.flat))
      }
      pending[q] = nil; pendingCount[q] = 0; pendingGate[q] = nil
    }

    for op in operations {
      switch op {
      case .gate(let gate):
        let g = numeric(gate)
        let values = g.parameters.map { $0.evaluate([Double]()) }
        if g.kind == .id { continue }
        if g.kind.arity == 1 {
          let m = GateMatrices.single(g.kind, gateParameters(values), matrix: g.matrix)
          let q = g.qubits[0]
          pending[q] = m * (pending[q] ?? .identity)
          pendingCount[q] += 1
          pendingGate[q] = g
        } else if g.kind.arity == 2 && absorbIntoTwoQubit
          && (pending[g.qubits[0]] != nil || pending[g.qubits[1]] != nil)
        {
          let a = g.qubits[0], b = g.qubits[1]
          let m = GateMatrices.full(g, values)
          let pa = pending[a] ?? .identity, pb = pending[b] ?? .identity
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
          for q in [a, b] { pending[q] = nil; pendingCount[q] = 0; pendingGate[q] = nil }
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
