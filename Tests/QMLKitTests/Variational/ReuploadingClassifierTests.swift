import Foundation
import QuantumSim
import Testing

@testable import QMLKit

@Suite struct ReuploadingClassifierTests {
  private func evaluator(_ m: VariationalCircuit, _ method: GradientMethod, _ backend: QuantumBackend = .ideal) -> VariationalEvaluator {
    VariationalEvaluator(model: m, outputs: 1, backend: backend, method: method, loss: .crossEntropy, threads: 1, counter: ExecutionCounter())
  }

  @Test("gradients of the upload weights w and biases θ equal central finite differences", arguments: [(1, 3, 2), (2, 2, 4)])
  func gradientsMatchFiniteDifferences(qubits: Int, layers: Int, features: Int) throws {
    let m = try ReuploadingLayout(qubits: qubits, layers: layers, entangler: .cz).circuit(features: features, readout: .z(0))
    var rng = SeededGenerator(seed: 4)
    let xs = (0..<4).map { _ in (0..<features).map { _ in 2 * rng.nextUnit() - 1 } }
    let targets: [[Double]] = [[1], [-1], [1], [-1]]
    let w = (0..<m.weightCount).map { _ in rng.nextGaussian() }
    let adj = try evaluator(m, .adjoint).lossAndGradient(xs, targets: targets, weights: w, withGradient: true, seed: 1)
    let ps = try evaluator(m, .parameterShift).lossAndGradient(xs, targets: targets, weights: w, withGradient: true, seed: 1)
    let plain = evaluator(m, .adjoint)
    for k in w.indices {
      let h = 1e-6
      var a = w, b = w
      a[k] += h
      b[k] -= h
      let fd = (try plain.lossAndGradient(xs, targets: targets, weights: a, withGradient: false, seed: 1).loss
        - plain.lossAndGradient(xs, targets: targets, weights: b, withGradient: false, seed: 1).loss) / (2 * h)
      #expect(abs(adj.gradient[k] - fd) < 1e-6, "weight \(k): \(adj.gradient[k]) vs \(fd)")
      #expect(abs(ps.gradient[k] - fd) < 1e-6, "weight \(k): parameter shift \(ps.gradient[k]) vs \(fd)")
    }
  }

  @Test func oneLayerWithZeroDataWeightsIsAFixedCircuit() throws {
    // w = 0 leaves only the biases: ry(θ0) rz(θ1) ry(θ2) per qubit, whatever x is.
    let layout = ReuploadingLayout(qubits: 2, layers: 1, entangler: .cz)
    let m = try layout.circuit(features: 2, readout: .parity([0, 1]))
    // Per qubit: (w, θ) for x0, (w, θ) for x1, θ for the padded slot.
    #expect(m.weightCount == 2 * 5)
    let thetas = [[0.4, -0.7, 1.2], [-0.3, 0.9, 0.25]]
    let weights: [Double] = thetas.flatMap { t -> [Double] in [0, t[0], 0, t[1], t[2]] }
    var fixed = Circuit(qubits: 2)
    for q in 0..<2 {
      fixed.append(.ry, q, parameters: [.value(thetas[q][0])])
      fixed.append(.rz, q, parameters: [.value(thetas[q][1])])
      fixed.append(.ry, q, parameters: [.value(thetas[q][2])])
    }
    var s = try StateVector(qubits: 2)
    try s.apply(fixed, bindings: [])
    let p = s.probabilities
    let expected = p[0] - p[1] - p[2] + p[3]
    let out = try evaluator(m, .adjoint).outputs([[0.3, -0.8], [-0.9, 0.1]], weights: weights, seed: 1)
    for row in out { #expect(abs(row[0] - expected) < 1e-12) }
  }

  @Test func initialWeightsStartFromThePlainUpload() throws {
    let layout = ReuploadingLayout(qubits: 1, layers: 2)
    // Two features: slots (w, θ), (w, θ), θ per layer.
    #expect((0..<10).map { layout.initialMean($0, features: 2) } == [1, 0, 1, 0, 0, 1, 0, 1, 0, 0])
    #expect(try layout.circuit(features: 2, readout: .z(0)).weightCount == 10)
    #expect(try layout.circuit(features: 4, readout: .z(0)).weightCount == 2 * (8 + 2))
  }

  @Test func learnsTheCircleBetterWithMoreUploads() throws {
    let data = try DatasetGenerator.make("circle", samples: 80, parameters: [:], seed: 3)
    func accuracy(_ layers: Int) throws -> Double {
      var clf = ReuploadingClassifier(
        layout: ReuploadingLayout(qubits: 1, layers: layers), optimizer: .adam(learningRate: 0.1), iterations: 80, seed: 1)
      try clf.fit(features: data.features, labels: data.labels, classCount: 2)
      let p = try clf.predict(data.features)
      return Double(zip(p, data.labels).filter { $0 == $1 }.count) / Double(p.count)
    }
    let one = try accuracy(1), four = try accuracy(4)
    #expect(four > one + 0.05, "training accuracy: 1 layer \(one), 4 layers \(four)")
  }
}
