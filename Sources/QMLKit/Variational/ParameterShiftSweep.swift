import QuantumSim

// Parameter shift with prefix reuse. The 2T shifted circuits of one sample (T trainable gates)
// share everything before their shifted gate with the unshifted circuit. One forward pass runs
// the unshifted circuit; just before trainable gate k the state is copied into a scratch state,
// gate k is applied shifted by +π/2 and the rest of the circuit after it, and the readout taken;
// then again from the same snapshot with −π/2. Cost: one circuit plus Σ_k 2·(gates from k on)
// instead of 2T + 1 whole circuits, with no allocation per gate or per circuit.
//
// Every run applies the gates of `model.shiftCircuit` under the bindings the straightforward
// evaluation would use (the sample's, then +π/2, −π/2 or 0 per shift symbol), one gate at a time
// with the same kernels and, under noise, the same channels after the same gates, so each exact
// readout equals the one of a separate run of that circuit bit for bit.

/// A state the sweep can restart, snapshot and advance gate by gate, with its exact readout.
protocol ShiftSweepState {
  /// Back to |0...0> (or its density matrix) in place.
  mutating func reset()
  /// Copies `other` into this state's own storage.
  mutating func assign(from other: Self)
  /// Applies one gate of the shift circuit (and, under noise, the channels after it).
  mutating func advance(_ gate: Gate, bindings: UnsafeBufferPointer<Double>)
  /// The exact readout value of `model` on this state (readout error included).
  func exactReadout(_ model: VariationalCircuit) -> Double
}

extension StateVector: ShiftSweepState {
  mutating func advance(_ gate: Gate, bindings: UnsafeBufferPointer<Double>) {
    apply(gate, bindings: bindings)
  }

  func exactReadout(_ model: VariationalCircuit) -> Double { model.readoutValue(self) }
}

/// A density matrix and the noise model it runs under (gate channels and readout error).
struct NoisyShiftState: ShiftSweepState {
  var rho: DensityMatrix
  let noise: NoiseModel

  mutating func reset() { rho.reset() }
  mutating func assign(from other: NoisyShiftState) { rho.assign(from: other.rho) }

  mutating func advance(_ gate: Gate, bindings: UnsafeBufferPointer<Double>) {
    rho.apply(gate, bindings: bindings, noise: noise)
  }

  func exactReadout(_ model: VariationalCircuit) -> Double {
    let qs = model.readout.qubits
    return model.readoutValue(marginal: noise.applyReadout(to: rho.marginal(qs), qubits: qs))
  }
}

/// The running state of the sweep and the scratch state the shifted branches run in.
struct ShiftSweepStates<State: ShiftSweepState> {
  var base: State
  var branch: State
}

/// One worker's scratch for parameter-shift evaluations of a model on a shot or noisy backend
/// (or the ideal one): two states of the backend's kind, the bindings and the exact readouts,
/// all allocated once and reused for every sample.
struct ParameterShiftSweep {
  /// The model's shift circuit, gate by gate.
  private let gates: [Gate]
  /// Per gate, its slot among the trainable gates (its shift symbol), or −1.
  private let slots: [Int]
  /// Index of the first shift symbol (`shiftN` follows the circuit's symbols).
  private let shiftOffset: Int
  private let model: VariationalCircuit
  /// Symbol values of the shift circuit: the sample's bindings, then one shift per trainable gate.
  private var bindings: [Double]
  /// Exact readouts of the last `run`: the unshifted value at 0, then for trainable slot t the
  /// +π/2 value at 1 + 2t and the −π/2 value at 2 + 2t.
  private(set) var exact: [Double]
  private var pure: ShiftSweepStates<StateVector>?
  private var noisy: ShiftSweepStates<NoisyShiftState>?
  /// On a device backend: every circuit compiled and simulated on its own (no prefix reuse,
  /// since each shifted circuit compiles to its own native circuit).
  private let compiled: CompiledReadout?

