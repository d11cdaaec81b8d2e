import Foundation
import Testing
@testable import QMLKit

@Suite struct RandomForestRegressorTests {
  @Test func fitsASmoothFunction() throws {
    let train = smoothRegressionData(count: 300, seed: 1)
    let test = smoothRegressionData(count: 200, seed: 2)
    var m = RandomForestRegressor(trees: 50, seed: 3)
    try m.fit(features: train.x, targets: train.y)
    let r2 = r2Score(targets: test.y, predictions: try m.predict(test.x))
    #expect(r2 > 0.9, "R² \(r2)")
  }

  @Test func deterministicForASeed() throws {
    let d = smoothRegressionData(count: 80, seed: 4)
    var a = RandomForestRegressor(trees: 10, maxDepth: 4, maxFeatures: 1, seed: 8)
    var b = a
    try a.fit(features: d.x, targets: d.y)
    try b.fit(features: d.x, targets: d.y)
    #expect(try a.predict(d.x) == b.predict(d.x))
    var c = RandomForestRegressor(trees: 10, maxDepth: 4, maxFeatures: 1, seed: 9)
    try c.fit(features: d.x, targets: d.y)
    #expect(try a.predict(d.x) != c.predict(d.x))
  }

  @Test func oneTreeWithoutDepthLimitInterpolatesItsBootstrap() throws {
    // Distinct rows, full depth: each leaf holds equal rows, so in-bag rows are reproduced.
    let d = smoothRegressionData(count: 40, seed: 5)
    var m = RandomForestRegressor(trees: 1, seed: 1)
    try m.fit(features: d.x, targets: d.y)
    let p = try m.predict(d.x)
    let exact = zip(p, d.y).filter { $0 == $1 }.count
    #expect(exact >= 20, "\(exact) of 40 reproduced")  // ≈ 63% are in the bootstrap
  }

  @Test func constantTargetIsOneLeafAndBadSettingsThrow() throws {
    var m = RandomForestRegressor(trees: 3, seed: 1)
    try m.fit(features: [[1], [2], [3]], targets: [4, 4, 4])
    #expect(try m.predict([[0], [9]]) == [4, 4])
    var bad = RandomForestRegressor(trees: 0)
    #expect(throws: ModelError.self) { try bad.fit(features: [[1], [2]], targets: [1, 2]) }
    bad = RandomForestRegressor(maxDepth: 0)
    #expect(throws: ModelError.self) { try bad.fit(features: [[1], [2]], targets: [1, 2]) }
  }
}
