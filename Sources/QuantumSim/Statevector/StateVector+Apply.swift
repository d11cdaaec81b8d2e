import Numerics

extension StateVector {
  /// Applies one gate with its angles evaluated under `bindings`.
  public mutating func apply(_ gate: Gate, bindings: UnsafeBufferPointer<Double>) {
    var p = GateParameters(repeating: 0)
    for (i, a) in gate.parameters.enumerated() { p[i] = a.evaluate(bindings) }
    apply(gate, parameters: p)
  }

  /// Applies one gate whose parameters are already numbers (no symbols).
  public mutating func apply(_ gate: Gate) {
    precondition(gate.parameters.allSatisfy { $0.constantValue != nil }, "\(gate.kind) has unbound symbols; pass bindings")
    [Double]().withUnsafeBufferPointer { apply(gate, bindings: $0) }
  }

  /// Applies one gate with evaluated parameters `p`, choosing the kernel by the gate's shape.
  public mutating func apply(_ gate: Gate, parameters p: GateParameters) {
    precondition(gate.qubits.allSatisfy { $0 >= 0 && $0 < qubitCount }, "\(gate.kind) on qubit(s) \(gate.qubits) outside 0..<\(qubitCount)")
    let dim = dimension, threads = self.threads
    re.withUnsafeMutableBufferPointer { rb in
      im.withUnsafeMutableBufferPointer { ib in
        Kernels.apply(gate, parameters: p, rb.baseAddress!, ib.baseAddress!, dim: dim, threads: threads)
      }
    }
  }

  /// Applies every gate of `circuit` (measurements and barriers are skipped) under `bindings`.
  public mutating func apply(_ circuit: Circuit, bindings: [Double] = []) throws {
    guard bindings.count == circuit.symbols.count else {
      throw SimulationError.bindingCount(expected: circuit.symbols.count, got: bindings.count)
    }
    precondition(circuit.qubitCount <= qubitCount, "circuit has more qubits than the state")
    bindings.withUnsafeBufferPointer { b in
      for op in circuit.operations {
        if case .gate(let g) = op { apply(g, bindings: b) }
      }
    }
  }
}

extension Kernels {
  /// Applies one gate with evaluated parameters `p` to the raw split storage of `dim` amplitudes
  /// (the gate's qubits below log2(dim)), choosing the kernel by the gate's shape.
  static func apply(
    _ gate: Gate, parameters p: GateParameters, _ r: UnsafeMutablePointer<Double>, _ i: UnsafeMutablePointer<Double>,
    dim: Int, threads: Int
  ) {
    let q = gate.qubits
    switch gate.kind {
    case .id: break
    case .x: controlledX(r, i, dim: dim, threads: threads, q: q[0])
    case .cx: controlledX(r, i, dim: dim, threads: threads, q: q[1], c0: q[0])
    case .ccx: controlledX(r, i, dim: dim, threads: threads, q: q[2], c0: q[0], c1: q[1])
    case .swap: swapQubits(r, i, dim: dim, threads: threads, a: q[0], b: q[1])
    case .cswap: swapQubits(r, i, dim: dim, threads: threads, a: q[1], b: q[2], c0: q[0])
    case .z, .s, .sdg, .t, .tdg, .rz, .p:
      let m = GateMatrices.single(gate.kind, p)
      diagonal1(
        r, i, dim: dim, threads: threads, q: q[0],
        d0r: m.m00.real, d0i: m.m00.imaginary, d1r: m.m11.real, d1i: m.m11.imaginary)
    case .cz, .cp:
      let m = GateMatrices.single(gate.kind, p)
      maskedPhase(r, i, dim: dim, threads: threads, a: q[0], b: q[1], pr: m.m11.real, pi: m.m11.imaginary)
    case .y, .h, .sx, .sxdg, .rx, .ry, .u, .unitary1, .prx, .gpi, .gpi2:
      let m = GateMatrices.single(gate.kind, p, matrix: gate.matrix)
      dense1(r, i, dim: dim, threads: threads, q: q[0], m: m)
    case .cy, .ch, .crx, .cry, .crz, .cu:
      let m = GateMatrices.single(gate.kind, p)
      dense1(r, i, dim: dim, threads: threads, q: q[1], c0: q[0], m: m)
    case .rzz:
      diagonal2(r, i, dim: dim, threads: threads, q0: q[0], q1: q[1], d: GateMatrices.dense2(.rzz, p))
    case .unitary2 where DiagonalBlock.isDiagonal(gate):
      // A diagonal two-qubit unitary (the ZZ rotation cx·p·cx of the Pauli feature maps, as the
      // compiler writes it): four phases, not a 4x4 product.
      diagonal2(r, i, dim: dim, threads: threads, q0: q[0], q1: q[1], d: GateMatrices.dense2(.unitary2, p, matrix: gate.matrix))
    case .iswap, .rxx, .ryy, .unitary2:
      dense2(r, i, dim: dim, threads: threads, q0: q[0], q1: q[1], m: GateMatrices.dense2(gate.kind, p, matrix: gate.matrix))
    }
  }
}
