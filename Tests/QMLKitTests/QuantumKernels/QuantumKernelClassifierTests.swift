import Foundation
import QuantumSim
import Testing

@testable import QMLKit

@Suite struct QuantumKernelClassifierTests {
  @Test("fits like a baseline, keeps its train kernel, and agrees with KernelSVM on the same matrices")
  func classifier() throws {
    var rng = SeededGenerator(seed: 4)
    let X = (0..<30).map { _ in (0..<2).map { _ in rng.nextUnit() * .pi } }
    let y = X.map { sin($0[0] * $0[1]) > 0.3 ? 1 : 0 }
    let kernel = QuantumKernel(encoding: PauliFeatureMap.zz(reps: 2, entanglement: .linear))
    var clf = QuantumKernelClassifier(kernel: kernel, C: 10)
    try clf.fit(features: X, labels: y, classCount: 2)
    let K = try #require(clf.trainKernel)
    #expect(K.rows == 30)
    var svm = KernelSVM(C: 10)
    try svm.fit(kernel: K, labels: y)
    let test = Array(X[0..<8])
    let cross = try kernel.crossMatrix(test, X)
    #expect(try clf.predict(test) == svm.predict(kernel: cross))
    let scores = try clf.scores(test)
    let dec = svm.decisionFunction(kernel: cross)
    for i in 0..<8 { #expect(abs(scores[i][1] - dec[i][0]) < 1e-12) }
    let cost = try clf.circuitCost(features: 2)
    #expect(cost.twoQubitGates == 2 * 2 * 2)
    #expect(throws: ModelError.self) { try QuantumKernelClassifier(kernel: kernel).scores(X) }
  }
}
