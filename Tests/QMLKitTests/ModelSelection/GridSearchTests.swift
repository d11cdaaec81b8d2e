import Testing
@testable import QMLKit

private struct GridFixture: Decodable {
  struct Model: Decodable {
    let grid: [String: [HyperValue]]
    let best: [String: HyperValue]
    let best_score: Double
    let mean_test_score: [Double]
    let test_accuracy: Double
  }
  let train: [Int]
  let test: [Int]
  let folds: [[Int]]
  let models: [String: Model]
}

/// scikit-learn GridSearchCV(make_pipeline(StandardScaler(), model), cv=fixed folds) on a
/// fixed stratified 70/30 split (Fixtures/gen_baselines.py, part d).
@Suite struct GridSearchTests {
  @Test(.tags(.slow), arguments: ["iris", "wine", "breast_cancer"])
  func tunedAccuracyMatchesScikitLearn(dataset: String) throws {
    let all = try BaselineFixtures.json("gridsearch", as: [String: GridFixture].self)
    let f = try #require(all[dataset])
    let data = try BaselineFixtures.csv(dataset)
    let train = data.subset(f.train), test = data.subset(f.test)
    let splits = f.folds.map { testFold in
      let held = Set(testFold)
      return (train: (0..<train.count).filter { !held.contains($0) }, test: testFold)
    }
    for (name, ref) in f.models.sorted(by: { $0.key < $1.key }) {
      let search = GridSearch(model: try #require(BaselineKind(name: name)), grid: ref.grid, metric: .accuracy, seed: 0)
      let result = try search.run(train: train, splits: splits)
      #expect(result.table.count == ref.mean_test_score.count)
      for (row, s) in zip(result.table, ref.mean_test_score) {
        #expect(abs(row.meanScore - s) <= 0.02, "\(dataset) \(name) \(row.params): \(row.meanScore) vs \(s)")
      }
      let acc = accuracy(labels: test.labels, predictions: try result.model.predict(test.features))
      #expect(abs(acc - ref.test_accuracy) <= 0.02 + 1e-12,
              "\(dataset) \(name): test accuracy \(acc) vs scikit-learn \(ref.test_accuracy) (best \(result.best) vs \(ref.best))")
      #expect(abs(result.bestScore - ref.best_score) <= 0.02)
      // Same folds and converged solvers: the same point wins (observed for all nine cases).
      #expect(result.best == ref.best, "\(dataset) \(name): best \(result.best) vs scikit-learn \(ref.best)")
    }
  }

  @Test func pointsFollowParameterGridOrder() {
    let s = GridSearch(model: .svmRBF, grid: ["gamma": [1, 2], "C": [10, 20]], metric: .accuracy, seed: 0)
    #expect(s.points == [["C": 10, "gamma": 1], ["C": 10, "gamma": 2], ["C": 20, "gamma": 1], ["C": 20, "gamma": 2]])
  }

  @Test func firstBestWinsTiesAndRunIsDeterministic() throws {
    // Separable blobs: every k scores 1.0, so the first grid point must win.
    let d = BaselineFixtures.blobs(perClass: 20, classes: 2, seed: 5)
    let s = GridSearch(model: .knn, grid: ["k": [3, 1, 5]], folds: 4, metric: .accuracy, seed: 2)
    let a = try s.run(train: d)
    #expect(a.best == ["k": 3])
    #expect(a.bestScore == 1)
    let b = try s.run(train: d)
    #expect(a.table.map(\.meanScore) == b.table.map(\.meanScore))
  }

  @Test func failingPointsScoreNaNAndAllFailingThrows() throws {
    let d = BaselineFixtures.blobs(perClass: 10, classes: 2, seed: 5)
    // k = 50 exceeds every fold's training part.
    let r = try GridSearch(model: .knn, grid: ["k": [50, 3]], folds: 2, metric: .accuracy, seed: 0).run(train: d)
    #expect(r.table[0].meanScore.isNaN)
    #expect(r.best == ["k": 3])
    #expect(r.failures.count == 1)
    #expect(throws: ModelError.self) {
      try GridSearch(model: .knn, grid: ["k": [50]], folds: 2, metric: .accuracy, seed: 0).run(train: d)
    }
    #expect(throws: ModelError.self) {
      try GridSearch(model: .knn, grid: ["n_neighbors": [3]], folds: 2, metric: .accuracy, seed: 0).run(train: d)
    }
    #expect(throws: ModelError.self) {
      try GridSearch(model: .knn, grid: ["k": []], folds: 2, metric: .accuracy, seed: 0).run(train: d)
    }
  }

  @Test func logLossSelectsTheLowest() throws {
    let d = BaselineFixtures.blobs(perClass: 15, classes: 2, seed: 9)
    let r = try GridSearch(model: .logisticRegression, grid: ["C": [0.001, 1]], folds: 3, metric: .log_loss, seed: 0).run(train: d)
    let lowest = r.table.min { $0.meanScore < $1.meanScore }!
    #expect(r.best == lowest.params)
  }
}

extension Tag {
  @Tag static var slow: Self
}
