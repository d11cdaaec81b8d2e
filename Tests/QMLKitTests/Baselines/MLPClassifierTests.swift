import Testing
@testable import QMLKit

@Suite struct MLPClassifierTests {
  @Test(arguments: [true, false])
  func separatesBlobs(earlyStopping: Bool) throws {
    let train = BaselineFixtures.blobs(perClass: 60, classes: 3, seed: 11)
    let test = BaselineFixtures.blobs(perClass: 30, classes: 3, seed: 12)
    var m = MLPClassifier(hidden: [16], learningRate: 0.01, alpha: 1e-4, maxIterations: 200, earlyStopping: earlyStopping, seed: 5)
    try m.fit(features: train.features, labels: train.labels, classCount: 3)
    let acc = accuracy(labels: test.labels, predictions: try m.predict(test.features))
    #expect(acc >= 0.95, "accuracy \(acc)")
    let p = try m.scores(test.features)
    #expect(p.allSatisfy { abs($0.reduce(0, +) - 1) < 1e-12 })
  }

  /// The baseline `mlp` trains like scikit-learn's default MLPClassifier (early_stopping=False):
  /// on a small set, where an epoch is one full-batch Adam step, early stopping would end it
  /// after about a dozen steps (0.33 on wine in scikit-learn 1.9.1, against 0.97-1.0 without).
  @Test func theBaselineDefaultTrainsPastTheEarlyStoppingTrap() throws {
    #expect(BaselineFactory.defaults(for: .mlp)["early_stopping"] == "false")
    let train = BaselineFixtures.blobs(perClass: 40, classes: 3, seed: 21)
    let test = BaselineFixtures.blobs(perClass: 30, classes: 3, seed: 22)
    var m = try #require(try BaselineFactory.make(.mlp, params: ["hidden": "16", "scale": "none"], seed: 3) as? MLPClassifier)
    try m.fit(features: train.features, labels: train.labels, classCount: 3)
    #expect(m.epochs > 50, "stopped after \(m.epochs) epochs of one step each")
    #expect(accuracy(labels: test.labels, predictions: try m.predict(test.features)) >= 0.95)
  }

  @Test func sameSeedSameModel() throws {
    let d = BaselineFixtures.blobs(perClass: 30, classes: 2, seed: 2)
    var a = MLPClassifier(hidden: [8, 8], maxIterations: 20, seed: 9)
    var b = a
    try a.fit(features: d.features, labels: d.labels, classCount: 2)
    try b.fit(features: d.features, labels: d.labels, classCount: 2)
    #expect(try a.scores(d.features) == b.scores(d.features))
  }

  @Test func rejectsBadHyperparameters() {
    var m = MLPClassifier(hidden: [0], seed: 1)
    #expect(throws: ModelError.self) { try m.fit(features: [[0], [1]], labels: [0, 1], classCount: 2) }
    m = MLPClassifier(hidden: [4], learningRate: -1, seed: 1)
    #expect(throws: ModelError.self) { try m.fit(features: [[0], [1]], labels: [0, 1], classCount: 2) }
  }
}
