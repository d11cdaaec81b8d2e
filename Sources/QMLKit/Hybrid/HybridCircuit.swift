import QuantumSim

/// The quantum layer of a hybrid ("dressed") classifier (Mari et al. 2020): a Hadamard on every
/// qubit, ry(a_q) loading angle a_q on qubit q, then a trainable ansatz; its outputs are ⟨Z_q⟩ of
/// every qubit. Evaluates the outputs and their Jacobian with respect to the angles and the
/// ansatz weights, by the adjoint method (ideal backend) or parameter shift (any backend).
///
/// Symbols: a0 ... a(n−1), then the ansatz weights w0 ... w(P−1); all are differentiated.
public struct HybridCircuit: Sendable {
  /// One model per readout qubit, sharing the circuit.
  let models: [VariationalCircuit]
  /// Qubits (= angles).
  public let qubits: Int
  /// Trainable ansatz weights.
  public let weightCount: Int
  /// Gates whose angle depends on a symbol (each shifted twice by parameter shift).
  public var trainableGates: Int { models[0].trainableGates.count }

  /// The circuit on `qubits` qubits with `ansatz`.
  /// - Throws: `ModelError.invalidHyperparameter` for bad settings.
  public init(qubits n: Int, ansatz: Ansatz) throws {
    guard n >= 1, n <= 30 else { throw ModelError.invalidHyperparameter("qubits must lie in 1...30, got \(n)") }
    try ansatz.validate()
    var c = Circuit(qubits: n)
    let a = (0..<n).map { c.symbol("a\($0)") }
    for q in 0..<n { c.append(.h, q) }
    for q in 0..<n { c.append(.ry, q, parameters: [a[q]]) }
    var w = 0
    for layer in 0..<ansatz.layers { ansatz.appendLayer(layer, to: &c, qubits: n, offset: &w) }
    var share = Circuit(qubits: n)
    let x = (0..<n).map { share.symbol("x\($0)") }
    for q in 0..<n { share.append(.h, q) }
    for q in 0..<n { share.append(.ry, q, parameters: [x[q]]) }
    let encoded = EncodedCircuit(circuit: share, featureCount: n)
    models = try (0..<n).map { try VariationalCircuit(circuit: c, encoded: encoded, weightOffset: 0, readout: .z($0)) }
    qubits = n
    weightCount = w
  }

  /// The whole circuit (angles and ansatz), as run per execution.
  public var circuit: Circuit { models[0].circuit }
  /// The angle-loading share (Hadamards and ry layer).
  public var encodingStatistics: CircuitStatistics { models[0].encodingStatistics }

  /// Scratch for one worker: statevectors, and parameter-shift sweeps per readout on shot or noisy backends.
  struct Scratch {
    var psi: StateVector
    var lambda: StateVector
    /// The final state of the forward pass, shared by every readout's backward pass.
    var final: StateVector
    var sweeps: [ParameterShiftSweep]?
  }

  func scratch(backend: QuantumBackend, method: GradientMethod) throws -> Scratch {
    var sweeps: [ParameterShiftSweep]?
    var ideal = false
    if case .ideal = backend { ideal = true }
    if !ideal || method == .parameterShift { sweeps = try models.map { try ParameterShiftSweep(model: $0, backend: backend) } }
    return Scratch(
      psi: try StateVector(qubits: qubits), lambda: try StateVector(qubits: qubits), final: try StateVector(qubits: qubits),
      sweeps: sweeps)
  }

  /// ⟨Z_q⟩ for every qubit at bindings `b` (angles, then weights) and, with `jacobian`,
  /// J[q][s] = ∂⟨Z_q⟩/∂b_s. Records the executions a device would run in `counter`: one circuit
  /// measured on every qubit per evaluation, and 2 more per trainable gate for parameter shift
  /// (each shifted circuit also yields every ⟨Z_q⟩).
  func evaluate(
    _ b: [Double], jacobian: Bool, method: GradientMethod, backend: QuantumBackend, scratch: inout Scratch,
    rng: inout SeededGenerator, counter: ExecutionCounter
  ) throws -> (values: [Double], jacobian: [[Double]]) {
    let scratchCounter = ExecutionCounter()
    var values = [Double](repeating: 0, count: qubits)
    var jac: [[Double]] = []
    let shots = backend.shotsPerCircuit
    if !jacobian {
      if case .ideal = backend {
        scratch.psi.reset()
        for g in models[0].gates { scratch.psi.apply(g, parameters: VariationalEvaluator.evaluate(g, b)) }
        for q in 0..<qubits { values[q] = models[q].readoutValue(scratch.psi) }
      } else {
        for q in 0..<qubits {
          let e = evaluator(q, backend: backend, method: method, counter: scratchCounter)
          values[q] = try e.sampledReadout(b, sweep: &scratch.sweeps![q], rng: &rng)
        }
      }
      counter.record(executions: 1, shotsEach: shots ?? 0)
      return (values, [])
    }
    if method == .adjoint {
      // One forward pass; then per readout a backward pass from the shared final state.
      let m = models[0]
      scratch.final.reset()
      for g in m.gates { scratch.final.apply(g, parameters: VariationalEvaluator.evaluate(g, b)) }
      for q in 0..<qubits {
        values[q] = models[q].readoutValue(scratch.final)
        jac.append(backward(b, readout: q, scratch: &scratch))
      }
      counter.record(executions: 1, shotsEach: 0)
      return (values, jac)
    }
    for q in 0..<qubits {
      let e = evaluator(q, backend: backend, method: method, counter: scratchCounter)
      var g = [Double](repeating: 0, count: b.count)
      values[q] = try e.shifted(b, sweep: &scratch.sweeps![q], scale: 1, grad: &g, gradOffset: 0, rng: &rng)
      jac.append(g)
    }
    counter.record(executions: 1 + 2 * trainableGates, shotsEach: shots ?? 0)
    return (values, jac)
  }

  /// ∂⟨Z_q⟩/∂b by the adjoint method from the forward pass's final state in `scratch.final`.
  private func backward(_ b: [Double], readout q: Int, scratch: inout Scratch) -> [Double] {
    let m = models[q]
    var g = [Double](repeating: 0, count: b.count)
    scratch.psi.assign(from: scratch.final)
    scratch.lambda.assign(from: scratch.final)
    for z in m.readoutGates { scratch.lambda.apply(z, parameters: GateParameters(repeating: 0)) }
    for k in stride(from: m.gates.count - 1, through: 0, by: -1) {
      if let gen = m.generators[k] {
        let term = gen.derivativeTerm(lambda: scratch.lambda, psi: scratch.psi)
        for (w, d) in m.dependencies[k] { g[w] += term * (d.constantValue ?? d.evaluate(b)) }
      }
      let inv = m.inverses[k]
      let p = VariationalEvaluator.evaluate(inv, b)
      scratch.psi.apply(inv, parameters: p)
      scratch.lambda.apply(inv, parameters: p)
    }
    return g
  }

  private func evaluator(_ q: Int, backend: QuantumBackend, method: GradientMethod, counter: ExecutionCounter) -> VariationalEvaluator {
    VariationalEvaluator(model: models[q], outputs: 1, backend: backend, method: method, loss: .squared, threads: 1, counter: counter)
  }
}
