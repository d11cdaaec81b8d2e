import Foundation
import Numerics
import Testing
@testable import QuantumSim

/// Qiskit reference statevectors for OpenQASM 2.0 programs (`Fixtures/statevectors.json`, copied
/// from ../shared/reference, and `Fixtures/qasm_gates.json`, made by `gen_qasm_gates.py`).
@Suite struct QASMFixtureTests {
  typealias C = Complex<Double>

  struct Case: Decodable, Sendable, CustomStringConvertible {
    var name: String?
    var qasm: String
    var num_qubits: Int
    var real: [Double]
    var imag: [Double]
    var probabilities: [Double]?
    var description: String { name ?? String(qasm.prefix(60)) }
  }
  struct StatevectorFile: Decodable { var circuits: [Case] }
  struct GateFile: Decodable { var cases: [Case] }

  static func load<T: Decodable>(_ name: String, _ type: T.Type) -> T? {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
      let data = try? Data(contentsOf: url)
    else { return nil }
    return try? JSONDecoder().decode(T.self, from: data)
  }

  static let statevectors = load("statevectors", StatevectorFile.self)?.circuits ?? []
  static let gates = load("qasm_gates", GateFile.self)?.cases ?? []

  @Test func fixturesLoaded() {
    #expect(Self.statevectors.count == 6)
    #expect(Self.gates.count >= 79)
  }

  @Test("shared reference circuits: amplitudes to 1e-10, probabilities to 1e-12", arguments: statevectors)
  func sharedReference(c: Case) throws {
    let circuit = try Circuit(qasm: c.qasm)
    #expect(circuit.qubitCount == c.num_qubits)
    let s = try SVReference.run(circuit)
    let expected = zip(c.real, c.imag).map { C($0, $1) }
    #expect(SVReference.maxDifference(s.amplitudes, expected) < 1e-10)
    let probs = try #require(c.probabilities)
    for (p, q) in zip(s.probabilities, probs) { #expect(abs(p - q) < 1e-12) }
  }

  @Test("every imported gate name against Qiskit, both qubit orders", arguments: gates)
  func gateNames(c: Case) throws {
    let circuit = try Circuit(qasm: c.qasm)
    let s = try SVReference.run(circuit)
    let expected = zip(c.real, c.imag).map { C($0, $1) }
    let d = SVReference.maxDifference(s.amplitudes, expected)
    #expect(d < 1e-10, "\(c.description): max difference \(d)")
  }

  @Test("round trip through qasm2() and qasm3()-free import keeps the statevector", arguments: statevectors + gates)
  func roundTrip(c: Case) throws {
    let circuit = try Circuit(qasm: c.qasm)
    let again = try Circuit(qasm: try circuit.qasm2())
    let a = try SVReference.run(circuit), b = try SVReference.run(again)
    #expect(SVReference.maxDifference(a.amplitudes, b.amplitudes) < 1e-12)
  }
}
