import Foundation
import Numerics
import QuantumSim
import Testing

@testable import QMLKit

@Suite struct MPSEvidenceTests {
  static func haar(qubits n: Int, seed: UInt64) -> StateVector {
    var rng = SeededGenerator(seed: seed)
    let amps = (0..<(1 << n)).map { _ in Complex(rng.nextGaussian(), rng.nextGaussian()) }
    let norm = amps.reduce(0) { $0 + $1.lengthSquared }.squareRoot()
    return StateVector(amplitudes: amps.map { $0.divided(by: norm) })
  }

  static func ghz(qubits n: Int) -> StateVector {
    var amps = [Complex<Double>](repeating: .zero, count: 1 << n)
    amps[0] = Complex(0.5.squareRoot(), 0)
    amps[(1 << n) - 1] = Complex(0, 0.5.squareRoot())
    return StateVector(amplitudes: amps)
  }

  /// Tr ρ_A² summed straight from the amplitudes (the brute-force reference for Σ λ²).
  static func purity(_ s: StateVector, cut k: Int) -> Double {
    let dA = 1 << k, dB = 1 << (s.qubitCount - k)
    var total = 0.0
    for a in 0..<dA {
      for a2 in 0..<dA {
        var r = Complex<Double>.zero  // ρ[a][a2]
        for b in 0..<dB { r = r + s[a + dA * b] * s[a2 + dA * b].conjugate }
        total += r.lengthSquared
      }
    }
    return total
  }

  @Test("product states need bond dimension 1 and carry no entanglement")
  func productStates() throws {
    let rows = [[0.3, 1.2, 2.9, 0.4, 1.7], [2.2, 0.1, 1.5, 3.0, 0.8]]
    let e = try MPSEvidence(encoding: AngleEncoding(rotation: .rx), rows: rows)
    #expect(e.bondDimensions == [1, 1, 1, 1])
    #expect(e.maxEntropy < 1e-9)
    #expect(e.reading.contains("bond dimension 1"))
    let z = try MPSEvidence(encoding: PauliFeatureMap.z(reps: 3), rows: rows)
    #expect(z.bondDimension == 1)
  }

  @Test("GHZ states need bond dimension 2 at every cut and carry one bit")
  func ghzStates() throws {
    for n in 2...6 {
      let e = try MPSEvidence(states: [Self.ghz(qubits: n)])
      #expect(e.bondDimensions == [Int](repeating: 2, count: n - 1), "\(n) qubits")
      #expect(abs(e.maxEntropy - 1) < 1e-12)
      let lambda = schmidtSpectrum(Self.ghz(qubits: n), cut: 1)
      #expect(abs(lambda[0] - 0.5) < 1e-12 && abs(lambda[1] - 0.5) < 1e-12)
      #expect(lambda.dropFirst(2).allSatisfy { $0 < 1e-12 })
    }
  }

  @Test("Haar-random states need the maximal 2^min(k, n−k) at every cut")
  func haarStates() throws {
    for n in [3, 4, 5, 6, 7] {
      let s = Self.haar(qubits: n, seed: UInt64(n))
      let e = try MPSEvidence(states: [s])
      #expect(e.bondDimensions == (1..<n).map { 1 << min($0, n - $0) }, "\(n) qubits: \(e.bondDimensions)")
      #expect(e.isMaximal)
      #expect(e.reading.contains("at the maximum"))
    }
  }

  @Test("Schmidt values agree with the brute-force purity and sum to 1 at every cut")
  func schmidtAgainstBruteForce() {
    let s = Self.haar(qubits: 5, seed: 42)
    for k in 1..<5 {
      let lambda = schmidtSpectrum(s, cut: k)
      #expect(abs(lambda.reduce(0, +) - 1) < 1e-12)
      #expect(lambda == lambda.sorted(by: >))
      let purity = lambda.reduce(0) { $0 + $1 * $1 }
      #expect(abs(purity - Self.purity(s, cut: k)) < 1e-12, "cut \(k)")
    }
  }

  @Test("the discard budget decides the bond dimension: a tail below it is cut, above it is kept")
  func truncationBudget() {
    #expect(MPSEvidence.bondDimension([0.999_999_5, 0.000_000_5], discard: 1e-6) == 1)
    #expect(MPSEvidence.bondDimension([0.999_998, 0.000_002], discard: 1e-6) == 2)
    #expect(MPSEvidence.bondDimension([0.5, 0.25, 0.25, 0], discard: 1e-6) == 3)
  }

  @Test("a zz map entangles: more than product, at most the maximum; a line of 2 qubits is at the maximum")
  func zzStates() throws {
    var rng = SeededGenerator(seed: 8)
    let rows = (0..<8).map { _ in (0..<4).map { _ in rng.nextUnit() * .pi } }
    let e = try MPSEvidence(encoding: PauliFeatureMap.zz(reps: 2, entanglement: .linear), rows: rows)
    #expect(e.bondDimension > 1 && e.bondDimension <= 4)
    #expect(e.maxEntropy > 0.1 && e.maxEntropy <= 2 + 1e-12)
    #expect(throws: ModelError.self) { try MPSEvidence(states: []) }
  }
}
