import Numerics
import QuantumSim
import Testing

@Suite struct DensityMatrixHeisenbergTests {
  @Test func heisenbergPictureGivesTheSameExpectationAsTheNoisyState() throws {
    let noise = try NoiseModel(specification:
      "depolarizing=0.02,depolarizing2=0.05,amplitude_damping=0.03,phase_damping=0.02,t1=40us,t2=30us,gate_time_1q=50ns,gate_time_2q=300ns")
    var c = Circuit(qubits: 3)
    let a = c.symbol("a")
    c.append(.h, 0); c.append(.ry, 1, parameters: [a]); c.append(.cx, 0, 1); c.append(.crz, 1, 2, parameters: [0.7])
    c.append(.ccx, 0, 1, 2); c.append(.u, 2, parameters: [0.3, a, 1.1]); c.append(.rzz, 0, 2, parameters: [a * 2])
    let bindings = [0.9]
    // A random Hermitian observable X.
    var rng = SeededGenerator(seed: 3)
    let d = 8
    var x = [Complex<Double>](repeating: .zero, count: d * d)
    for r in 0..<d {
      x[r * d + r] = Complex(rng.nextUnit() - 0.5, 0)
      for col in (r + 1)..<d {
        let v = Complex(rng.nextUnit() - 0.5, rng.nextUnit() - 0.5)
        x[r * d + col] = v
        x[col * d + r] = v.conjugate
      }
    }
    let state = try DensityMatrix(c, bindings: bindings, noise: noise)
    var observable = DensityMatrix(entries: x)
    try observable.applyHeisenberg(c, bindings: bindings, noise: noise)
    let start = try DensityMatrix(qubits: 3)
    let forward = state.traceProduct(DensityMatrix(entries: x))
    let backward = start.traceProduct(observable)
    #expect(abs(forward - backward) < 1e-12, "Tr(E(rho) X) = \(forward), Tr(rho E†(X)) = \(backward)")
    // The adjoint of a non-unital channel is unital but not trace preserving.
    let damping = try KrausChannel.amplitudeDamping(gamma: 0.3).adjoint
    var identity = DensityMatrix(entries: [.one, .zero, .zero, .one])
    identity.apply(damping, qubits: [0])
    #expect(abs(identity[0, 0].real - 1) < 1e-15 && abs(identity[1, 1].real - 1) < 1e-15)
  }
}
