import Foundation
import Testing

@testable import QuantumSim

/// Qiskit's statevectors above 15 qubits, where compiled circuits run cache-blocked
/// (`Fixtures/wide_statevectors.json`, made by `gen_wide_statevectors.py`): random circuits of
/// every gate family on 16-18 qubits, amplitudes at 256 fixed indices and <Z> of every qubit.
@Suite struct WideStatevectorReferenceTests {
  struct Case: Decodable, Sendable, CustomStringConvertible {
    var name: String
    var qasm: String
    var num_qubits: Int
    var indices: [Int]
    var real: [Double]
    var imag: [Double]
    var z: [Double]
    var description: String { name }
  }
  struct File: Decodable { var cases: [Case] }

  static let cases: [Case] = {
    guard let url = Bundle.module.url(forResource: "wide_statevectors", withExtension: "json", subdirectory: "Fixtures"),
      let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data)
    else { return [] }
    return file.cases
  }()

  @Test func fixtureLoaded() {
    #expect(Self.cases.map(\.num_qubits) == [16, 17, 18])
  }

  @Test("the cache-blocked compiled run equals Qiskit on 1 and 2 threads and with small blocks", arguments: cases)
  func compiledRunEqualsQiskit(c: Case) throws {
    let circuit = try Circuit(qasm: c.qasm)
    #expect(circuit.qubitCount == c.num_qubits)
    #expect(c.num_qubits > CacheBlockedRun.defaultBlockQubits, "the case must reach the cache-blocked path")
    let compiled = try CompiledCircuit(circuit)
    var states: [StateVector] = []
    // The default blocks on 1 and 2 threads, and smaller blocks (more passes, more gathered blocks).
    for (threads, blockQubits) in [(1, CacheBlockedRun.defaultBlockQubits), (2, CacheBlockedRun.defaultBlockQubits), (2, 9)] {
      var s = try StateVector(qubits: circuit.qubitCount)
      s.threads = threads
      s.apply(compiled, blockQubits: blockQubits)
      for (k, i) in c.indices.enumerated() {
        #expect(abs(s.re[i] - c.real[k]) < 1e-10 && abs(s.im[i] - c.imag[k]) < 1e-10, "\(c.name) index \(i)")
      }
      for q in 0..<c.num_qubits { #expect(abs(s.expectationZ(q) - c.z[q]) < 1e-10, "\(c.name) <Z\(q)>") }
      states.append(s)
    }
    #expect(states[0].re == states[1].re && states[0].im == states[1].im, "1 and 2 threads differ")
  }
}
