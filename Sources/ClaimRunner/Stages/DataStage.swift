import ClaimSpec
import Foundation
import QMLKit

/// Loads a claim's data and prepares the split of one seed: split, then preprocessing
/// fitted on the training part only and applied unchanged to the test part. Regression data
/// (`task: regression`) keeps its real targets and is split at random (one class: the stratified
/// split of one class is a plain shuffled split).
struct DataStage: Sendable {
  let claim: Claim
  /// The whole data set for sources that do not depend on the seed (CSV), loaded once.
  let fixed: Dataset?
  /// A fixed train/test pair, loaded once.
  let fixedPair: DataSplit?

  /// Loads file-based sources up front so every seed shares one read.
  init(claim: Claim) throws {
    self.claim = claim
    switch claim.dataset.source {
    case .generator:
      fixed = nil; fixedPair = nil
    case .csv(let file, let target, let features):
      fixed = claim.task == .regression
        ? try CSVLoader.loadRegression(path: file.url.path, target: target, features: features)
        : try CSVLoader.load(path: file.url.path, target: target, features: features)
      fixedPair = nil
    case .trainTest(let train, let test, let target, let features):
      fixed = nil
      fixedPair = claim.task == .regression
        ? try CSVLoader.loadRegressionPair(train: train.url.path, test: test.url.path, target: target, features: features)
        : try CSVLoader.loadPair(train: train.url.path, test: test.url.path, target: target, features: features)
    }
  }

  /// A short description of the source for the report.
  var sourceDescription: String {
    switch claim.dataset.source {
    case .generator(let g):
      let params = g.params.keys.sorted().map { "\($0) \(fmtParam(g.params[$0]!))" }.joined(separator: ", ")
      return "generator \(g.name)" + (params.isEmpty ? "" : " (\(params))")
    case .csv(let f, let target, _): return "\(f.path) (target \(target))"
    case .trainTest(let a, let b, let target, _): return "\(a.path) + \(b.path) (target \(target))"
    }
  }

  /// The raw (unpreprocessed) split of `seed`.
  func rawSplit(seed: Int) throws -> DataSplit {
    let s = UInt64(bitPattern: Int64(seed))
    if let pair = fixedPair { return pair }
    let data: Dataset
    if let fixed { data = fixed } else if case .generator(let g) = claim.dataset.source {
      data = try DatasetGenerator.make(g.name, samples: g.samples, parameters: g.params, seed: s)
    } else { preconditionFailure("unreachable: every source is generator, csv or pair") }
    return stratifiedSplit(data, testFraction: claim.dataset.testFraction, seed: s &+ 0x5EED)
  }

  /// The preprocessing pipeline of the spec, for the given input feature names.
  func pipeline(featureNames: [String]) throws -> Pipeline {
    var steps: [any Transformer] = []
    var names = featureNames
    for step in claim.dataset.preprocess {
      let t: any Transformer
      switch step {
      case .standardize: t = Standardizer()
      case .scale(let lo, let hi): t = MinMaxScaler(range: lo...hi)
      case .pca(let k): t = PCA(components: k)
      case .select(let keep): t = try FeatureSelector(names: keep, featureNames: names)
      }
      names = t.outputNames(names)
      steps.append(t)
    }
    return Pipeline(steps)
  }

  /// The preprocessed split of `seed` (preprocessing fitted on its training part).
  func split(seed: Int) throws -> (split: DataSplit, steps: [String]) {
    let raw = try rawSplit(seed: seed)
    var p = try pipeline(featureNames: raw.train.featureNames)
    // A step whose output overflows is bad input (exit 2) naming the step, not a crash later.
    let out = try InputErrors.located(claim, field: "dataset.preprocess") { try p.apply(to: raw) }
    return (out, p.steps.map(\.describe))
  }
}

/// Formats a generator parameter compactly.
func fmtParam(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(x) }
