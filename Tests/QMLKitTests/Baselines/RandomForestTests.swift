import Testing
@testable import QMLKit

@Suite struct RandomForestTests {
  @Test func separatesBlobs() throws {
    let train = BaselineFixtures.blobs(perClass: 50, classes: 3, dims: 4, seed: 21)
    let test = BaselineFixtures.blobs(perClass: 30, classes: 3, dims: 4, seed: 22)
    var m = RandomForest(trees: 30, maxDepth: nil, seed: 3)
    try m.fit(features: train.features, labels: train.labels, classCount: 3)
    let acc = accuracy(labels: test.labels, predictions: try m.predict(test.features))
    #expect(acc >= 0.95, "accuracy \(acc)")
    #expect(try m.scores(test.features).allSatisfy { abs($0.reduce(0, +) - 1) < 1e-12 })
  }

  @Test func learnsXORThatNoLinearModelCan() throws {
    // Axis-aligned XOR: trees split it exactly; a depth-1 stump cannot.
    var x: [[Double]] = []
    var y: [Int] = []
    for i in 0..<80 {
      let a = Double(i % 2) + 0.1 * Double(i % 7)
      let b = Double((i / 2) % 2) + 0.1 * Double(i % 5)
      x.append([a, b])
      y.append((a > 0.7) != (b > 0.7) ? 1 : 0)
    }
    var deep = RandomForest(trees: 20, maxDepth: nil, seed: 1)
    try deep.fit(features: x, labels: y, classCount: 2)
    #expect(accuracy(labels: y, predictions: try deep.predict(x)) == 1)
  }

  @Test func deterministicForASeed() throws {
    let d = BaselineFixtures.blobs(perClass: 20, classes: 2, seed: 4)
    var a = RandomForest(trees: 10, maxDepth: 3, seed: 8)
    var b = a
    try a.fit(features: d.features, labels: d.labels, classCount: 2)
    try b.fit(features: d.features, labels: d.labels, classCount: 2)
    #expect(try a.scores(d.features) == b.scores(d.features))
  }

  @Test func pureRootIsALeafAndBadDepthThrows() throws {
    var m = RandomForest(trees: 2, maxDepth: 0, seed: 1)
    #expect(throws: ModelError.self) { try m.fit(features: [[0], [1]], labels: [0, 1], classCount: 2) }
  }
}
