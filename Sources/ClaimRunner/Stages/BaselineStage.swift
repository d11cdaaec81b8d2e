import ClaimSpec
import Foundation
import QMLKit

/// One baseline tuned and tested on one seed's split.
struct BaselineOutcome: Sendable, Codable {
  /// Baseline id.
  var id: String
  /// Chosen hyperparameters.
  var chosen: [String: String]
  /// Mean cross-validation score of the chosen setting (the selection criterion).
  var cvScore: Double
  /// Test metric.
  var test: Double
  /// Seconds for tuning, refit and testing.
  var seconds: Double
  /// Configurations compared (the grid's size).
  var configurations = 1
  /// Cross-validation folds.
  var folds = 0
  /// Test-set predictions (regression claims, for the predicted-against-true chart).
  var predictions: [Double]?
}

/// Tunes every baseline by stratified k-fold cross-validation on the training split only,
/// refits the best setting on the whole training split, and scores it on the test split.
enum BaselineStage {
  /// Folds used for every grid search.
  static let folds = 5

  /// Tunes and tests one baseline on one split; `source` is the quantum model a dequantized
  /// baseline (`rff_quantum`) copies.
  static func run(
    _ spec: BaselineSpec, split: DataSplit, metric: Metric, seed: Int, source: SpectrumSource? = nil
  ) throws -> BaselineOutcome {
    if let regression = metric.regression { return try runRegression(spec, split: split, metric: regression, seed: seed) }
    let start = Date()
    guard let kind = spec.model.kind else {
      throw ModelError.invalidHyperparameter("\(spec.model.rawValue) is a regression model; the claim is a classification claim")
    }
    var grid = hyperGrid(spec)
    if grid.isEmpty { grid = BaselineFactory.defaultGrid(for: kind) }
    // The spec's visible scaling key, not a hidden default (random forests take none).
    if spec.model != .randomForest { grid["scale"] = [.text(spec.scale.rawValue)] }
    let search = GridSearch(
      model: kind, grid: grid, folds: min(folds, smallestClass(split.train.labels)),
      metric: metric, seed: UInt64(bitPattern: Int64(seed)), source: source)
    let result = try search.run(train: split.train)
    let scores = try result.model.scores(split.test.features)
    let test = metric.score(labels: split.test.labels, scores: scores, classCount: split.train.classCount)
    var out = BaselineOutcome(
      id: spec.id, chosen: result.best.mapValues(\.description), cvScore: result.bestScore, test: test,
      seconds: Date().timeIntervalSince(start))
    out.configurations = grid.values.reduce(1) { $0 * max(1, $1.count) }
    out.folds = search.folds
    return out
  }

  /// The spec's grid as QMLKit values.
  static func hyperGrid(_ spec: BaselineSpec) -> [String: [HyperValue]] {
    var grid: [String: [HyperValue]] = [:]
    for (name, values) in spec.grid {
      grid[name] = values.map { v in
        switch v {
        case .number(let x): return .number(x)
        case .text(let s): return .text(s)
        }
      }
    }
    return grid
  }

  /// Tunes and tests one regression baseline: grid points by the mean k-fold CV squared error on
  /// the training split (scikit-learn's `neg_mean_squared_error`), `cvScore` the claim metric's
  /// mean over the same folds at the chosen point; the refit model is scored on the test split.
  static func runRegression(_ spec: BaselineSpec, split: DataSplit, metric: RegressionMetric, seed: Int) throws -> BaselineOutcome {
    let start = Date()
    guard let kind = spec.model.regressorKind, let y = split.train.targets, let yTest = split.test.targets else {
      throw ModelError.invalidHyperparameter("\(spec.model.rawValue) is not a regression model, or the data has no targets")
    }
    var grid = hyperGrid(spec)
    if grid.isEmpty { grid = RegressorFactory.defaultGrid(for: kind) }
    grid["scale"] = [.text(spec.scale.rawValue)]
    let search = RegressionGridSearch(
      model: kind, grid: grid, folds: min(folds, split.train.count), metric: metric, seed: UInt64(bitPattern: Int64(seed)))
    let result = try search.run(features: split.train.features, targets: y)
    let predictions = try result.model.predict(split.test.features)
    var out = BaselineOutcome(
      id: spec.id, chosen: result.best.mapValues(\.description), cvScore: result.metricScore,
      test: metric.score(targets: yTest, predictions: predictions), seconds: Date().timeIntervalSince(start))
    out.configurations = grid.values.reduce(1) { $0 * max(1, $1.count) }
    out.folds = search.folds
    out.predictions = predictions
    return out
  }

  /// Size of the smallest class (k-fold cannot have more folds than that).
  static func smallestClass(_ labels: [Int]) -> Int {
    var counts: [Int: Int] = [:]
    for l in labels { counts[l, default: 0] += 1 }
    return max(2, counts.values.min() ?? 2)
  }
}
