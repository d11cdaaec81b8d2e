import ClaimRunner
import ClaimSpec
import Foundation
import QMLKit
import Testing

/// With `scale: none` a baseline is the bare model: qlift's RBF and linear SVMs and logistic
/// regression reproduce scikit-learn 1.5.2 on a fixed train/test split (fixture and generator:
/// Fixtures/sklearn-svc/); with `scale: standard` they reproduce `make_pipeline(StandardScaler(), SVC)`.
@Suite struct SklearnParityTests {
  struct Expected: Decodable {
    struct Model: Decodable {
      var test_accuracy: Double
      var test_predictions: [Int]
      var test_decision_function: [Double]
    }
    var models: [String: Model]
  }

  static func fixture(_ name: String) throws -> URL {
    let base = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return base.appendingPathComponent("sklearn-svc/\(name)")
  }

  static func expected() throws -> Expected {
    try JSONDecoder().decode(Expected.self, from: Data(contentsOf: fixture("expected.json")))
  }

  static func rows(_ name: String) throws -> (x: [[Double]], y: [Int]) {
    let lines = try String(contentsOf: fixture(name), encoding: .utf8).split(separator: "\n").dropFirst()
    let cells = lines.map { $0.split(separator: ",").map { Double($0)! } }
    return (cells.map { Array($0.dropLast()) }, cells.map { Int($0.last!) })
  }

  /// Baselines run through the real spec loader and runner on the fixture's files.
  @Test func theRunnerScoresEqualScikitLearnsTestAccuracy() throws {
    let dir = try SpecFixtures.project()
    for f in ["train.csv", "test.csv"] {
      try FileManager.default.copyItem(at: Self.fixture(f), to: dir.appendingPathComponent("specs/\(f)"))
    }
    let yaml = """
      claim: sklearn-parity
      title: qlift's baselines equal scikit-learn's on a fixed split
      hypothesis: parity
      dataset: {train: train.csv, test: test.csv, target: label}
      quantum: [{id: q, kind: kernel, encoding: {map: angle}, svm: {C: [1]}}]
      baselines:
        - {id: rbf1, model: svm_rbf, scale: none, grid: {C: [1], gamma: [0.1]}}
        - {id: rbf2, model: svm_rbf, scale: none, grid: {C: [10], gamma: [0.05]}}
        - {id: rbf3, model: svm_rbf, scale: none, grid: {C: [0.5], gamma: [1]}}
        - {id: lin, model: svm_linear, scale: none, grid: {C: [1]}}
        - {id: logreg, model: logistic_regression, scale: none, grid: {C: [1]}}
        - {id: std, model: svm_rbf, scale: standard, grid: {C: [1], gamma: [0.1]}}
      backends: [{id: ideal, simulator: statevector, shots: exact}]
      seeds: [1, 2, 3]
      criteria: {metric: accuracy, lift: {min: 0}, cost: {max_runtime_seconds: 600}}
      expect: inconclusive
      """
    let claim = try SpecFixtures.claim(yaml, name: "sklearn-parity", in: dir)
    #expect(claim.baselines.map(\.scale) == [.none, .none, .none, .none, .none, .standard])
    let result = try SpecFixtures.run([claim], in: dir)[0]
    let e = try Self.expected()
    let keys = ["rbf1": "rbf_C1.0_gamma0.1", "rbf2": "rbf_C10.0_gamma0.05", "rbf3": "rbf_C0.5_gamma1.0",
                "lin": "linear_C1.0", "logreg": "logreg_C1.0", "std": "standard"]
    for b in result.baselines {
      let want = try #require(e.models[keys[b.model]!]).test_accuracy
      for t in b.test { #expect(abs(t - want) < 1e-12, "\(b.model): qlift \(t), scikit-learn \(want)") }
      #expect(b.scale == (b.model == "std" ? "standard" : "none"))
      #expect(b.chosen[0]["scale"] == b.scale)
    }
  }

  /// The RBF SVM's predictions, one by one, away from the decision boundary (|f| > 0.02, well above
  /// the solvers' 1e-3 stopping tolerance) and its decision values to 1e-2.
  @Test func rbfPredictionsMatchPointByPoint() throws {
    let train = try Self.rows("train.csv"), test = try Self.rows("test.csv")
    let e = try Self.expected()
    for (key, C, gamma) in [("rbf_C1.0_gamma0.1", 1.0, 0.1), ("rbf_C10.0_gamma0.05", 10.0, 0.05)] {
      var model = try BaselineFactory.make(.svmRBF, params: ["C": .number(C), "gamma": .number(gamma), "scale": "none"])
      try model.fit(features: train.x, labels: train.y, classCount: 2)
      let predicted = try model.predict(test.x)
      let want = try #require(e.models[key])
      for i in test.y.indices where abs(want.test_decision_function[i]) > 0.02 {
        #expect(predicted[i] == want.test_predictions[i], "\(key) row \(i)")
      }
    }
  }
}
