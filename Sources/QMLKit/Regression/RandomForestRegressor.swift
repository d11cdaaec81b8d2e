import Foundation
import QuantumSim

/// A random forest of CART regression trees, as scikit-learn's `RandomForestRegressor`:
/// each tree grows on a bootstrap sample (as per-sample weights), splits by variance
/// reduction over `maxFeatures` random candidate features per node (nil: all, scikit-learn's
/// default 1.0), and the forest predicts the mean of the trees' leaf means.
///
/// Tree t draws from its own generator derived from `seed` and t (as `RandomForest`), so the
/// forest is the same for any thread count; trees grow in parallel.
public struct RandomForestRegressor: Regressor {
  /// Number of trees.
  public var trees: Int
  /// Maximum depth (nil = grow until leaves are constant or single samples).
  public var maxDepth: Int?
  /// Candidate features per split (nil = all features).
  public var maxFeatures: Int?
  /// Seed of bootstrap and feature draws.
  public var seed: UInt64
  private var fitted: [_RegressionTree] = []
  private var width = 0

  /// A forest of `trees` regression trees.
  public init(trees: Int = 100, maxDepth: Int? = nil, maxFeatures: Int? = nil, seed: UInt64 = 0) {
    self.trees = trees
    self.maxDepth = maxDepth
    self.maxFeatures = maxFeatures
    self.seed = seed
  }

  /// Grows the trees.
  ///
  /// - Throws: `ModelError.invalidHyperparameter` (trees, maxDepth or maxFeatures < 1),
  ///   `ModelError.invalidData` (rows, targets).
  public mutating func fit(features: [[Double]], targets: [Double]) throws {
    try _validateRegression(features: features, targets: targets, model: "random forest regressor")
    guard trees >= 1 else { throw ModelError.invalidHyperparameter("random forest needs >= 1 tree, got \(trees)") }
    if let m = maxDepth, m < 1 { throw ModelError.invalidHyperparameter("random forest max_depth must be >= 1, got \(m)") }
    if let m = maxFeatures, m < 1 { throw ModelError.invalidHyperparameter("random forest max_features must be >= 1, got \(m)") }
    let d = features[0].count
    let n = features.count
    let x = features.flatMap { $0 }
    let candidates = min(d, maxFeatures ?? d)
    let depth = maxDepth, seed = self.seed
    let grown = Parallel.map(trees, workers: Parallel.processorCount) { t in
      var rng = SeededGenerator(seed: seed ^ (UInt64(t) &+ 1) &* 0x9E37_79B9_7F4A_7C15)
      var weights = [Double](repeating: 0, count: n)
      for _ in 0..<n { weights[Int(rng.next() % UInt64(n))] += 1 }
      return _RegressionTree(x: x, width: d, targets: targets, weights: weights, maxDepth: depth,
                             maxFeatures: candidates, rng: &rng)
    }
    fitted = try grown.map { try $0.get() }
    width = d
  }

  /// Mean leaf value over the trees.
  public func predict(_ features: [[Double]]) throws -> [Double] {
    guard width > 0 else { throw ModelError.notFitted }
    try _validateRows(features, width: width, model: "random forest regressor")
    let scale = 1 / Double(fitted.count)
    return features.map { row in
      var s = 0.0
      for tree in fitted { s += tree.predict(row) }
      return s * scale
    }
  }
}
