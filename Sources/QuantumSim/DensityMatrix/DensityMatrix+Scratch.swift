// Scratch-state helpers: loops that simulate many circuits (parameter shift, one circuit per
// shifted angle) keep a few density matrices and reuse their storage instead of allocating a
// new 16·4^n-byte state per run, and advance them one gate at a time.

extension DensityMatrix {
  /// Back to |0...0><0...0| in place, without reallocating.
  public mutating func reset() {
    _vec.reset()
  }

  /// Copies `other` into this matrix's own storage (same qubit count), without reallocating:
  /// plain assignment would share the buffer, and the next gate would copy it.
  public mutating func assign(from other: DensityMatrix) {
    precondition(qubitCount == other.qubitCount, "density matrices on \(qubitCount) and \(other.qubitCount) qubits")
    _vec.assign(from: other._vec)
  }

  /// Applies one gate of a circuit, its angles evaluated under `bindings`, followed by the
  /// channels `noise` attaches to it (with gate noise, a three-qubit gate runs as its CX
  /// decomposition, each part followed by its channels; a model with readout error only adds
  /// nothing here). `apply(_:bindings:noise:)` for a whole circuit calls this for each gate.
  public mutating func apply(_ gate: Gate, bindings: UnsafeBufferPointer<Double>, noise: NoiseModel?) {
    guard let model = noise, model.hasGateNoise else {
      apply(gate, parameters: _scratchEvaluate(gate, bindings))
      return
    }
    if gate.kind.arity > 2 {
      for part in GateDecomposition.decompose(gate) { _applyFollowedByChannels(part, bindings, model) }
    } else {
      _applyFollowedByChannels(gate, bindings, model)
    }
  }

  private mutating func _applyFollowedByChannels(_ gate: Gate, _ bindings: UnsafeBufferPointer<Double>, _ model: NoiseModel) {
    apply(gate, parameters: _scratchEvaluate(gate, bindings))
    model.forEachChannel(after: gate) { channel, qubits in apply(channel, qubits: qubits) }
  }
}

/// Evaluated gate angles (as `apply(_:bindings:noise:)` evaluates them).
@inline(__always)
private func _scratchEvaluate(_ gate: Gate, _ b: UnsafeBufferPointer<Double>) -> GateParameters {
  var p = GateParameters(repeating: 0)
  for (i, a) in gate.parameters.enumerated() { p[i] = a.evaluate(b) }
  return p
}
