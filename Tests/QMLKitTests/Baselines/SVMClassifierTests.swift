import Testing
@testable import QMLKit

private struct SVMFixture: Decodable {
  struct Model: Decodable {
    let name: String
    let classes: Int
    let decision: [[Double]]?
    let decision1: [Double]?
    let predict: [Int]
    let support: [Int]
    let dual_coef: [Double]?
    let intercept: Double?
    enum CodingKeys: String, CodingKey { case name, classes, decision, predict, support, dual_coef, intercept }
    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      name = try c.decode(String.self, forKey: .name)
      classes = try c.decode(Int.self, forKey: .classes)
      predict = try c.decode([Int].self, forKey: .predict)
      support = try c.decode([Int].self, forKey: .support)
      dual_coef = try c.decodeIfPresent([Double].self, forKey: .dual_coef)
      intercept = try c.decodeIfPresent(Double.self, forKey: .intercept)
      if classes == 2 {
        decision1 = try c.decode([Double].self, forKey: .decision); decision = nil
      } else {
        decision = try c.decode([[Double]].self, forKey: .decision); decision1 = nil
      }
    }
  }
  struct Block: Decodable {
    let train_x: [[Double]]
    let train_y: [Int]
    let train_y3: [Int]
    let test_x: [[Double]]
    let models: [Model]
  }
  let svm: Block
}

/// scikit-learn SVC(tol=1e-8) decision values on raw features (Fixtures/gen_baselines.py, part a).
@Suite struct SVMClassifierTests {
  static func kernel(named name: String) -> SVMKernel {
    switch name {
    case "rbf_scale_C10": return .rbf(gamma: .scale)
    case "rbf_0.5_C1", "rbf_0.5_C3_3class": return .rbf(gamma: .value(0.5))
    case "poly3_scale_coef1_C1": return .polynomial(degree: 3, gamma: .scale, coef0: 1)
    default: return .linear
    }
  }

  static func c(named name: String) -> Double {
    ["rbf_scale_C10": 10, "rbf_0.5_C1": 1, "poly3_scale_coef1_C1": 1, "linear_C0.1": 0.1, "rbf_0.5_C3_3class": 3][name]!
  }

  @Test func matchesScikitLearnDecisionValues() throws {
    let f = try BaselineFixtures.json("baselines", as: SVMFixture.self).svm
    for m in f.models {
      var model = SVMClassifier(kernel: Self.kernel(named: m.name), C: Self.c(named: m.name), tolerance: 1e-8)
      try model.fit(features: f.train_x, labels: m.classes == 2 ? f.train_y : f.train_y3, classCount: m.classes)
      #expect(model.machine.supportIndices == m.support, "\(m.name) support")
      #expect(try model.predict(f.test_x) == m.predict, "\(m.name) predictions")
      let scores = try model.scores(f.test_x)
      if let ref = m.decision1 {
        for (row, r) in zip(scores, ref) { #expect(BaselineFixtures.close(row[1], r), "\(m.name): \(row[1]) vs \(r)") }
        for (a, b) in zip(model.machine.dualCoefficients, m.dual_coef!) { #expect(BaselineFixtures.close(a, b), "\(m.name) coef") }
        #expect(BaselineFixtures.close(model.machine.intercept, m.intercept!), "\(m.name) intercept")
      } else {
        for (row, r) in zip(scores, m.decision!) {
          for (a, b) in zip(row, r) { #expect(BaselineFixtures.close(a, b), "\(m.name): \(a) vs \(b)") }
        }
      }
    }
  }

  @Test func gammaScaleIsOneOverFeaturesTimesVariance() {
    // Entries 0, 2, 4, 6: pooled variance 5, 2 features -> gamma = 1/10.
    #expect(abs(KernelGamma.scale.resolve(features: [[0, 2], [4, 6]]) - 0.1) < 1e-15)
    #expect(KernelGamma.scale.resolve(features: [[1, 1], [1, 1]]) == 1)
    #expect(KernelGamma.auto.resolve(features: [[0, 2, 3]]) == 1.0 / 3)
  }

  @Test func rejectsBadInputAndUnfittedUse() {
    var m = SVMClassifier(kernel: .rbf(gamma: .value(-1)), C: 1)
    #expect(throws: ModelError.self) { try m.fit(features: [[0], [1]], labels: [0, 1], classCount: 2) }
    m = SVMClassifier(kernel: .linear, C: 1)
    #expect(throws: ModelError.self) { try m.fit(features: [[0], [1]], labels: [0, 1], classCount: 3) }
    #expect(throws: ModelError.self) { try m.fit(features: [[0], [.nan]], labels: [0, 1], classCount: 2) }
    #expect(throws: ModelError.notFitted) { try m.scores([[0]]) }
  }

  @Test func iterationLimitSurfacesAsNotConverged() {
    var m = SVMClassifier(kernel: .rbf(gamma: .value(1)), C: 100, tolerance: 1e-10, maxIterations: 2)
    let d = BaselineFixtures.blobs(perClass: 20, classes: 2, seed: 3)
    #expect(throws: ModelError.self) { try m.fit(features: d.features, labels: d.labels, classCount: 2) }
  }
}
