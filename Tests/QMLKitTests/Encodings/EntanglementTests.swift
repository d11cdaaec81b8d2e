import Testing

@testable import QMLKit

@Suite struct EntanglementTests {
  @Test("Qiskit's tuple orders (checked against qiskit 2.x get_entangler_map output)")
  func qiskitOrder() {
    #expect(Entanglement.linear.tuples(qubits: 4, size: 2) == [[0, 1], [1, 2], [2, 3]])
    #expect(Entanglement.circular.tuples(qubits: 4, size: 2) == [[3, 0], [0, 1], [1, 2], [2, 3]])
    #expect(Entanglement.circular.tuples(qubits: 3, size: 2) == [[2, 0], [0, 1], [1, 2]])
    #expect(Entanglement.circular.tuples(qubits: 2, size: 2) == [[0, 1]])
    #expect(Entanglement.circular.tuples(qubits: 4, size: 3) == [[2, 3, 0], [3, 0, 1], [0, 1, 2], [1, 2, 3]])
    #expect(Entanglement.circular.tuples(qubits: 3, size: 3) == [[0, 1, 2]])
    #expect(Entanglement.full.tuples(qubits: 4, size: 2) == [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]])
    #expect(Entanglement.full.tuples(qubits: 3, size: 1) == [[0], [1], [2]])
    #expect(Entanglement.linear.tuples(qubits: 1, size: 2) == [])
  }
}
