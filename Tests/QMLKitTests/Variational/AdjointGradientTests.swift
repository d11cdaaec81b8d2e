import Foundation
import Numerics
import QuantumSim
import Testing

@testable import QMLKit

@Suite struct AdjointGradientTests {
  static let layouts: [(Ansatz, Readout, Bool)] = [
    (Ansatz(layout: .hardwareEfficient, layers: 2, pairs: .ring, entangler: .cz), .z(0), false),
    (Ansatz(layout: .efficientSU2, layers: 2, pairs: .full, entangler: .cx), .parity([0, 2]), false),
    (Ansatz(layout: .realAmplitudes, layers: 2, pairs: .linear, entangler: .cx), .z(1), true),
  ]

  private func evaluator(_ m: VariationalCircuit, _ backend: QuantumBackend, _ method: GradientMethod, _ loss: LossFunction)
    -> VariationalEvaluator
  {
    VariationalEvaluator(model: m, outputs: 1, backend: backend, method: method, loss: loss, threads: 2, counter: ExecutionCounter())
  }

  @Test("adjoint and parameter-shift gradients equal central finite differences", arguments: 0..<3)
  func matchesFiniteDifferences(layout: Int) throws {
    let (ansatz, readout, reupload) = Self.layouts[layout]
    let m = try VariationalCircuit(
      encoding: PauliFeatureMap.zz(reps: 1), features: 3, ansatz: ansatz, readout: readout, reuploading: reupload)
    var rng = SeededGenerator(seed: UInt64(layout) + 3)
    let xs = try (0..<4).map { _ in try m.encoded.bindings((0..<3).map { _ in rng.nextUnit() * .pi }) }
    let targets: [[Double]] = [[1], [-1], [1], [-1]]
    let w = (0..<m.weightCount).map { _ in rng.nextGaussian() }
    for loss in LossFunction.allCases {
      let adj = try evaluator(m, .ideal, .adjoint, loss).lossAndGradient(xs, targets: targets, weights: w, withGradient: true, seed: 1)
      let ps = try evaluator(m, .ideal, .parameterShift, loss).lossAndGradient(xs, targets: targets, weights: w, withGradient: true, seed: 1)
      let plain = evaluator(m, .ideal, .adjoint, loss)
      for k in 0..<w.count {
        let h = 1e-6
        var a = w, b = w
        a[k] += h
        b[k] -= h
        let fd = (try plain.lossAndGradient(xs, targets: targets, weights: a, withGradient: false, seed: 1).loss
          - plain.lossAndGradient(xs, targets: targets, weights: b, withGradient: false, seed: 1).loss) / (2 * h)
        #expect(abs(adj.gradient[k] - fd) < 1e-6, "\(loss) weight \(k): adjoint \(adj.gradient[k]) vs fd \(fd)")
        #expect(abs(ps.gradient[k] - adj.gradient[k]) < 1e-10, "\(loss) weight \(k)")
      }
      #expect(abs(adj.loss - ps.loss) < 1e-12)
    }
  }

  @Test("generator terms of rx, ry, rz, p, rxx, ryy, rzz equal finite differences")
  func generators() throws {
    var rng = SeededGenerator(seed: 5)
    let amps = (0..<8).map { _ in Complex<Double>(rng.nextGaussian(), rng.nextGaussian()) }
    let norm = amps.reduce(0) { $0 + $1.lengthSquared }.squareRoot()
    let start = StateVector(amplitudes: amps.map { Complex($0.real / norm, $0.imaginary / norm) })
    let cases: [Gate] = [
      Gate(.rx, [1], [0.3]), Gate(.ry, [0], [0.7]), Gate(.rz, [2], [-1.1]), Gate(.p, [1], [0.9]),
      Gate(.rxx, [0, 2], [0.4]), Gate(.ryy, [2, 1], [1.3]), Gate(.rzz, [1, 0], [-0.6]),
    ]
    for gate in cases {
      let theta = gate.parameters[0].constantValue!
      func f(_ t: Double) -> Double {
        var s = start
        s.apply(gate, parameters: gateParameters([t]))
        return (try? s.expectation(pauli: "XZY")) ?? .nan
      }
      var psi = start
      psi.apply(gate, parameters: gateParameters([theta]))
      // λ = O ψ for O = X⊗Z⊗Y (qubit 2 = X, qubit 1 = Z, qubit 0 = Y).
      var lambda = psi
      lambda.apply(Gate(.y, [0]), parameters: gateParameters([]))
      lambda.apply(Gate(.z, [1]), parameters: gateParameters([]))
      lambda.apply(Gate(.x, [2]), parameters: gateParameters([]))
      let term = try #require(Generator(gate)).derivativeTerm(lambda: lambda, psi: psi)
      let fd = (f(theta + 1e-6) - f(theta - 1e-6)) / 2e-6
      #expect(abs(term - fd) < 1e-8, "\(gate.kind): \(term) vs \(fd)")
    }
  }

  @Test("parameter shift on a zero-noise density matrix equals the adjoint gradient")
  func noisyZeroNoise() throws {
    let m = try VariationalCircuit(
      encoding: AngleEncoding(), features: 3, ansatz: Ansatz(layers: 1), readout: .z(0))
    let xs = try [[0.1, 0.5, 0.9], [1.2, -0.3, 0.4]].map { try m.encoded.bindings($0) }
    let w = (0..<m.weightCount).map { Double($0) * 0.37 - 1 }
    let t: [[Double]] = [[1], [-1]]
    let adj = try evaluator(m, .ideal, .adjoint, .squared).lossAndGradient(xs, targets: t, weights: w, withGradient: true, seed: 0)
    let noisy = try evaluator(m, .noisy(NoiseModel(), shots: nil), .parameterShift, .squared)
      .lossAndGradient(xs, targets: t, weights: w, withGradient: true, seed: 0)
    for k in w.indices { #expect(abs(adj.gradient[k] - noisy.gradient[k]) < 1e-10) }
    var depolarizing = NoiseModel()
    try depolarizing.add(.depolarizing(0.05))
    let damped = try evaluator(m, .noisy(depolarizing, shots: nil), .parameterShift, .squared)
      .outputs(xs, weights: w, seed: 0)
    let exact = try evaluator(m, .ideal, .adjoint, .squared).outputs(xs, weights: w, seed: 0)
    for i in xs.indices { #expect(abs(damped[i][0]) < abs(exact[i][0])) }
  }
}

