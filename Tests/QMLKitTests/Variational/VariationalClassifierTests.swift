import Foundation
import QuantumSim
import Testing

@testable import QMLKit

@Suite struct VariationalClassifierTests {
  /// Two features; class 1 when x0 > 0 (separable by the ry-encoded ⟨Z0⟩ readout).
  private func data(_ n: Int, seed: UInt64) -> ([[Double]], [Int]) {
    var rng = SeededGenerator(seed: seed)
    let X = (0..<n).map { _ in [rng.nextUnit() * 2 - 1, rng.nextUnit() * 2 - 1].map { $0 * 1.4 } }
    return (X, X.map { $0[0] < 0 ? 1 : 0 })
  }

  @Test("Adam training lowers the loss and records every iteration")
  func trains() throws {
    let (X, y) = data(40, seed: 1)
    var model = VariationalClassifier(ansatz: Ansatz(layers: 1), iterations: 30, seed: 3, threads: 2)
    try model.fit(features: X, labels: y, classCount: 2)
    let h = model.trainingHistory
    #expect(h.count == 31)
    #expect(h.last!.loss < h.first!.loss * 0.7)
    #expect(h.last!.accuracy >= 0.9)
    let acc = zip(try model.predict(X), y).filter { $0 == $1 }.count
    #expect(Double(acc) / 40 >= 0.9)
    #expect(model.counter.circuitExecutions >= 30 * 40)
    let again = try { var m = VariationalClassifier(ansatz: Ansatz(layers: 1), iterations: 30, seed: 3, threads: 1)
      try m.fit(features: X, labels: y, classCount: 2); return m.weights }()
    for (a, b) in zip(model.weights[0], again[0]) { #expect(abs(a - b) < 1e-12) }
  }

  @Test("gradient-free optimizers and SGD lower the loss", arguments: [
    OptimizerSettings.spsa(a: 0.3, c: 0.2), .nelderMead(initialStep: 0.5), .sgd(learningRate: 0.1, momentum: 0.9),
  ])
  func otherOptimizers(opt: OptimizerSettings) throws {
    let (X, y) = data(30, seed: 2)
    var model = VariationalClassifier(ansatz: Ansatz(layers: 1), optimizer: opt, iterations: 40, seed: 5)
    try model.fit(features: X, labels: y, classCount: 2)
    let h = model.trainingHistory
    #expect(h.last!.loss < h.first!.loss)
  }

  @Test("early stopping keeps a validation history and stops before the limit")
  func earlyStopping() throws {
    let (X, y) = data(40, seed: 4)
    var model = VariationalClassifier(
      ansatz: Ansatz(layers: 1), optimizer: .adam(learningRate: 0.5), iterations: 200, validationFraction: 0.25,
      patience: 3, seed: 1)
    try model.fit(features: X, labels: y, classCount: 2)
    #expect(model.trainingHistory.count < 201)
    #expect(model.trainingHistory.allSatisfy { $0.validationLoss != nil && $0.validationAccuracy != nil })
  }

  @Test("one-vs-rest multiclass, shots backend, hinge and cross-entropy losses")
  func multiclassAndShots() throws {
    var rng = SeededGenerator(seed: 9)
    let X = (0..<30).map { _ in [rng.nextUnit() * 3 - 1.5, rng.nextUnit() * 3 - 1.5] }
    let y = X.map { $0[0] < -0.5 ? 0 : ($0[0] < 0.5 ? 1 : 2) }
    var model = VariationalClassifier(ansatz: Ansatz(layers: 1), loss: .crossEntropy, iterations: 5, seed: 2)
    try model.fit(features: X, labels: y, classCount: 3)
    #expect(model.weights.count == 3)
    #expect(try model.scores(X).allSatisfy { $0.count == 3 })
    var shots = VariationalClassifier(
      ansatz: Ansatz(layers: 1), loss: .hinge, iterations: 2, backend: .shots(100), seed: 2)
    try shots.fit(features: Array(X[0..<6]), labels: [0, 1, 0, 1, 0, 1], classCount: 2)
    #expect(shots.counter.totalShots == 100 * shots.counter.circuitExecutions)
    #expect(throws: ModelError.self) {
      var m = VariationalClassifier(backend: .shots(10), gradientMethod: .adjoint)
      try m.fit(features: X, labels: y, classCount: 3)
    }
    #expect(throws: ModelError.self) { try VariationalClassifier().scores(X) }
  }
}
