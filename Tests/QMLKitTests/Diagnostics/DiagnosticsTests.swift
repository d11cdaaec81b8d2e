import Foundation
import QuantumSim
import Testing

@testable import QMLKit

@Suite struct DiagnosticsTests {
  @Test("kernel concentration: mean and variance of the off-diagonal entries")
  func concentration() throws {
    let K = Matrix([[1, 0.2, 0.4], [0.2, 1, 0.6], [0.4, 0.6, 1]])
    let c = try kernelConcentration(K)
    #expect(abs(c.mean - 0.4) < 1e-15)
    #expect(abs(c.variance - 0.08 / 3) < 1e-15)
    #expect(throws: ModelError.self) { try kernelConcentration(Matrix([[1]])) }
  }

  @Test("kernel-target alignment: 1 for yyᵀ, 1/√n for the identity")
  func alignment() throws {
    let labels = [0, 1, 1, 0, 1]
    let y = labels.map { $0 == 1 ? 1.0 : -1.0 }
    let ideal = Matrix(y.map { a in y.map { a * $0 } })
    #expect(abs(try kernelTargetAlignment(ideal, labels: labels) - 1) < 1e-15)
    var identity = Matrix(rows: 5, columns: 5)
    for i in 0..<5 { identity[i, i] = 1 }
    #expect(abs(try kernelTargetAlignment(identity, labels: labels) - 1 / 5.0.squareRoot()) < 1e-15)
  }

  @Test("geometric difference: 1 for equal kernels, sqrt(λmax) against the identity")
  func geometric() throws {
    var rng = SeededGenerator(seed: 3)
    let n = 6
    let B = (0..<n).map { _ in (0..<n).map { _ in rng.nextGaussian() } }
    var K = Matrix(rows: n, columns: n)
    for i in 0..<n { for j in 0..<n { K[i, j] = (0..<n).reduce(0) { $0 + B[i][$1] * B[j][$1] } } }
    #expect(abs(try geometricDifference(classical: K, quantum: K) - 1) < 1e-8)
    // Scale K to trace n; against K_C = I, g = sqrt(λmax(K)), and (1 + λ)^−1 times that regularised.
    let tr = (0..<n).reduce(0.0) { $0 + K[$1, $1] }
    var Kn = K
    for i in Kn.values.indices { Kn.values[i] *= Double(n) / tr }
    let top = SymmetricEigen(Kn.nested).values[0]
    var I = Matrix(rows: n, columns: n)
    for i in 0..<n { I[i, i] = 1 }
    #expect(abs(try geometricDifference(classical: I, quantum: K) - top.squareRoot()) < 1e-8)
    #expect(abs(try geometricDifference(classical: I, quantum: K, regularization: 0.5) - top.squareRoot() / 1.5) < 1e-8)
    #expect(throws: ModelError.self) { try geometricDifference(classical: I, quantum: Matrix(rows: 2, columns: 2)) }
  }

  @Test("geometric difference matches numpy's literal evaluation (Fixtures/symmetric_eigen.json, gen_symmetric_eigen.py)")
  func geometricAgainstNumpy() throws {
    let ref = try ml3Fixture("symmetric_eigen")
    let kernels = try #require(ref["kernels"] as? [String: Any])
    let cases = ref.ml3List("geometric_difference")
    #expect(cases.count == 4)
    for c in cases {
      let classical = try #require(c["classical"] as? String), quantum = try #require(c["quantum"] as? String)
      let KC = Matrix(kernels.ml3Matrix(classical)), KQ = Matrix(kernels.ml3Matrix(quantum))
      let lambda = c.ml3Double("lambda"), expected = c.ml3Double("g")
      let g = try geometricDifference(classical: KC, quantum: KQ, regularization: lambda)
      #expect(abs(g - expected) <= 1e-9 * expected, "\(classical) vs \(quantum), λ = \(lambda): \(g), numpy \(expected)")
    }
  }

  @Test("gradient variance of ry on one qubit is 1/2 (∂cos w = −sin w, w uniform)")
  func gradientVarianceKnown() throws {
    let m = try VariationalCircuit(encoding: AngleEncoding(), features: 1, ansatz: Ansatz(layers: 1), readout: .z(0))
    let r = try gradientVariance(m, input: [0], samples: 20000, seed: 1)
    #expect(abs(r.perWeight[0] - 0.5) < 0.02)
    #expect(r.perWeight[1] < 1e-20)  // rz after ry cannot change ⟨Z⟩
    // Global parity readout on more qubits: variance shrinks (barren plateau trend).
    let small = try gradientVariance(
      VariationalCircuit(encoding: AngleEncoding(), features: 2, ansatz: Ansatz(layers: 4), readout: .parity([0, 1])),
      input: [0, 0], samples: 400, seed: 2)
    let large = try gradientVariance(
      VariationalCircuit(encoding: AngleEncoding(), features: 8, ansatz: Ansatz(layers: 4), readout: .parity(Array(0..<8))),
      input: [Double](repeating: 0, count: 8), samples: 400, seed: 2)
    #expect(large.mean < small.mean)
  }
}
