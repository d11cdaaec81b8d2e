import Foundation
import QuantumSim
import Testing

@testable import QMLKit

@Suite struct AmplitudeEncodingTests {
  @Test("the Möttönen circuit prepares x/|x| exactly", arguments: [1, 2, 3, 4, 5, 8, 11, 16])
  func preparesNormalisedInput(d: Int) throws {
    var rng = SeededGenerator(seed: UInt64(d))
    let enc = AmplitudeEncoding()
    let encoded = try enc.circuit(features: d)
    let n = enc.qubits(features: d)
    for _ in 0..<5 {
      let x = (0..<d).map { _ in rng.nextGaussian() }
      let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
      let state = try encoded.state(x)
      #expect(state.qubitCount == n)
      for i in 0..<(1 << n) {
        let want = i < d ? x[i] / norm : 0
        #expect(abs(state.re[i] - want) < 1e-12, "amplitude \(i) of \(x)")
        #expect(abs(state.im[i]) < 1e-12)
      }
    }
    let stats = encoded.statistics
    #expect(stats.gateCounts["ry"] == (1 << n) - 1)
    #expect((stats.gateCounts["cx"] ?? 0) == (1 << n) - 2)
  }

  @Test("sparse and negative inputs, and the zero vector is rejected")
  func edgeCases() throws {
    let encoded = try AmplitudeEncoding().circuit(features: 4)
    let s = try encoded.state([0, 0, -3, 0])
    #expect(abs(s.re[2] + 1) < 1e-12)
    #expect(throws: ModelError.self) { try encoded.state([0, 0, 0, 0]) }
  }
}
