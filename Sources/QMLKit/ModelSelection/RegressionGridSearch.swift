import Foundation
import QuantumSim

/// Exhaustive hyperparameter search for a regressor by k-fold cross-validation on a training
/// split, as scikit-learn's `GridSearchCV(scoring="neg_mean_squared_error", refit=True)`.
///
/// Grid points are enumerated as `ParameterGrid` (keys sorted, the last varying fastest); each is
/// scored by the mean squared error over the folds (all points see the same folds), the first
/// point with the lowest mean wins and is refitted on the whole training split. The claim's own
/// metric is averaged over the same folds for the chosen point (`metricScore`, the score that
/// compares baselines with each other). Default folds: shuffled k-fold from `seed` (a stratified
/// k-fold of one class). Points and folds run in parallel; the result does not depend on the
/// thread count. A point whose fit fails in a fold scores NaN and is listed in `failures`.
public struct RegressionGridSearch: Sendable {
  /// The regressor searched.
  public var model: RegressorKind
  /// Values to try per hyperparameter.
  public var grid: [String: [HyperValue]]
  /// Number of folds.
  public var folds: Int
  /// The claim's metric, averaged over the folds at the chosen point.
  public var metric: RegressionMetric
  /// Seed of the fold assignment and of the models' own randomness.
  public var seed: UInt64

  /// A search of `grid` for `model`.
  public init(model: RegressorKind, grid: [String: [HyperValue]], folds: Int = 5, metric: RegressionMetric = .rmse, seed: UInt64) {
    self.model = model
    self.grid = grid
    self.folds = folds
    self.metric = metric
    self.seed = seed
  }

  /// The grid points in scikit-learn's `ParameterGrid` order.
  public var points: [[String: HyperValue]] {
    GridSearch(model: .knn, grid: grid, metric: .accuracy, seed: seed).points
  }

  /// Shuffled k-fold splits of `count` rows from `seed`.
  public static func kFold(count: Int, folds: Int, seed: UInt64) -> [(train: [Int], test: [Int])] {
    StratifiedKFold(folds: folds, seed: seed).splits(labels: [Int](repeating: 0, count: count))
  }

  /// Runs the search on training rows `x` and targets `y` only.
  ///
  /// - Throws: `ModelError.invalidHyperparameter` (bad model parameter, empty value list,
  ///   folds < 2), `ModelError.invalidData` (fewer rows than folds), or the first fit error
  ///   when every grid point fails.
  public func run(features x: [[Double]], targets y: [Double]) throws -> RegressionGridSearchResult {
    guard folds >= 2 else { throw ModelError.invalidHyperparameter("grid search needs at least 2 folds, got \(folds)") }
    guard x.count >= folds else { throw ModelError.invalidData("grid search: \(x.count) training samples for \(folds) folds") }
    return try run(features: x, targets: y, splits: Self.kFold(count: x.count, folds: folds, seed: seed))
  }

  /// Runs the search with given splits (row indices into the training rows).
  public func run(features x: [[Double]], targets y: [Double], splits: [(train: [Int], test: [Int])]) throws -> RegressionGridSearchResult {
    guard x.count == y.count else { throw ModelError.invalidData("grid search: \(x.count) rows but \(y.count) targets") }
    guard splits.count >= 2 else { throw ModelError.invalidData("grid search needs at least 2 splits, got \(splits.count)") }
    for (f, s) in splits.enumerated() {
      guard !s.train.isEmpty, !s.test.isEmpty else { throw ModelError.invalidData("grid search: split \(f) has an empty part") }
      if let bad = (s.train + s.test).first(where: { $0 < 0 || $0 >= x.count }) {
        throw ModelError.invalidData("grid search: split \(f) holds row \(bad), outside 0..<\(x.count)")
      }
    }
    if let empty = grid.first(where: { $0.value.isEmpty }) {
      throw ModelError.invalidHyperparameter("\(model): grid for '\(empty.key)' has no values")
    }
    let candidates = points
    for p in candidates { _ = try RegressorFactory.make(model, params: p, seed: seed) }
    let nFolds = splits.count
    let (model, seed, metric) = (self.model, self.seed, self.metric)
    let outcomes = Parallel.map(candidates.count * nFolds, workers: Parallel.processorCount) { t in
      let p = t / nFolds, s = splits[t % nFolds]
      try Cancellation.check()
      var m = try RegressorFactory.make(model, params: candidates[p], seed: seed)
      try m.fit(features: s.train.map { x[$0] }, targets: s.train.map { y[$0] })
      let truth = s.test.map { y[$0] }
      let pred = try m.predict(s.test.map { x[$0] })
      guard pred.allSatisfy(\.isFinite) else { throw ModelError.diverged("\(model): predictions are not finite") }
      let rmse = rootMeanSquaredError(targets: truth, predictions: pred)
      return (mse: rmse * rmse, metric: metric.score(targets: truth, predictions: pred))
    }
    try Cancellation.check()
    var table: [(params: [String: HyperValue], meanSquaredError: Double, metric: Double)] = []
    var failures: [(params: [String: HyperValue], message: String)] = []
    var firstError: (any Error)?
    for (p, params) in candidates.enumerated() {
      var mse: [Double] = [], score: [Double] = []
      var failed: (any Error)?
      for f in 0..<nFolds {
        switch outcomes[p * nFolds + f] {
        case .success(let s): mse.append(s.mse); score.append(s.metric)
        case .failure(let e): if failed == nil { failed = e }
        }
      }
      if let e = failed {
        failures.append((params, "\(e)"))
        if firstError == nil { firstError = e }
        table.append((params, .nan, .nan))
        continue
      }
      table.append((params, mse.reduce(0, +) / Double(nFolds), score.reduce(0, +) / Double(nFolds)))
    }
    var best: Int?
    for (i, row) in table.enumerated() where !row.meanSquaredError.isNaN {
      if best == nil || row.meanSquaredError < table[best!].meanSquaredError { best = i }
    }
    guard let b = best else { throw firstError ?? ModelError.invalidData("grid search: no grid point could be scored") }
    var refit = try RegressorFactory.make(model, params: candidates[b], seed: seed)
    try refit.fit(features: x, targets: y)
    return RegressionGridSearchResult(
      best: candidates[b], meanSquaredError: table[b].meanSquaredError, metricScore: table[b].metric, table: table,
      failures: failures, model: refit)
  }
}

/// The outcome of a `RegressionGridSearch`: the chosen point, its cross-validated errors, the
/// full table in grid order, and the model refitted on the whole training split.
public struct RegressionGridSearchResult: Sendable {
  /// The best hyperparameters (lowest mean CV squared error).
  public var best: [String: HyperValue]
  /// Mean cross-validated squared error of `best`.
  public var meanSquaredError: Double
  /// Mean cross-validated claim metric of `best`.
  public var metricScore: Double
  /// Every grid point with its mean squared error and mean metric over folds.
  public var table: [(params: [String: HyperValue], meanSquaredError: Double, metric: Double)]
  /// Grid points whose fit failed in some fold, with the error text.
  public var failures: [(params: [String: HyperValue], message: String)]
  /// The regressor refitted on the whole training split with `best`.
  public var model: any Regressor
}
