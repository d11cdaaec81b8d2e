import Testing
@testable import QMLKit

@Suite struct MLPRegressorTests {
  @Test func fitsASmoothFunction() throws {
    let train = smoothRegressionData(count: 300, seed: 11)
    let test = smoothRegressionData(count: 200, seed: 12)
    var m = MLPRegressor(hidden: [32, 32], learningRate: 0.01, maxIterations: 300, seed: 1)
    try m.fit(features: train.x, targets: train.y)
    let r2 = r2Score(targets: test.y, predictions: try m.predict(test.x))
    #expect(r2 > 0.95, "R² \(r2) after \(m.epochs) epochs")
  }

  @Test func earlyStoppingStillFits() throws {
    let train = smoothRegressionData(count: 300, seed: 13)
    let test = smoothRegressionData(count: 200, seed: 14)
    var m = MLPRegressor(hidden: [32], learningRate: 0.01, maxIterations: 300, earlyStopping: true, seed: 2)
    try m.fit(features: train.x, targets: train.y)
    let r2 = r2Score(targets: test.y, predictions: try m.predict(test.x))
    #expect(r2 > 0.8, "R² \(r2) after \(m.epochs) epochs")
  }

  @Test func deterministicForASeed() throws {
    let d = smoothRegressionData(count: 60, seed: 15)
    var a = MLPRegressor(hidden: [8], maxIterations: 20, seed: 3)
    var b = a
    try a.fit(features: d.x, targets: d.y)
    try b.fit(features: d.x, targets: d.y)
    #expect(try a.predict(d.x) == b.predict(d.x))
  }

  @Test func noHiddenLayerIsLinearRegression() throws {
    let x: [[Double]] = (0..<50).map { [Double($0) / 25 - 1] }
    let y = x.map { 2 * $0[0] - 0.5 }
    var m = MLPRegressor(hidden: [], learningRate: 0.05, alpha: 0, maxIterations: 2000, seed: 4)
    try m.fit(features: x, targets: y)
    #expect(maxAbsDifference(try m.predict([[0], [0.5]]), [-0.5, 0.5]) < 1e-2)
  }

  @Test func rejectsBadSettings() {
    var m = MLPRegressor(hidden: [0])
    #expect(throws: ModelError.self) { try m.fit(features: [[1], [2]], targets: [1, 2]) }
    m = MLPRegressor(learningRate: 0)
    #expect(throws: ModelError.self) { try m.fit(features: [[1], [2]], targets: [1, 2]) }
    #expect(throws: ModelError.notFitted) { try MLPRegressor().predict([[1]]) }
  }
}
