import Testing
@testable import QMLKit

@Suite struct BaselineFactoryTests {
  @Test(arguments: BaselineFactory.names)
  func defaultGridPointsAllBuildAndFit(name: String) throws {
    let grid = try BaselineFactory.defaultGrid(for: name)
    let points = GridSearch(model: name, grid: grid, metric: .accuracy, seed: 1).points
    #expect(!points.isEmpty)
    // rff_quantum dequantizes a quantum model: here an angle encoding (ignored by the others).
    let source = SpectrumSource(encoding: AngleEncoding(rotation: .ry, scale: 0.5))
    for p in points { _ = try BaselineFactory.make(model: name, params: p, seed: 1, source: source) }
    // The defaults alone fit and predict on a small separable set.
    let d = BaselineFixtures.blobs(perClass: 25, classes: 2, seed: 7)
    var m = try BaselineFactory.make(model: name, params: [:], seed: 1, source: source)
    if name == "mlp" { m = try BaselineFactory.make(model: name, params: ["max_iterations": 300, "learning_rate": 0.01], seed: 1) }
    if name == "random_forest" { m = try BaselineFactory.make(model: name, params: ["trees": 10], seed: 1) }
    try m.fit(features: d.features, labels: d.labels, classCount: 2)
    #expect(accuracy(labels: d.labels, predictions: try m.predict(d.features)) >= 0.95)
  }

  @Test func unknownNamesAndValuesAreReported() {
    #expect(throws: ModelError.self) { try BaselineFactory.make(model: "svm_rfb", params: [:]) }
    #expect(throws: ModelError.self) { try BaselineFactory.defaultGrid(for: "nope") }
    #expect(throws: ModelError.self) { try BaselineFactory.make(model: "svm_rbf", params: ["gama": 1]) }
    #expect(throws: ModelError.self) { try BaselineFactory.make(model: "svm_rbf", params: ["gamma": "wide"]) }
    #expect(throws: ModelError.self) { try BaselineFactory.make(model: "svm_rbf", params: ["C": -1]) }
    #expect(throws: ModelError.self) { try BaselineFactory.make(model: "knn", params: ["k": 2.5]) }
    #expect(throws: ModelError.self) { try BaselineFactory.make(model: "mlp", params: ["hidden": "64,x"]) }
    #expect(throws: ModelError.self) { try BaselineFactory.make(model: "random_forest", params: ["max_depth": "deep"]) }
    #expect(throws: ModelError.self) { try BaselineFactory.make(model: "logistic_regression", params: ["scale": "minmax"]) }
    do {
      _ = try BaselineFactory.make(model: "svm_rbf", params: ["gama": 1])
    } catch {
      #expect("\(error)".contains("'gama'") && "\(error)".contains("gamma"))
    }
  }

  @Test func parsesTypedValues() throws {
    let m = try BaselineFactory.make(model: "svm_poly", params: ["degree": 2, "gamma": 0.5, "coef0": 1, "C": 3, "scale": "none"])
    let svm = try #require(m as? SVMClassifier)
    #expect(svm.kernel == .polynomial(degree: 2, gamma: .value(0.5), coef0: 1))
    #expect(svm.C == 3)
    let mlp = try #require(try BaselineFactory.make(model: "mlp", params: ["hidden": "32-16", "scale": "none"]) as? MLPClassifier)
    #expect(mlp.hidden == [32, 16])
    let rf = try #require(try BaselineFactory.make(model: "random_forest", params: ["max_depth": 4]) as? RandomForest)
    #expect(rf.maxDepth == 4)
    #expect(try BaselineFactory.make(model: "knn", params: [:]) is StandardizedClassifier)
  }
}
