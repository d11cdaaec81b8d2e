import Testing
@testable import QMLKit

private struct KNNFixture: Decodable {
  struct Model: Decodable {
    let k: Int
    let predict: [Int]
    let proba: [[Double]]
  }
  struct Block: Decodable {
    let train_x: [[Double]]
    let train_y: [Int]
    let test_x: [[Double]]
    let models: [Model]
  }
  let knn: Block
}

/// scikit-learn KNeighborsClassifier predictions (Fixtures/gen_baselines.py, part c).
@Suite struct KNearestNeighborsTests {
  @Test func matchesScikitLearn() throws {
    let f = try BaselineFixtures.json("baselines", as: KNNFixture.self).knn
    for m in f.models {
      var model = KNearestNeighbors(k: m.k)
      try model.fit(features: f.train_x, labels: f.train_y, classCount: 3)
      #expect(try model.predict(f.test_x) == m.predict, "k=\(m.k)")
      let p = try model.scores(f.test_x)
      for (row, ref) in zip(p, m.proba) { for (a, b) in zip(row, ref) { #expect(abs(a - b) < 1e-12, "k=\(m.k)") } }
    }
  }

  @Test func tiesGoToLowestClassAndEarliestNeighbour() throws {
    // Query 0: neighbours at distance 1 are rows 0 (class 1) and 1 (class 0); k = 2 ties 1:1 -> class 0.
    var m = KNearestNeighbors(k: 2)
    try m.fit(features: [[1], [-1], [5]], labels: [1, 0, 1], classCount: 2)
    #expect(try m.predict([[0]]) == [0])
    // k = 1 with equidistant rows keeps the earlier training row (class 1).
    var one = KNearestNeighbors(k: 1)
    try one.fit(features: [[1], [-1], [5]], labels: [1, 0, 1], classCount: 2)
    #expect(try one.predict([[0]]) == [1])
  }

  @Test func rejectsKLargerThanTrainingSet() {
    var m = KNearestNeighbors(k: 5)
    #expect(throws: ModelError.self) { try m.fit(features: [[0], [1]], labels: [0, 1], classCount: 2) }
  }
}
