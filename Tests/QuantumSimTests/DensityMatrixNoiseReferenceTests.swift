import Foundation
import Numerics
import Testing

@testable import QuantumSim

/// Noisy density matrices against Qiskit Aer (Fixtures/noisy_density_matrices.json, made by
/// Fixtures/gen_noisy_density_matrices.py).
@Suite("DensityMatrix vs Qiskit Aer")
struct DensityMatrixNoiseReferenceTests {
  struct Fixture: Decodable {
    struct GateSpec: Decodable { let name: String; let qubits: [Int]; let params: [Double] }
    struct Case: Decodable {
      let noise: String
      let qubits: Int
      let gates: [GateSpec]
      let rho_re: [Double]
      let rho_im: [Double]
    }
    let cases: [Case]
  }

  static func load() throws -> Fixture {
    let url = try #require(Bundle.module.url(forResource: "noisy_density_matrices", withExtension: "json", subdirectory: "Fixtures"))
    return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
  }

  @Test("noisy circuits match Aer's density_matrix method to 1e-12")
  func matchesAer() throws {
    let fixture = try Self.load()
    #expect(fixture.cases.count == 14)
    for (k, item) in fixture.cases.enumerated() {
      var c = Circuit(qubits: item.qubits)
      for g in item.gates {
        let kind = try #require(GateKind(rawValue: g.name))
        c.append(Gate(kind, g.qubits, g.params.map { Angle.value($0) }))
      }
      let noise = try NoiseModel(specification: item.noise)
      let rho = try DensityMatrix(c, noise: noise)
      let expected = zip(item.rho_re, item.rho_im).map { Complex($0, $1) }
      let diff = DMSupport.maxDiff(rho.entries, expected)
      #expect(diff < 1e-12, "case \(k) '\(item.noise)': max diff \(diff)")
    }
  }
}
