import Testing
@testable import QMLKit

@Suite struct StandardizedClassifierTests {
  /// k-NN is scale-sensitive: the wide feature dominates raw distances, not scaled ones.
  /// Query (0, 200): raw distances 200 and ~100 (class 1); scaled (-1, 1/3) against
  /// (-1, -1) and (1, 1): 1.33 and 2.11 (class 0).
  @Test func scalingChangesScaleSensitiveModels() throws {
    let x: [[Double]] = [[0, 0], [1, 300]]
    let y = [0, 1]
    var raw = KNearestNeighbors(k: 1)
    try raw.fit(features: x, labels: y, classCount: 2)
    var scaled = StandardizedClassifier(KNearestNeighbors(k: 1))
    try scaled.fit(features: x, labels: y, classCount: 2)
    #expect(try raw.predict([[0, 200]]) == [1])
    #expect(try scaled.predict([[0, 200]]) == [0])
  }

  @Test func constantFeatureIsNotDividedByZero() throws {
    var m = StandardizedClassifier(LogisticRegression(C: 1))
    try m.fit(features: [[1, 5], [2, 5], [3, 5], [4, 5]], labels: [0, 0, 1, 1], classCount: 2)
    #expect(try m.scores([[4, 5]]).allSatisfy { $0.allSatisfy(\.isFinite) })
  }
}
