import Foundation
import QuantumSim

/// Exhaustive hyperparameter search by stratified k-fold cross-validation on a training
/// split, as scikit-learn's `GridSearchCV(refit=True)`.
///
/// Grid points are enumerated as scikit-learn's `ParameterGrid`: keys sorted, the last key
/// varying fastest. Each point is scored by the mean of the metric over the folds (all
/// points see the same folds); the best is the first point with the best mean (lower for
/// `log_loss`), and the model is refitted on the whole training split with it. Points and
/// folds run in parallel; the result does not depend on the thread count. A point whose
/// fit fails in any fold scores NaN and is listed in `failures`; when every point fails
/// the first failure is thrown.
public struct GridSearch: Sendable {
  /// The baseline model searched.
  public var model: BaselineKind
  /// Values to try per hyperparameter.
  public var grid: [String: [HyperValue]]
  /// Number of stratified folds.
  public var folds: Int
  /// The selection metric.
  public var metric: Metric
  /// Seed of the fold assignment and of the models' own randomness.
  public var seed: UInt64
  /// The quantum model a dequantized baseline (`rff_quantum`) copies; nil for the others.
  public var source: SpectrumSource?

  /// A search of `grid` for `model`.
  public init(
    model: BaselineKind, grid: [String: [HyperValue]], folds: Int = 5, metric: Metric, seed: UInt64, source: SpectrumSource? = nil
  ) {
    self.source = source
    self.model = model
    self.grid = grid
    self.folds = folds
    self.metric = metric
    self.seed = seed
  }

  /// The grid points in scikit-learn's `ParameterGrid` order.
  public var points: [[String: HyperValue]] {
    var result: [[String: HyperValue]] = [[:]]
    for key in grid.keys.sorted() {
      let values = grid[key]!
      result = result.flatMap { partial in
        values.map { v in
          var p = partial
          p[key] = v
          return p
        }
      }
    }
    return result
  }

  /// Runs the search on `train` only.
  ///
  /// - Throws: `ModelError.invalidHyperparameter` (unknown model or parameter, bad value,
  ///   an empty value list, folds < 2), `ModelError.invalidData` (fewer samples than
  ///   folds), or the first fit error when every grid point fails.
  public func run(train: Dataset) throws -> GridSearchResult {
    guard folds >= 2 else { throw ModelError.invalidHyperparameter("grid search needs at least 2 folds, got \(folds)") }
    guard train.count >= folds else {
      throw ModelError.invalidData("grid search: \(train.count) training samples for \(folds) folds")
    }
    return try run(train: train, splits: StratifiedKFold(folds: folds, seed: seed).splits(labels: train.labels))
  }

  /// Runs the search on `train` with given cross-validation splits (row indices into
  /// `train`; `folds` is ignored), e.g. to reproduce another tool's folds exactly.
  ///
  /// - Throws: as `run(train:)`, and `ModelError.invalidData` for fewer than two splits or
  ///   an index outside the training set.
  public func run(train: Dataset, splits: [(train: [Int], test: [Int])]) throws -> GridSearchResult {
    guard splits.count >= 2 else { throw ModelError.invalidData("grid search needs at least 2 splits, got \(splits.count)") }
    for (f, s) in splits.enumerated() {
      guard !s.train.isEmpty, !s.test.isEmpty else { throw ModelError.invalidData("grid search: split \(f) has an empty part") }
      if let bad = (s.train + s.test).first(where: { $0 < 0 || $0 >= train.count }) {
        throw ModelError.invalidData("grid search: split \(f) holds row \(bad), outside 0..<\(train.count)")
      }
    }
    let folds = splits.count
    if let empty = grid.first(where: { $0.value.isEmpty }) {
      throw ModelError.invalidHyperparameter("\(model): grid for '\(empty.key)' has no values")
    }
    let candidates = points
    for p in candidates { _ = try BaselineFactory.make(model, params: p, seed: seed, source: source) }
    let foldData = splits.map { s in
      (trainX: s.train.map { train.features[$0] }, trainY: s.train.map { train.labels[$0] },
       testX: s.test.map { train.features[$0] }, testY: s.test.map { train.labels[$0] })
    }
    let k = train.classCount
    let tasks = candidates.count * folds
    let (model, seed, metric, source) = (self.model, self.seed, self.metric, self.source)
    let outcomes = Parallel.map(tasks, workers: Parallel.processorCount) { t in
      let p = t / folds, f = t % folds
      let data = foldData[f]
      try Cancellation.check()
      var m = try BaselineFactory.make(model, params: candidates[p], seed: seed, source: source)
      try m.fit(features: data.trainX, labels: data.trainY, classCount: k)
      let s = try m.scores(data.testX)
      return metric.score(labels: data.testY, scores: s, classCount: k)
    }
    try Cancellation.check()
    var table: [(params: [String: HyperValue], meanScore: Double, std: Double)] = []
    var failures: [(params: [String: HyperValue], message: String)] = []
    var firstError: (any Error)?
    for (p, params) in candidates.enumerated() {
      var scores: [Double] = []
      var failed: (any Error)?
      for f in 0..<folds {
        switch outcomes[p * folds + f] {
        case .success(let s): scores.append(s)
        case .failure(let e): if failed == nil { failed = e }
        }
      }
      if let e = failed {
        failures.append((params, "\(e)"))
        if firstError == nil { firstError = e }
        table.append((params, .nan, .nan))
        continue
      }
      let mean = scores.reduce(0, +) / Double(scores.count)
      let variance = scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(scores.count)
      table.append((params, mean, variance.squareRoot()))
    }
    var best: Int?
    for (i, row) in table.enumerated() where !row.meanScore.isNaN {
      guard let b = best else { best = i; continue }
      let better = metric.higherIsBetter ? row.meanScore > table[b].meanScore : row.meanScore < table[b].meanScore
      if better { best = i }
    }
    guard let b = best else { throw firstError ?? ModelError.invalidData("grid search: no grid point could be scored") }
    var refit = try BaselineFactory.make(model, params: candidates[b], seed: seed, source: source)
    try refit.fit(features: train.features, labels: train.labels, classCount: k)
    return GridSearchResult(best: candidates[b], bestScore: table[b].meanScore, table: table, failures: failures, model: refit)
  }
}

/// The outcome of a `GridSearch`: the chosen point, its cross-validated score, the full
/// table in grid order, and the model refitted on the whole training split.
public struct GridSearchResult: Sendable {
  /// The best hyperparameters.
  public var best: [String: HyperValue]
  /// Mean cross-validated metric of `best`.
  public var bestScore: Double
  /// Every grid point with its mean and (population) standard deviation over folds.
  public var table: [(params: [String: HyperValue], meanScore: Double, std: Double)]
  /// Grid points whose fit failed in some fold, with the error text.
  public var failures: [(params: [String: HyperValue], message: String)]
  /// The classifier refitted on the whole training split with `best`.
  public var model: any Classifier
}
