import Foundation
import Numerics
import Testing
@testable import QuantumSim

/// Probabilities, marginals, Pauli expectations and seeded sampling.
@Suite struct StatevectorMeasurementTests {
  typealias C = Complex<Double>

  func bell() throws -> StateVector {
    var c = Circuit(qubits: 2)
    c.append(.h, 0)
    c.append(.cx, 0, 1)
    return try SVReference.run(c)
  }

  @Test func bellPauliExpectations() throws {
    let s = try bell()
    #expect(abs(try s.expectation(pauli: "ZZ") - 1) < 1e-14)
    #expect(abs(try s.expectation(pauli: "XX") - 1) < 1e-14)
    #expect(abs(try s.expectation(pauli: "YY") + 1) < 1e-14)
    #expect(abs(try s.expectation(pauli: "ZI")) < 1e-14)
    #expect(abs(try s.expectation(pauli: "IX")) < 1e-14)
    #expect(abs(try s.expectation(pauli: "II") - 1) < 1e-14)
  }

  @Test("Pauli strings: rightmost character is qubit 0")
  func pauliOrdering() throws {
    var c = Circuit(qubits: 3)
    c.append(.x, 0)  // |001>
    let s = try SVReference.run(c)
    #expect(abs(try s.expectation(pauli: "IIZ") + 1) < 1e-15)
    #expect(abs(try s.expectation(pauli: "ZII") - 1) < 1e-15)
    #expect(abs(s.expectationZ(0) + 1) < 1e-15)
    #expect(abs(s.expectationZ(2) - 1) < 1e-15)
  }

  @Test("Pauli expectations equal <psi|P|psi> with P built densely", arguments: ["XYZ", "YIX", "ZZY", "YYY", "IXI", "xyz"])
  func pauliAgainstDense(pauli: String) throws {
    let s = SVReference.randomState(3, seed: 77)
    var m: [C] = [.one]
    var d = 1
    for ch in pauli.uppercased() {  // leftmost character = highest qubit = high bits of the Kronecker product
      let p: [C]
      switch ch {
      case "X": p = SVReference.pauliX
      case "Y": p = SVReference.pauliY
      case "Z": p = SVReference.pauliZ
      default: p = SVReference.pauliI
      }
      m = SVReference.kron(m, d, p, 2)
      d *= 2
    }
    let pv = SVReference.apply(m, s.amplitudes)
    var e = C.zero
    for (a, b) in zip(s.amplitudes, pv) { e += a.conjugate * b }
    #expect(abs(e.imaginary) < 1e-14)
    #expect(abs(try s.expectation(pauli: pauli) - e.real) < 1e-13)
  }

  @Test func pauliStringErrors() throws {
    let s = try bell()
    #expect(throws: SimulationError.self) { try s.expectation(pauli: "ZZZ") }
    #expect(throws: SimulationError.self) { try s.expectation(pauli: "ZQ") }
  }

  @Test func probabilitiesAndMarginals() throws {
    let s = SVReference.randomState(4, seed: 9)
    let p = s.probabilities
    #expect(abs(p.reduce(0.0) { $0 + $1 } - 1) < 1e-12)
    for (i, a) in s.amplitudes.enumerated() { #expect(abs(p[i] - a.lengthSquared) < 1e-16) }
    // Marginal over [2, 0]: entry bit 0 = qubit 2, bit 1 = qubit 0.
    let m = s.marginal([2, 0])
    var expected = [Double](repeating: 0, count: 4)
    for i in 0..<16 { expected[((i >> 2) & 1) | ((i & 1) << 1)] += p[i] }
    for k in 0..<4 { #expect(abs(m[k] - expected[k]) < 1e-14) }
    #expect(abs(s.marginal([0, 1, 2, 3]).reduce(0.0) { $0 + $1 } - 1) < 1e-12)
    for (k, v) in s.marginal([0, 1, 2, 3]).enumerated() { #expect(abs(v - p[k]) < 1e-15) }
  }

  @Test("seeded sampling: reproducible, counts sum to shots, chi-square within bounds", arguments: [UInt64(1), 2, 3])
  func sampling(seed: UInt64) throws {
    let s = SVReference.randomState(3, seed: 21)
    let shots = 20_000
    let counts = s.sample(shots: shots, seed: seed)
    #expect(counts.values.reduce(0) { $0 + $1 } == shots)
    #expect(counts == s.sample(shots: shots, seed: seed))
    let p = s.probabilities
    var chi2 = 0.0
    for i in 0..<8 {
      let e = p[i] * Double(shots)
      let o = Double(counts[i] ?? 0)
      chi2 += (o - e) * (o - e) / e
    }
    // 7 degrees of freedom: P(chi2 > 24.3) ≈ 0.001.
    #expect(chi2 < 24.3, "chi-square \(chi2)")
  }

  @Test func samplingNeverDrawsZeroProbabilityOutcomes() throws {
    let s = try bell()
    let counts = s.sample(shots: 5000, seed: 4)
    #expect(Set(counts.keys).isSubset(of: [0, 3]))
    #expect(counts.values.reduce(0) { $0 + $1 } == 5000)
    #expect(s.sample(shots: 0, seed: 4).isEmpty)
  }

  @Test func bitStrings() {
    #expect(bitString(1, width: 4) == "0001")
    #expect(bitString(6, width: 3) == "110")
    #expect(bitString(0, width: 0) == "")
  }
}
