import Numerics

extension DensityMatrix {
  /// Applies a Kraus channel on `qubits` (as many as the channel acts on): ρ → Σ K ρ K†.
  ///
  /// Precondition: the qubits are distinct and in range.
  /// - Complexity: O(4^n · 4^k) for a k-qubit channel, in place.
  public mutating func apply(_ channel: KrausChannel, qubits: [Int]) {
    precondition(
      qubits.count == channel.qubitCount,
      "\(channel.name) acts on \(channel.qubitCount) qubit(s), got \(qubits)")
    precondition(qubits.allSatisfy { $0 >= 0 && $0 < qubitCount }, "\(channel.name) on \(qubits) outside 0..<\(qubitCount)")
    precondition(Set(qubits).count == qubits.count, "\(channel.name) repeats a qubit: \(qubits)")
    let n = qubitCount
    let targets = qubits + qubits.map { $0 + n }
    _DensityKernels.apply(channel, targets: targets, re: &_vec.re, im: &_vec.im, threads: _vec.threads)
  }

  /// Applies one gate with evaluated parameters as ρ → U ρ U†: U on the row qubits and conj(U)
  /// on the column qubits, each by the statevector kernel for the gate's shape.
  public mutating func apply(_ gate: Gate, parameters p: GateParameters) {
    precondition(gate.qubits.allSatisfy { $0 >= 0 && $0 < qubitCount }, "\(gate.kind) on \(gate.qubits) outside 0..<\(qubitCount)")
    if gate.kind == .id { return }
    _vec.apply(gate, parameters: p)
    let (kind, q, matrix) = _conjugate(gate.kind, p, matrix: gate.matrix)
    _vec.apply(Gate(kind, gate.qubits.map { $0 + qubitCount }, matrix: matrix), parameters: q)
  }

  /// Applies every gate of `circuit` under `bindings`, each followed by the channels `noise`
  /// attaches to it (see `NoiseModel`). Measurements and barriers are skipped; with gate noise,
  /// three-qubit gates run as their CX decomposition. With the model's idle relaxation, the
  /// circuit runs on its ASAP schedule and idle windows relax (`NoiseModel.idleRelaxation`).
  ///
  /// - Throws: `SimulationError.bindingCount` when `bindings` does not match the circuit's
  ///   symbols, `SimulationError.invalidRequest` when the circuit has more qubits than the state.
  public mutating func apply(_ circuit: Circuit, bindings: [Double] = [], noise: NoiseModel? = nil) throws {
    guard bindings.count == circuit.symbols.count else {
      throw SimulationError.bindingCount(expected: circuit.symbols.count, got: bindings.count)
    }
    guard circuit.qubitCount <= qubitCount else {
      throw SimulationError.invalidRequest(
        "the circuit has \(circuit.qubitCount) qubits but the density matrix \(qubitCount)")
    }
    if let model = noise, let idle = model.idleRelaxation {
      _apply(try model.scheduledSteps(circuit, idle: idle), bindings: bindings)
      return
    }
    bindings.withUnsafeBufferPointer { b in
      for op in circuit.operations {
        if case .gate(let gate) = op { apply(gate, bindings: b, noise: noise) }
      }
    }
  }

  /// The density matrix a circuit prepares from |0...0> under `noise`.
  /// - Throws: as `init(qubits:)` and `apply(_:bindings:noise:)`.
  public init(_ circuit: Circuit, bindings: [Double] = [], noise: NoiseModel? = nil) throws {
    try self.init(qubits: circuit.qubitCount)
    try apply(circuit, bindings: bindings, noise: noise)
  }
}

/// A gate whose matrix is the entrywise complex conjugate of `kind`'s under `p` (exactly, with
/// no global phase), as a named gate where one exists and as a unitary otherwise.
func _conjugate(_ kind: GateKind, _ p: GateParameters, matrix: [Complex<Double>]?)
  -> (GateKind, GateParameters, [Complex<Double>]?)
{
  var q = p
  switch kind {
  case .id, .x, .z, .h, .ry, .cx, .cz, .ch, .cry, .swap, .ccx, .cswap:
    return (kind, p, nil)  // real matrices
  case .s: return (.sdg, p, nil)
  case .sdg: return (.s, p, nil)
  case .t: return (.tdg, p, nil)
  case .tdg: return (.t, p, nil)
  case .sx: return (.sxdg, p, nil)
  case .sxdg: return (.sx, p, nil)
  case .rx, .rz, .p, .cp, .crx, .crz, .rxx, .ryy, .rzz:
    q[0] = -p[0]
    return (kind, q, nil)
  case .u:  // conj u(θ, φ, λ) = u(θ, −φ, −λ)
    q[1] = -p[1]; q[2] = -p[2]
    return (kind, q, nil)
  case .cu:
    q[1] = -p[1]; q[2] = -p[2]; q[3] = -p[3]
    return (kind, q, nil)
  case .prx:  // conj prx(θ, φ) = prx(−θ, −φ)
    q[0] = -p[0]; q[1] = -p[1]
    return (kind, q, nil)
  case .gpi:  // conj gpi(φ) = gpi(−φ)
    q[0] = -p[0]
    return (kind, q, nil)
  case .y, .unitary1, .gpi2:
    return (.unitary1, p, GateMatrices.single(kind, p, matrix: matrix).flat.map(\.conjugate))
  case .cy, .iswap, .unitary2:
    return (.unitary2, p, GateMatrices.dense2(kind, p, matrix: matrix).flat.map(\.conjugate))
  }
}
