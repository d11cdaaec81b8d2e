import ClaimSpec
import Foundation
import QMLKit

/// Checks a claim's data before any seed runs, so bad data (one class, a class too small to
/// split and cross-validate, non-finite values) is an input error naming the spec file and
/// the data, never a trap inside a split or a model.
enum DataGuard {
  /// Smallest number of training samples of every class: stratified k-fold needs two folds,
  /// and each training fold must still hold every class.
  static let minTrainPerClass = 2
  /// Largest feature magnitude (docs/SPEC.md): squares, sums over a million rows and distances
  /// of values up to 1e150 stay finite, so no model or step overflows on valid data.
  static let maxMagnitude = 1e150

  /// The raw splits of every seed, validated; throws `RunnerError.invalidClaim` on bad data.
  static func check(_ claim: Claim, data: DataStage) throws {
    let where_ = claim.location(of: "dataset").description
    let source = data.sourceDescription
    func fail(_ message: String) -> RunnerError {
      RunnerError.invalidClaim(file: where_, field: "dataset", message: "\(source): \(message)")
    }
    if claim.task == .regression { return try checkRegression(claim, data: data, fail) }
    if let fixed = data.fixed { try checkWhole(fixed, fail) }
    if let pair = data.fixedPair {
      try checkWhole(pair.train, fail)
      try checkFinite(pair.test, part: "test file", fail)
      try checkTrainClasses(pair.train.labels, names: pair.train.classNames, seed: nil, fail)
      return
    }
    let fraction = claim.dataset.testFraction
    guard fraction > 0 && fraction < 1 else { throw fail("test_fraction must lie in (0, 1), got \(fraction)") }
    for seed in claim.seeds {
      let whole: Dataset
      if let fixed = data.fixed { whole = fixed } else if case .generator(let g) = claim.dataset.source {
        do {
          whole = try DatasetGenerator.make(g.name, samples: g.samples, parameters: g.params, seed: UInt64(bitPattern: Int64(seed)))
        } catch { throw fail("\(error)") }
        try checkWhole(whole, fail)
      } else { continue }
      let s = UInt64(bitPattern: Int64(seed)) &+ 0x5EED
      let (train, _) = stratifiedSplitIndices(labels: whole.labels, testFraction: fraction, seed: s)
      try checkTrainClasses(train.map { whole.labels[$0] }, names: whole.classNames, seed: seed, fail)
    }
  }

  /// Regression data: enough rows for a split and two-fold cross-validation, finite features and
  /// targets within `maxMagnitude`.
  static func checkRegression(_ claim: Claim, data: DataStage, _ fail: (String) -> RunnerError) throws {
    let parts = data.fixedPair.map { [($0.train, "training file"), ($0.test, "test file")] } ?? data.fixed.map { [($0, "data")] } ?? []
    for (d, part) in parts {
      try checkFinite(d, part: part, fail)
      for (i, t) in (d.targets ?? []).enumerated() where !t.isFinite || abs(t) > maxMagnitude {
        throw fail("\(part) row \(i + 1): target \(t) is not a finite number within ±1e150")
      }
    }
    let train = data.fixedPair?.train.count
      ?? data.fixed.map { $0.count - max(1, Int((claim.dataset.testFraction * Double($0.count)).rounded(.up))) } ?? 0
    if train < 4 { throw fail("\(train) training row(s); a regression claim needs at least 4 (a split and two-fold cross-validation)") }
  }

  /// At least two samples, at least two classes, every value finite.
  static func checkWhole(_ d: Dataset, _ fail: (String) -> RunnerError) throws {
    guard d.count >= 2 else { throw fail("\(d.count) sample(s); a split needs at least two") }
    guard Set(d.labels).count >= 2 else { throw fail("a single class; a classifier needs at least two") }
    try checkFinite(d, part: "data", fail)
  }

  /// Every feature value finite and at most `maxMagnitude` in absolute value.
  static func checkFinite(_ d: Dataset, part: String, _ fail: (String) -> RunnerError) throws {
    for (i, row) in d.features.enumerated() {
      for (j, x) in row.enumerated() where !x.isFinite || abs(x) > maxMagnitude {
        let name = j < d.featureNames.count ? d.featureNames[j] : "#\(j)"
        if !x.isFinite { throw fail("\(part) row \(i + 1), feature '\(name)': non-finite value \(x)") }
        throw fail("\(part) row \(i + 1), feature '\(name)': value \(x) is beyond ±1e150, the largest magnitude "
          + "qlift accepts (sums and squares would overflow); rescale the column")
      }
    }
  }

  /// Every class present in the training part with at least `minTrainPerClass` samples.
  static func checkTrainClasses(_ labels: [Int], names: [String], seed: Int?, _ fail: (String) -> RunnerError) throws {
    var counts: [Int: Int] = [:]
    for l in labels { counts[l, default: 0] += 1 }
    let at = seed.map { " (split of seed \($0))" } ?? ""
    if counts.count < 2 { throw fail("the training part\(at) holds a single class; a classifier needs at least two") }
    for k in names.indices where (counts[k] ?? 0) < minTrainPerClass {
      throw fail("class '\(names[k])' has \(counts[k] ?? 0) training sample(s)\(at); "
        + "cross-validation needs at least \(minTrainPerClass) per class (add rows or drop the class)")
    }
  }
}
