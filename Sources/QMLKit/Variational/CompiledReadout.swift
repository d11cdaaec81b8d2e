import QuantumSim

/// The readouts of a variational circuit on a device backend: every circuit (the unshifted one
/// and each parameter-shifted one) is compiled under its bound angles by the device's
/// `NativeCompiler` (placement, SWAP routing, native gates), simulated on the density matrix under
/// the noise model localized to the compiled region (idle relaxation over the ASAP schedule when
/// the model has it), and read on the physical qubits the readout qubits end on (final layout).
struct CompiledReadout: Sendable {
  let model: VariationalCircuit
  let compiler: NativeCompiler
  /// The device noise, localized to the region the compiler places the circuit on.
  let noise: NoiseModel

  /// The exact readout (readout error included) of the shift circuit under `bindings`
  /// (encoding symbols, weights, then one shift per trainable gate).
  func readout(_ bindings: [Double]) throws -> Double {
    let native = try compiler.compile(model.shiftCircuit, bindings: bindings)
    let rho = try DensityMatrix(native.circuit, noise: noise)
    let qs = model.readout.qubits.map { native.finalLayout[$0] }
    return model.readoutValue(marginal: noise.applyReadout(to: rho.marginal(qs), qubits: qs))
  }

  /// The physical (region-local) qubits the readout qubits end on after routing.
  func readoutQubits() throws -> [Int] {
    let zeros = [Double](repeating: 0, count: model.shiftCircuit.symbols.count)
    let native = try compiler.compile(model.shiftCircuit, bindings: zeros)
    return model.readout.qubits.map { native.finalLayout[$0] }
  }
}
