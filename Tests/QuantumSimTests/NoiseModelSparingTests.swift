import Numerics
import QuantumSim
import Testing

@Suite struct NoiseModelSparingTests {
  @Test func sparedGatesCarryNoNoiseAndOthersKeepIt() throws {
    let model = try NoiseModel(specification: "depolarizing=0.1,depolarizing2=0.2,readout=0.05")
    let spared = model.sparing(NoiseModel.virtualZGates)
    // A circuit of virtual-Z gates only stays pure under the spared model, not under the original.
    var zOnly = Circuit(qubits: 2)
    zOnly.append(.rz, 0, parameters: [0.3]); zOnly.append(.p, 1, parameters: [1.1]); zOnly.append(.t, 0)
    #expect(abs(try DensityMatrix(zOnly, noise: spared).purity() - 1) < 1e-12)
    #expect(try DensityMatrix(zOnly, noise: model).purity() < 0.9)
    // Other gates are as noisy as before, one- and two-qubit alike.
    var mixed = Circuit(qubits: 2)
    mixed.append(.h, 0); mixed.append(.cx, 0, 1); mixed.append(.sx, 1)
    let a = try DensityMatrix(mixed, noise: model), b = try DensityMatrix(mixed, noise: spared)
    #expect(zip(a.entries, b.entries).allSatisfy { ($0 - $1).length < 1e-14 })
    #expect(spared.readoutError(on: 1) == model.readoutError(on: 1))
  }
}
