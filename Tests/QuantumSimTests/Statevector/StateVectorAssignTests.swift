import QuantumSim
import Testing

@Suite struct StateVectorAssignTests {
  @Test func assignCopiesAmplitudesWithoutSharingStorage() throws {
    var a = try StateVector(qubits: 3)
    a.apply(Gate(.h, [0])); a.apply(Gate(.cx, [0, 2])); a.apply(Gate(.ry, [1], [0.4]))
    var b = try StateVector(qubits: 3)
    b.assign(from: a)
    #expect(b == a)
    b.apply(Gate(.x, [1]))
    #expect(b != a)
    #expect(abs(a.normSquared - 1) < 1e-12)
    #expect(abs(a.probabilities[0] - 0.5 * 0.9605304970014426) < 1e-12)  // cos²(0.2)/2
  }
}
