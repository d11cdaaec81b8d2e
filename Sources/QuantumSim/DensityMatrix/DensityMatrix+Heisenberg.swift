extension DensityMatrix {
  /// Carries an observable X (stored in this matrix) backwards through a noisy circuit:
  /// X → E†(X), where E is what `apply(circuit, bindings:, noise:)` does to a state. Then
  /// Tr(E(ρ) X) = Tr(ρ E†(X)) for every state ρ.
  ///
  /// E applies each gate G and then the channels the noise model attaches to it, so E† applies,
  /// from the last gate to the first, the adjoints of those channels in reverse order and then
  /// G† X G. With gate noise, three-qubit gates run as their CX decomposition, as in `apply`;
  /// with idle relaxation, the same ASAP schedule and idle channels as `apply`, backwards.
  /// - Throws: as `apply(_:bindings:noise:)`.
  public mutating func applyHeisenberg(_ circuit: Circuit, bindings: [Double] = [], noise: NoiseModel? = nil) throws {
    guard bindings.count == circuit.symbols.count else {
      throw SimulationError.bindingCount(expected: circuit.symbols.count, got: bindings.count)
    }
    guard circuit.qubitCount <= qubitCount else {
      throw SimulationError.invalidRequest(
        "the circuit has \(circuit.qubitCount) qubits but the density matrix \(qubitCount)")
    }
    if let model = noise, let idle = model.idleRelaxation {
      _applyHeisenberg(try model.scheduledSteps(circuit, idle: idle), bindings: bindings)
      return
    }
    let model = noise?.hasGateNoise == true ? noise : nil
    var steps: [Gate] = []
    for op in circuit.operations {
      guard case .gate(let gate) = op else { continue }
      if model != nil, gate.kind.arity > 2 { steps += GateDecomposition.decompose(gate) } else { steps.append(gate) }
    }
    for gate in steps.reversed() {
      if let model {
        var channels: [(KrausChannel, [Int])] = []
        model.forEachChannel(after: gate) { channel, qubits in channels.append((channel, qubits)) }
        for (channel, qubits) in channels.reversed() { apply(channel.adjoint, qubits: qubits) }
      }
      // G† X G is the state update with the inverse gate (whose angles are the negated ones).
      let inverse = gate.inverse
      var p = GateParameters(repeating: 0)
      for (i, a) in inverse.parameters.enumerated() { p[i] = a.evaluate(bindings) }
      apply(inverse, parameters: p)
    }
  }

  /// Tr(self · other) for Hermitian operators (real part; e.g. a state and an observable).
  public func traceProduct(_ other: DensityMatrix) -> Double {
    precondition(qubitCount == other.qubitCount, "operators differ in size")
    let d = 1 << qubitCount
    var s = 0.0
    for r in 0..<d {
      for c in 0..<d {
        let a = self[r, c], b = other[c, r]
        s += a.real * b.real - a.imaginary * b.imaginary
      }
    }
    return s
  }
}
