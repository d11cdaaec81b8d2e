import QuantumSim

/// What a quantum model runs on: the exact statevector, the exact state with finite shots,
/// or a noisy density-matrix simulation with optional finite shots.
public enum QuantumBackend: Sendable {
  /// Exact expectation values and overlaps from statevectors.
  case ideal
  /// Exact state, every quantity estimated from this many shots (binomial statistics, seeded).
  case shots(Int)
  /// Density-matrix simulation under `noise` (gate channels and readout error); exact
  /// probabilities when `shots` is nil, else estimated from that many shots.
  case noisy(NoiseModel, shots: Int?)
  /// A device: circuits compiled by `compiler` (routing, native gates), then simulated on the
  /// density matrix under `noise` (which acts on the compiled native gates); exact probabilities
  /// when `shots` is nil. Kernels compile U(x) once per input; variational circuits compile
  /// every bound (and parameter-shifted) circuit and read it at its final layout.
  case device(NativeCompiler, NoiseModel, shots: Int?)

  /// Shots per circuit, nil for exact results.
  public var shotsPerCircuit: Int? {
    switch self {
    case .ideal: return nil
    case .shots(let n): return n
    case .noisy(_, let n): return n
    case .device(_, _, let n): return n
    }
  }

  /// The noise model, nil for the noiseless backends.
  public var noise: NoiseModel? {
    if case .noisy(let m, _) = self { return m }
    if case .device(_, let m, _) = self { return m }
    return nil
  }

  /// The noise model an n-qubit circuit runs under: on a device, localized to the physical
  /// qubits its compiler places the circuit on (`NativeCompiler.region`), so per-qubit and
  /// per-coupler figures follow the compiled gates; nil for the noiseless backends.
  /// - Throws: `SimulationError` when the device has no connected region of n qubits.
  public func noise(qubits n: Int) throws -> NoiseModel? {
    guard let m = noise else { return nil }
    guard let c = compiler else { return m }
    return m.localized(to: try c.region(qubits: n))
  }

  /// The device compiler, nil for the backends that simulate logical circuits.
  public var compiler: NativeCompiler? {
    if case .device(let c, _, _) = self { return c }
    return nil
  }

  /// A short label for reports ("ideal", "shots=1024", "noisy", "noisy,shots=4096").
  public var label: String {
    switch self {
    case .ideal: return "ideal"
    case .shots(let n): return "shots=\(n)"
    case .noisy(_, let n): return n.map { "noisy,shots=\($0)" } ?? "noisy"
    case .device(let c, _, let n): return "device(\(c.gates.rawValue))" + (n.map { ",shots=\($0)" } ?? "")
    }
  }

  /// Checks the settings (positive shot counts).
  /// - Throws: `ModelError.invalidHyperparameter`.
  public func validate() throws {
    if let n = shotsPerCircuit, n <= 0 {
      throw ModelError.invalidHyperparameter("shots must be positive, got \(n)")
    }
  }
}
