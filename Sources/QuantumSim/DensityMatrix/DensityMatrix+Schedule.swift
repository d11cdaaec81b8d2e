extension DensityMatrix {
  /// Runs `steps` (gates with their channels, idle relaxation) forwards: the state update.
  mutating func _apply(_ steps: [NoisyStep], bindings: [Double]) {
    for step in steps {
      switch step {
      case .gate(let g): apply(g, parameters: _evaluate(g, bindings))
      case .channel(let c, let qubits): apply(c, qubits: qubits)
      }
    }
  }

  /// Runs `steps` backwards on an observable: adjoint channels and inverse gates, last first.
  mutating func _applyHeisenberg(_ steps: [NoisyStep], bindings: [Double]) {
    for step in steps.reversed() {
      switch step {
      case .gate(let g):
        let inverse = g.inverse
        apply(inverse, parameters: _evaluate(inverse, bindings))
      case .channel(let c, let qubits): apply(c.adjoint, qubits: qubits)
      }
    }
  }
}

/// The gate's angles evaluated under `bindings`.
private func _evaluate(_ gate: Gate, _ bindings: [Double]) -> GateParameters {
  var p = GateParameters(repeating: 0)
  for (i, a) in gate.parameters.enumerated() { p[i] = a.evaluate(bindings) }
  return p
}
