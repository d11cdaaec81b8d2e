@testable import QMLKit
import QuantumSim
import Testing

@Suite struct NoisyHeisenbergKernelTests {
  /// Every channel kind plus readout error, so each adjoint (unital or not) is exercised.
  static func noise() throws -> NoiseModel {
    try NoiseModel(specification:
      "depolarizing=0.01,depolarizing2=0.03,amplitude_damping=0.02,phase_damping=0.01,readout=0.03,"
      + "t1=50us,t2=40us,gate_time_1q=30ns,gate_time_2q=200ns")
  }

  static func inputs(_ n: Int, _ d: Int, seed: UInt64) -> [[Double]] {
    var rng = SeededGenerator(seed: seed)
    return (0..<n).map { _ in (0..<d).map { _ in rng.nextUnit() * .pi } }
  }

  @Test func twoNMethodEqualsTheNaiveComputeUncomputeKernel() throws {
    let noise = try Self.noise()
    var kernel = QuantumKernel(encoding: PauliFeatureMap.zz(reps: 2, entanglement: .full, alpha: 2),
                               backend: .noisy(noise, shots: nil))
    kernel.measureDiagonal = true
    let X = Self.inputs(9, 3, seed: 5), Y = Self.inputs(4, 3, seed: 6)
    let encoded = try kernel.encoding.circuit(features: 3)
    for (a, b) in [(X, nil), (X, Y)] as [([[Double]], [[Double]]?)] {
      let naive = try kernel.noisyFidelity(encoded, a, b, noise: noise)
      let fast = try kernel.noisyFidelityHeisenberg(encoded, a, b, noise: noise)
      let worst = zip(naive.values, fast.values).map { abs($0 - $1) }.max()!
      #expect(worst < 1e-10, "largest difference \(worst)")
      // Noise pulls the diagonal below 1, so the comparison is not trivially between exact kernels.
      if b == nil { #expect(naive[0, 0] < 0.99) }
    }
  }

  @Test func withShotsBothMethodsDrawTheSameCounts() throws {
    let noise = try Self.noise()
    let kernel = QuantumKernel(encoding: PauliFeatureMap.zz(reps: 1, entanglement: .linear, alpha: 2),
                               backend: .noisy(noise, shots: 500), seed: 9)
    let X = Self.inputs(6, 2, seed: 7)
    let encoded = try kernel.encoding.circuit(features: 2)
    #expect(try kernel.noisyFidelity(encoded, X, nil, noise: noise).values
      == kernel.noisyFidelityHeisenberg(encoded, X, nil, noise: noise).values)
  }
}
