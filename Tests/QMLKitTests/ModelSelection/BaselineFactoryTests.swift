import Testing
@testable import QMLKit

@Suite struct BaselineFactoryTests {
  @Test(arguments: BaselineKind.allCases)
  func defaultGridPointsAllBuildAndFit(name: BaselineKind) throws {
    let grid = BaselineFactory.defaultGrid(for: name)
    let points = GridSearch(model: name, grid: grid, metric: .accuracy, seed: 1).points
    #expect(!points.isEmpty)
    // rff_quantum dequantizes a quantum model: here an angle encoding (ignored by the others).
    let source = SpectrumSource(encoding: AngleEncoding(rotation: .ry, scale: 0.5))
    for p in points { _ = try BaselineFactory.make(name, params: p, seed: 1, source: source) }
    // The defaults alone fit and predict on a small separable set.
    let d = BaselineFixtures.blobs(perClass: 25, classes: 2, seed: 7)
    var m = try BaselineFactory.make(name, params: [:], seed: 1, source: source)
    if name == .mlp { m = try BaselineFactory.make(name, params: ["max_iterations": 300, "learning_rate": 0.01], seed: 1) }
    if name == .randomForest { m = try BaselineFactory.make(name, params: ["trees": 10], seed: 1) }
    try m.fit(features: d.features, labels: d.labels, classCount: 2)
    #expect(accuracy(labels: d.labels, predictions: try m.predict(d.features)) >= 0.95)
  }

  @Test func unknownNamesAndValuesAreReported() {
    #expect(BaselineKind(name: "svm_rfb") == nil && BaselineKind(name: "nope") == nil)
    #expect(BaselineKind(name: "svm_rbf") == .svmRBF && BaselineFactory.names.count == BaselineKind.allCases.count)
    #expect(throws: ModelError.self) { try BaselineFactory.make(.svmRBF, params: ["gama": 1]) }
    #expect(throws: ModelError.self) { try BaselineFactory.make(.svmRBF, params: ["gamma": "wide"]) }
    #expect(throws: ModelError.self) { try BaselineFactory.make(.svmRBF, params: ["C": -1]) }
    #expect(throws: ModelError.self) { try BaselineFactory.make(.knn, params: ["k": 2.5]) }
    #expect(throws: ModelError.self) { try BaselineFactory.make(.mlp, params: ["hidden": "64,x"]) }
    #expect(throws: ModelError.self) { try BaselineFactory.make(.randomForest, params: ["max_depth": "deep"]) }
    #expect(throws: ModelError.self) { try BaselineFactory.make(.logisticRegression, params: ["scale": "minmax"]) }
    do {
      _ = try BaselineFactory.make(.svmRBF, params: ["gama": 1])
    } catch {
      #expect("\(error)".contains("'gama'") && "\(error)".contains("gamma"))
    }
  }

  @Test func parsesTypedValues() throws {
    let m = try BaselineFactory.make(.svmPoly, params: ["degree": 2, "gamma": 0.5, "coef0": 1, "C": 3, "scale": "none"])
    let svm = try #require(m as? SVMClassifier)
    #expect(svm.kernel == .polynomial(degree: 2, gamma: .value(0.5), coef0: 1))
    #expect(svm.C == 3)
    let mlp = try #require(try BaselineFactory.make(.mlp, params: ["hidden": "32-16", "scale": "none"]) as? MLPClassifier)
    #expect(mlp.hidden == [32, 16])
    let rf = try #require(try BaselineFactory.make(.randomForest, params: ["max_depth": 4]) as? RandomForest)
    #expect(rf.maxDepth == 4)
    #expect(try BaselineFactory.make(.knn, params: [:]) is StandardizedClassifier)
  }
}
