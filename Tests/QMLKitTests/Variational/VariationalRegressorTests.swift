import Foundation
import Testing
@testable import QMLKit

@Suite struct VariationalRegressorTests {
  let x: [[Double]] = [[0.1, 0.7], [1.2, 0.3], [2.0, 2.5], [0.6, 1.9], [2.8, 0.4]]

  @Test("the adjoint gradient of the MSE loss equals central finite differences")
  func gradientMatchesFiniteDifferences() throws {
    let reg = VariationalRegressor(ansatz: Ansatz(layers: 2), seed: 3)
    let z: [Double] = [0.3, -0.8, 0.5, 1.0, -0.2]
    let circuit = try VariationalCircuit(encoding: reg.encoding, features: 2, ansatz: reg.ansatz, readout: reg.readout)
    let w = (0..<circuit.weightCount).map { 0.3 * sin(Double($0) + 1) }
    let (loss, grad) = try reg.lossAndGradient(features: x, mappedTargets: z, weights: w)
    #expect(loss > 0 && grad.count == w.count)
    let h = 1e-6
    for k in w.indices {
      var up = w, down = w
      up[k] += h
      down[k] -= h
      let fd = (try reg.lossAndGradient(features: x, mappedTargets: z, weights: up).loss
        - reg.lossAndGradient(features: x, mappedTargets: z, weights: down).loss) / (2 * h)
      #expect(abs(fd - grad[k]) < 1e-7, "weight \(k): \(grad[k]) vs \(fd)")
    }
  }

  @Test func theTargetMapPutsTrainingTargetsInTheReadoutRange() {
    let m = VariationalRegressor.targetMap([10, 20, 60])
    #expect(m.offset == 30 && m.scale == 30)
    #expect(VariationalRegressor.targetMap([4, 4]) == (4, 1))
  }

  @Test func trainingLowersTheLossAndPredictionsLiveInTheMappedRange() throws {
    let y: [Double] = [5, 9, 2, 7, 3]
    var reg = VariationalRegressor(ansatz: Ansatz(layers: 2), optimizer: .adam(learningRate: 0.1), iterations: 30, seed: 1, threads: 1)
    try reg.fit(features: x, targets: y)
    let h = reg.trainingHistory
    #expect(h.count == 31 && h.last!.loss < h.first!.loss)
    let p = try reg.predict(x)
    // ŷ = offset + scale · s with s in [-1, 1]: within [mean - max dev, mean + max dev] = [1.8, 8.2].
    #expect(p.allSatisfy { $0 >= 5.2 - 3.8 - 1e-9 && $0 <= 5.2 + 3.8 + 1e-9 })
    #expect(abs(reg.offset - 5.2) < 1e-12 && abs(reg.scale - 3.8) < 1e-12)
    // Fitted predictions give the R² recorded for the last iteration.
    #expect(abs(r2Score(targets: y, predictions: p) - h.last!.accuracy) < 1e-9)
  }
}
