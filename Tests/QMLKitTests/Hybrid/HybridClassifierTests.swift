import Foundation
import QuantumSim
import Testing

@testable import QMLKit

@Suite struct HybridClassifierTests {
  /// Small random rows of `d` features.
  static func rows(_ n: Int, _ d: Int, seed: UInt64) -> [[Double]] {
    var rng = SeededGenerator(seed: seed)
    return (0..<n).map { _ in (0..<d).map { _ in 2 * rng.nextUnit() - 1 } }
  }

  @Test(
    "gradients of every parameter (input layer, circuit, output layer) equal central finite differences",
    arguments: [(HybridLayers.Pre.linear, 2), (.mlp(hidden: 3, activation: .tanh), 3), (.mlp(hidden: 2, activation: .relu), 2)])
  func gradientsMatchFiniteDifferences(pre: HybridLayers.Pre, classes: Int) throws {
    let x = Self.rows(5, 3, seed: 7)
    let labels = (0..<5).map { $0 % classes }
    for method in GradientMethod.allCases {
      for identity in [false, true] {
        let clf = HybridClassifier(
          qubits: 3, pre: pre, ansatz: Ansatz(layout: .hardwareEfficient, layers: 2, pairs: .linear), identityCircuit: identity,
          gradientMethod: method)
        let layers = try clf.layout(features: 3, classCount: classes)
        var rng = SeededGenerator(seed: 11)
        let p = (0..<layers.count).map { _ in rng.nextGaussian() }
        let r = try clf.loss(x, labels: labels, parameters: p, layers: layers, withGradient: true, seed: 1)
        #expect(r.gradient.count == p.count)
        let h = 1e-6
        for k in p.indices {
          var a = p, b = p
          a[k] += h
          b[k] -= h
          let fd = (try clf.loss(x, labels: labels, parameters: a, layers: layers, withGradient: false, seed: 1).loss
            - clf.loss(x, labels: labels, parameters: b, layers: layers, withGradient: false, seed: 1).loss) / (2 * h)
          #expect(abs(r.gradient[k] - fd) < 1e-6, "\(method) identity \(identity) parameter \(k): \(r.gradient[k]) vs \(fd)")
        }
      }
    }
  }

  /// The identity twin's forward pass equals scikit-learn's MLPClassifier with one tanh hidden
  /// layer of the qubit count, its output weights scaled by π/2 (fixture: gen_hybrid_mlp.py).
  @Test("the identity twin equals scikit-learn's tanh MLP with the same layers", arguments: ["binary", "multiclass"])
  func identityTwinIsAnMLP(name: String) throws {
    struct Fixture: Decodable {
      var X: [[Double]]
      var W1: [[Double]]
      var b1: [Double]
      var W2: [[Double]]
      var b2: [Double]
      var proba: [[Double]]
    }
    let f = try fixtures.json("hybrid_mlp_\(name)", subdirectory: "hybrid", as: Fixture.self)
    let n = f.W1.count, d = f.X[0].count, k = f.proba[0].count
    let clf = HybridClassifier(qubits: n, identityCircuit: true)
    let layers = try clf.layout(features: d, classCount: k)
    #expect(layers.circuitWeights == 0)
    let p = f.W1.flatMap { $0 } + f.b1 + f.W2.flatMap { $0 } + f.b2
    #expect(p.count == layers.count)
    let got = try clf.probabilities(f.X, parameters: p, layers: layers)
    for (g, e) in zip(got, f.proba) {
      for (a, b) in zip(g, e) { #expect(abs(a - b) < 1e-12, "\(g) vs \(e)") }
    }
  }

  @Test func theCircuitWithZeroWeightsReadsMinusSineOfItsAngles() throws {
    // H then ry(a) gives <Z> = −sin(a); cz and zero-angle rotations leave every <Z_q> unchanged.
    let c = try HybridCircuit(qubits: 3, ansatz: Ansatz(layout: .hardwareEfficient, layers: 2, pairs: .linear))
    let angles = [0.3, -1.1, 0.8]
    var scratch = try c.scratch(backend: .ideal, method: .adjoint)
    var rng = SeededGenerator(seed: 1)
    let r = try c.evaluate(
      angles + [Double](repeating: 0, count: c.weightCount), jacobian: false, method: .adjoint, backend: .ideal,
      scratch: &scratch, rng: &rng, counter: ExecutionCounter())
    for q in 0..<3 { #expect(abs(r.values[q] + sin(angles[q])) < 1e-12) }
  }

  @Test func trainsDeterministicallyAndLearnsASeparableProblem() throws {
    let x = Self.rows(40, 2, seed: 3)
    let y = x.map { $0[0] + 0.5 * $0[1] > 0 ? 1 : 0 }
    func fit() throws -> HybridClassifier {
      var clf = HybridClassifier(qubits: 2, optimizer: .adam(learningRate: 0.1), iterations: 60, seed: 5)
      try clf.fit(features: x, labels: y, classCount: 2)
      return clf
    }
    let a = try fit(), b = try fit()
    #expect(a.parameters == b.parameters)
    #expect(a.trainingHistory.last!.loss < a.trainingHistory.first!.loss)
    let predicted = try a.predict(x)
    let accuracy = Double(zip(predicted, y).filter { $0 == $1 }.count) / Double(y.count)
    #expect(accuracy >= 0.9, "training accuracy \(accuracy)")
  }

  @Test("shot, noisy and device backends train and count one circuit per row plus 2 per trainable gate")
  func countsExecutionsOnEveryBackend() throws {
    let x = Self.rows(6, 2, seed: 9)
    let y = [0, 1, 0, 1, 0, 1]
    let noise = try NoiseModel(parameters: NoiseModel.Parameters(depolarizing: 0.01, depolarizing2: 0.02, readout: 0.01))
    let compiler = NativeCompiler(gates: .czSX, coupling: nil)
    let backends: [QuantumBackend] = [.shots(64), .noisy(noise, shots: nil), .noisy(noise, shots: 32), .device(compiler, noise, shots: 32)]
    for backend in backends {
      var clf = HybridClassifier(qubits: 2, iterations: 1, backend: backend, seed: 2)
      try clf.fit(features: x, labels: y, classCount: 2)
      let t = try #require(try clf.circuit()).trainableGates
      #expect(t == 2 + 2 * 2 * 2, "2 angles and 2 layers of ry, rz on 2 qubits")
      // Iteration 0 with the gradient (1 + 2T circuits per row), the final evaluation (1 per row).
      #expect(clf.counter.circuitExecutions == 6 * (1 + 2 * t) + 6, "\(backend.label)")
      #expect(clf.counter.totalShots == clf.counter.circuitExecutions * (backend.shotsPerCircuit ?? 0))
      let s = try clf.scores(x)
      #expect(s.allSatisfy { abs($0.reduce(0, +) - 1) < 1e-12 })
    }
  }
}