  /// Scratch for `model` on `backend`: density matrices under its noise model on a noisy
  /// backend, statevectors otherwise; on a device backend, the compiler and localized noise.
  /// - Throws: `SimulationError` when the device cannot hold or compile the circuit.
  init(model: VariationalCircuit, backend: QuantumBackend) throws {
    self.model = model
    gates = model.shiftCircuit.gates
    var slots = [Int](repeating: -1, count: gates.count)
    for (t, k) in model.trainableGates.enumerated() { slots[k] = t }
    self.slots = slots
    shiftOffset = model.circuit.symbols.count
    bindings = [Double](repeating: 0, count: model.shiftCircuit.symbols.count)
    exact = [Double](repeating: 0, count: 1 + 2 * model.trainableGates.count)
    let n = model.circuit.qubitCount
    if let compiler = backend.compiler {
      let c = CompiledReadout(model: model, compiler: compiler, noise: try backend.noise(qubits: n) ?? NoiseModel())
      _ = try c.readoutQubits()  // a device too small or a gate it cannot compile fails here
      compiled = c
      return
    }
    compiled = nil
    if let noise = try backend.noise(qubits: n) {
      noisy = ShiftSweepStates(
        base: NoisyShiftState(rho: try DensityMatrix(qubits: n), noise: noise),
        branch: NoisyShiftState(rho: try DensityMatrix(qubits: n), noise: noise))
    } else {
      pure = ShiftSweepStates(base: try StateVector(qubits: n), branch: try StateVector(qubits: n))
    }
  }

  /// Fills `exact` for the circuit bindings `b` (encoding symbols, then weights): the
  /// unshifted readout, and with `withShifts` the ±π/2 readouts of every trainable gate.
  /// - Throws: `SimulationError` from compiling a circuit on a device backend.
  mutating func run(_ b: [Double], withShifts: Bool) throws {
    precondition(b.count == shiftOffset, "expected \(shiftOffset) bindings, got \(b.count)")
    for i in 0..<shiftOffset { bindings[i] = b[i] }
    for i in shiftOffset..<bindings.count { bindings[i] = 0 }
    if let compiled {
      exact[0] = try compiled.readout(bindings)
      guard withShifts else { return }
      for slot in 0..<model.trainableGates.count {
        for j in 1...2 {
          bindings[shiftOffset + slot] = j == 1 ? Double.pi / 2 : -Double.pi / 2
          exact[j + 2 * slot] = try compiled.readout(bindings)
        }
        bindings[shiftOffset + slot] = 0
      }
    } else if noisy != nil {
      Self.sweep(&noisy!, gates, slots, shiftOffset, &bindings, &exact, withShifts, model)
    } else {
      Self.sweep(&pure!, gates, slots, shiftOffset, &bindings, &exact, withShifts, model)
    }
  }

  private static func sweep<S: ShiftSweepState>(
    _ states: inout ShiftSweepStates<S>, _ gates: [Gate], _ slots: [Int], _ offset: Int,
    _ bindings: inout [Double], _ exact: inout [Double], _ withShifts: Bool, _ model: VariationalCircuit
  ) {
    states.base.reset()
    let count = gates.count
    for k in 0..<count {
      let slot = slots[k]
      if withShifts && slot >= 0 {
        for j in 1...2 {
          let shift = j == 1 ? Double.pi / 2 : -Double.pi / 2
          states.branch.assign(from: states.base)
          bindings[offset + slot] = shift
          bindings.withUnsafeBufferPointer { b in
            for g in k..<count { states.branch.advance(gates[g], bindings: b) }
          }
          exact[j + 2 * slot] = states.branch.exactReadout(model)
        }
        bindings[offset + slot] = 0
      }
      bindings.withUnsafeBufferPointer { b in states.base.advance(gates[k], bindings: b) }
    }
    exact[0] = states.base.exactReadout(model)
  }
}
