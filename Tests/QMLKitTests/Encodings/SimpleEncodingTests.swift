import Foundation
import Numerics
import QuantumSim
import Testing

@testable import QMLKit

@Suite struct SimpleEncodingTests {
  @Test("angle ry: amplitudes are products of cos(x/2), sin(x/2)")
  func angleRY() throws {
    let x = [0.4, 2.2, -1.3]
    let s = try AngleEncoding(rotation: .ry).circuit(features: 3).state(x)
    for i in 0..<8 {
      var want = 1.0
      for q in 0..<3 { want *= (i >> q) & 1 == 0 ? cos(x[q] / 2) : sin(x[q] / 2) }
      #expect(abs(s.re[i] - want) < 1e-14 && abs(s.im[i]) < 1e-14)
    }
  }

  @Test("angle rx and rz: Z and X expectations are cos(x)")
  func angleRXRZ() throws {
    let x = [0.7, 1.9]
    let sx = try AngleEncoding(rotation: .rx).circuit(features: 2).state(x)
    #expect(abs(sx.expectationZ(0) - cos(0.7)) < 1e-14 && abs(sx.expectationZ(1) - cos(1.9)) < 1e-14)
    let sz = try AngleEncoding(rotation: .rz).circuit(features: 2).state(x)
    #expect(abs(try sz.expectation(pauli: "IX") - cos(0.7)) < 1e-14)
    #expect(abs(try sz.expectation(pauli: "XI") - cos(1.9)) < 1e-14)
  }

  @Test("basis: a bit string becomes its basis state with amplitude exactly 1")
  func basis() throws {
    let enc = try BasisEncoding().circuit(features: 4)
    let s = try enc.state([1, 0, 1, 1])
    #expect(abs(s.re[0b1101] - 1) < 1e-15 && abs(s.im[0b1101]) < 1e-15)
    #expect(throws: ModelError.self) { try enc.state([1, 0, 0.5, 1]) }
  }

  @Test("IQP: amplitudes match the closed form 2^(-n/2) exp(i φ(b))")
  func iqp() throws {
    let x = [0.3, -1.2, 2.5]
    let s = try IQPEncoding(reps: 1).circuit(features: 3).state(x)
    let n = 3
    for b in 0..<8 {
      let bit = { (q: Int) in Double((b >> q) & 1) }
      var phi = 0.0
      for i in 0..<n { phi += x[i] * (bit(i) - 0.5) }
      for i in 0..<n { for j in (i + 1)..<n { phi += x[i] * x[j] * (bit(i) == bit(j) ? -0.5 : 0.5) } }
      let amp = Complex<Double>(cos(phi), sin(phi)) * Complex(pow(2, -1.5), 0)
      #expect(abs(s.re[b] - amp.real) < 1e-13 && abs(s.im[b] - amp.imaginary) < 1e-13)
    }
  }

  @Test("encodings by name, with unknown names rejected")
  func byName() throws {
    #expect(try EncodingName.make("zz", reps: 1, entanglement: "full").name == "zz")
    #expect(try EncodingName.make("amplitude").qubits(features: 5) == 3)
    #expect(throws: ModelError.self) { try EncodingName.make("zzz") }
    #expect(throws: ModelError.self) { try EncodingName.make("zz", entanglement: "star") }
    // docs/SPEC.md lists `ring` as a synonym of `circular` (for specs and `qlift kernel --entanglement`).
    #expect(try EncodingName.make("zz", entanglement: "ring").describe == EncodingName.make("zz", entanglement: "circular").describe)
  }
}
