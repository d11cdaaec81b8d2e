import Foundation
import QuantumSim

/// A quantum circuit Born machine (Liu & Wang 2018): the model distribution is
/// p_θ(x) = |<x|ψ(θ)>|² of a parameterized circuit, trained to minimize MMD² to a data
/// distribution, with gradients by the parameter-shift rule.
///
/// On `.noisy` backends the probabilities are the diagonal of the density matrix of the circuit
/// under the noise model, with readout error applied; the shift rule stays exact there: each
/// rotation is followed by θ-independent channels, so every probability is still
/// a + b cos θ + c sin θ in each angle. On `.device` backends the circuit bound at θ is compiled
/// by the device's `NativeCompiler` (native gates, placement, SWAP routing), simulated under the
/// noise localized to the compiled region (idle relaxation on the schedule) and read at the
/// final layout, as variational circuits are (`CompiledReadout`); there the shift rule is exact
/// for depolarizing gate noise and close, not exact, under relaxation during gates (docs/HARDWARE.md).
public struct BornMachine: Sendable {
  /// The circuit layout.
  public let ansatz: BornMachineAnsatz
  /// The circuit (symbols `t0`...).
  public let circuit: Circuit

  /// A Born machine with this ansatz.
  public init(ansatz: BornMachineAnsatz) {
    self.ansatz = ansatz
    self.circuit = ansatz.circuit
  }

  /// Number of angles.
  public var parameterCount: Int { ansatz.parameterCount }

  /// The exact Born probabilities of the circuit at `theta` on `backend` (shots are ignored here:
  /// see `sampledProbabilities`).
  /// - Throws: `ModelError.invalidData` for a wrong number of angles; `SimulationError`.
  public func probabilities(_ theta: [Double], backend: QuantumBackend) throws -> [Double] {
    guard theta.count == parameterCount else {
      throw ModelError.invalidData("\(theta.count) angles for a Born machine of \(parameterCount)")
    }
    if let compiler = backend.compiler {
      let n = ansatz.qubitCount
      let noise = try backend.noise(qubits: n) ?? NoiseModel()
      let native = try compiler.compile(circuit, bindings: theta)
      let rho = try DensityMatrix(native.circuit, noise: noise)
      let physical = (0..<n).map { native.finalLayout[$0] }  // bit k of the result is logical qubit k
      return noise.applyReadout(to: rho.marginal(physical), qubits: physical)
    }
    if let noise = backend.noise {
      let rho = try DensityMatrix(circuit, bindings: theta, noise: noise)
      return noise.applyReadout(to: rho.probabilities, qubits: Array(0..<ansatz.qubitCount))
    }
    var psi = try StateVector(qubits: ansatz.qubitCount)
    try psi.apply(circuit, bindings: theta)
    return psi.probabilities
  }

  /// The probabilities at `theta`, estimated from the backend's shots when it has a shot count
  /// (the empirical frequencies of `shots` seeded draws), else exact. Records one execution.
  public func sampledProbabilities(
    _ theta: [Double], backend: QuantumBackend, rng: inout SeededGenerator, counter: ExecutionCounter? = nil
  ) throws -> [Double] {
    let p = try probabilities(theta, backend: backend)
    counter?.record(executions: 1, shotsEach: backend.shotsPerCircuit ?? 0)
    guard let shots = backend.shotsPerCircuit else { return p }
    let counts = sampleDistribution(p, shots: shots, seed: rng.next())
    var f = [Double](repeating: 0, count: p.count)
    for (i, c) in counts { f[i] = Double(c) / Double(shots) }
    return f
  }

  /// MMD²(p_θ, data) under `kernel`.
  public func loss(_ theta: [Double], data: [Double], kernel: MMDKernel, backend: QuantumBackend) throws -> Double {
    GenerativeMetrics.mmd(try probabilities(theta, backend: backend), data, kernel: kernel)
  }

  /// The gradient of MMD²(p_θ, π) by the parameter-shift rule (Liu & Wang eq. 5):
  /// ∂L/∂θ_l = Σ_x (p_{θ+}(x) − p_{θ−}(x)) · (K(p_θ − π))(x), θ± = θ ± (π/2) e_l,
  /// i.e. E_{x~p+, y~p} k − E_{x~p−, y~p} k − E_{x~p+, y~π} k + E_{x~p−, y~π} k.
  /// On a shot backend every distribution (p_θ and each p_θ±) is estimated from its own shots,
  /// so the estimate is unbiased; 2P + 1 circuit executions.
  public func gradient(
    _ theta: [Double], data: [Double], kernel: MMDKernel, backend: QuantumBackend,
    rng: inout SeededGenerator, counter: ExecutionCounter? = nil
  ) throws -> [Double] {
    let p = try sampledProbabilities(theta, backend: backend, rng: &rng, counter: counter)
    let residual = kernel.apply(zip(p, data).map { $0 - $1 })
    var g = [Double](repeating: 0, count: theta.count)
    var shifted = theta
    for l in theta.indices {
      try Cancellation.check()
      shifted[l] = theta[l] + .pi / 2
      let plus = try sampledProbabilities(shifted, backend: backend, rng: &rng, counter: counter)
      shifted[l] = theta[l] - .pi / 2
      let minus = try sampledProbabilities(shifted, backend: backend, rng: &rng, counter: counter)
      shifted[l] = theta[l]
      var s = 0.0
      for x in residual.indices { s += (plus[x] - minus[x]) * residual[x] }
      g[l] = s
    }
    return g
  }
}
