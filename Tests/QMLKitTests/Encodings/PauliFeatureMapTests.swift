import Foundation
import QuantumSim
import Testing

@testable import QMLKit

@Suite struct PauliFeatureMapTests {
  @Test("statevectors equal Qiskit's pauli_feature_map to 1e-10")
  func matchesQiskit() throws {
    let fixture = try loadQuantumFixture("pauli_feature_maps")
    let cases = try #require(fixture["cases"] as? [[String: Any]])
    #expect(cases.count == 4)
    for c in cases {
      let d = try #require(c["d"] as? Int)
      let fm = PauliFeatureMap(
        paulis: try #require(c["paulis"] as? [String]), reps: try #require(c["reps"] as? Int),
        entanglement: try #require(Entanglement(rawValue: c["entanglement"] as? String ?? "")),
        alpha: try #require((c["alpha"] as? NSNumber)?.doubleValue))
      let encoded = try fm.circuit(features: d)
      let state = try encoded.state(doubles(c["x"]))
      let re = doubles(c["real"]), im = doubles(c["imag"])
      #expect(state.dimension == re.count)
      for i in re.indices {
        #expect(abs(state.re[i] - re[i]) < 1e-10, "case \(c["paulis"]!) amplitude \(i)")
        #expect(abs(state.im[i] - im[i]) < 1e-10, "case \(c["paulis"]!) amplitude \(i)")
      }
      let ops = try #require(c["ops"] as? [String: Int])
      #expect(encoded.statistics.twoQubitGates == (ops["cx"] ?? 0))
    }
  }

  @Test("ZZ map gate sequence: h, p(2x), then cx p(2(π−x_i)(π−x_j)) cx per pair")
  func zzSequence() throws {
    let encoded = try PauliFeatureMap.zz(reps: 1, entanglement: .linear).circuit(features: 3)
    let kinds = encoded.circuit.gates.map(\.kind)
    #expect(kinds == [.h, .h, .h, .p, .p, .p, .cx, .p, .cx, .cx, .p, .cx])
    let gates = encoded.circuit.gates
    #expect(gates[6].qubits == [0, 1] && gates[7].qubits == [1] && gates[10].qubits == [2])
    let x = [0.3, 1.1, 2.0]
    let angle = gates[7].parameters[0].evaluate(x)
    #expect(abs(angle - 2 * (Double.pi - 0.3) * (Double.pi - 1.1)) < 1e-14)
    #expect(abs(gates[3].parameters[0].evaluate(x) - 0.6) < 1e-15)
    let cost = try PauliFeatureMap.zz(reps: 2, entanglement: .linear).cost(features: 4)
    #expect(cost.qubits == 4 && cost.twoQubitGates == 2 * 2 * 3 && cost.oneQubitGates == 2 * (8 + 3))
  }

  @Test("invalid settings are rejected with a message")
  func rejectsBadSettings() {
    #expect(throws: ModelError.self) { try PauliFeatureMap(paulis: ["ZQ"]).circuit(features: 3) }
    #expect(throws: ModelError.self) { try PauliFeatureMap(paulis: ["ZZZZ"]).circuit(features: 3) }
    #expect(throws: ModelError.self) { try PauliFeatureMap.zz(reps: 0).circuit(features: 3) }
    #expect(throws: ModelError.self) { try PauliFeatureMap.zz().circuit(features: 3).bindings([1, 2]) }
    #expect(throws: ModelError.self) { try PauliFeatureMap.zz().circuit(features: 2).bindings([1, .nan]) }
  }
}
