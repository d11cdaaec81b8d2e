import Testing
@testable import QMLKit

@Suite struct KNeighborsRegressorTests {
  @Test func matchesScikitLearnExactly() throws {
    let f = try RegressionFixture.load()
    for c in f.knn {
      var m = KNeighborsRegressor(k: c.k)
      try m.fit(features: f.train_x, targets: f.train_y)
      let p = try m.predict(f.test_x)
      #expect(p == c.predict, "k \(c.k): max |Δ| \(maxAbsDifference(p, c.predict))")
    }
  }

  @Test func pairwiseSumIsExactOnIntegersAndOrderSensitiveLikeNumPy() {
    let ints = (1...300).map(Double.init)
    #expect(_pairwiseSum(ints[...]) == 45150)
    // NumPy 2.5: np.sum([1e16, 1, 1, 1, 1, 1, 1, 1, 1, -1e16]) == 8.0; a sequential loop
    // gives 0 (each 1 is lost against 1e16).
    let tricky: [Double] = [1e16, 1, 1, 1, 1, 1, 1, 1, 1, -1e16]
    #expect(_pairwiseSum(tricky[...]) == 8)
  }

  @Test func tiesGoToTheEarlierTrainingRow() throws {
    var m = KNeighborsRegressor(k: 1)
    try m.fit(features: [[-1], [1]], targets: [10, 20])
    #expect(try m.predict([[0]]) == [10])
  }

  @Test func rejectsBadK() {
    var m = KNeighborsRegressor(k: 3)
    #expect(throws: ModelError.self) { try m.fit(features: [[1], [2]], targets: [1, 2]) }
    m.k = 0
    #expect(throws: ModelError.self) { try m.fit(features: [[1], [2]], targets: [1, 2]) }
    #expect(throws: ModelError.notFitted) { try KNeighborsRegressor().predict([[1]]) }
  }
}
