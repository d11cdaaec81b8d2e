import Foundation
import Testing
@testable import QMLKit

/// scikit-learn 1.9.1 `GridSearchCV(scoring="neg_mean_squared_error")` over fixed KFold(5) splits,
/// every regressor behind target (and feature) standardization: `regression_cv.json`, written by
/// `Fixtures/gen_regression_cv.py` (unscaled diabetes rows, 100 train, 40 test).
struct RegressionCVFixture: Decodable {
  struct Split: Decodable { let train: [Int]; let test: [Int] }
  struct Search: Decodable {
    let model: String
    let grid: [String: [Double]]
    let mean_squared_error: [Double]
    let best_index: Int
    let predict: [Double]
    let svr: Bool
  }
  let train_x: [[Double]]
  let train_y: [Double]
  let test_x: [[Double]]
  let test_y: [Double]
  let splits: [Split]
  let searches: [Search]
  static func load() throws -> RegressionCVFixture { try fixtures.json("regression_cv", as: RegressionCVFixture.self) }
}

@Suite struct RegressionGridSearchTests {
  @Test("every grid point's CV mean squared error, the chosen point and the refit predictions match scikit-learn",
        arguments: ["ridge", "kernel_ridge", "knn", "svr"])
  func matchesGridSearchCV(model: String) throws {
    let f = try RegressionCVFixture.load()
    let s = try #require(f.searches.first { $0.model == model })
    let kind = try #require(RegressorKind(rawValue: model))
    let search = RegressionGridSearch(model: kind, grid: s.grid.mapValues { $0.map { HyperValue.number($0) } }, metric: .rmse, seed: 0)
    let r = try search.run(features: f.train_x, targets: f.train_y, splits: f.splits.map { ($0.train, $0.test) })
    #expect(r.table.count == s.mean_squared_error.count)
    // Relative 1e-6 for every model, SVR included (its SMO at scikit-learn's tol 1e-3 lands on the same solution here).
    let tolerance = 1e-6
    for (row, ref) in zip(r.table, s.mean_squared_error) {
      #expect(abs(row.meanSquaredError - ref) <= tolerance * max(1, ref), "\(model) \(row.params): \(row.meanSquaredError) vs \(ref)")
    }
    #expect(r.best == search.points[s.best_index], "\(model): chose \(r.best)")
    #expect(abs(r.meanSquaredError - s.mean_squared_error[s.best_index]) <= tolerance * s.mean_squared_error[s.best_index])
    let p = try r.model.predict(f.test_x)
    for (a, b) in zip(p, s.predict) { #expect(abs(a - b) <= tolerance * max(1, abs(b)), "\(model): \(a) vs \(b)") }
    // The claim metric at the chosen point is the mean of the folds' RMSE (not the root of the mean MSE).
    #expect(r.metricScore > 0 && r.metricScore <= r.meanSquaredError.squareRoot() + 1e-9)
  }

  @Test func theDefaultFoldsAreAShuffledKFoldCoveringEveryRowOnce() {
    let splits = RegressionGridSearch.kFold(count: 23, folds: 5, seed: 7)
    #expect(splits.count == 5)
    #expect(splits.flatMap(\.test).sorted() == Array(0..<23))
    #expect(splits.map(\.test.count).sorted() == [4, 4, 5, 5, 5])
    #expect(splits.allSatisfy { Set($0.train).isDisjoint(with: $0.test) && $0.train.count + $0.test.count == 23 })
    #expect(splits[0].test != Array(0..<5), "shuffled, not contiguous")
  }

  @Test func aBadParameterIsAnInvalidHyperparameterNamingTheModel() {
    let search = RegressionGridSearch(model: .svr, grid: ["epsilon": [-1]], seed: 0)
    #expect(throws: ModelError.self) { try search.run(features: [[0], [1], [2], [3], [4]], targets: [0, 1, 2, 3, 4]) }
    let unknown = RegressionGridSearch(model: .ridge, grid: ["k": [1]], seed: 0)
    let error = #expect(throws: ModelError.self) { try unknown.run(features: [[0], [1], [2], [3], [4]], targets: [0, 1, 2, 3, 4]) }
    #expect("\(error!)".contains("ridge: unknown parameter 'k'"))
  }
}
