import Foundation
import QuantumSim

/// A random forest of CART trees, as scikit-learn's `RandomForestClassifier`: each tree
/// grows on a bootstrap sample (as per-sample weights), splits by weighted Gini impurity
/// over sqrt(n_features) random candidate features per node, and the forest's scores are
/// the mean of the trees' leaf class distributions.
///
/// Tree t draws from `SeededGenerator(seed: seed ^ mix(t))`, so the forest is the same for
/// any thread count; trees grow in parallel.
public struct RandomForest: Classifier {
  /// Number of trees.
  public var trees: Int
  /// Maximum depth (nil = grow until leaves are pure).
  public var maxDepth: Int?
  /// Seed of bootstrap and feature draws.
  public var seed: UInt64
  private var fitted: [_DecisionTree] = []
  private var width = 0
  private var classCount = 0

  /// A forest of `trees` trees.
  public init(trees: Int = 100, maxDepth: Int? = nil, seed: UInt64 = 0) {
    self.trees = trees
    self.maxDepth = maxDepth
    self.seed = seed
  }

  /// Grows the trees.
  ///
  /// - Throws: `ModelError.invalidHyperparameter` (trees < 1, maxDepth < 1),
  ///   `ModelError.invalidData` (rows, labels).
  public mutating func fit(features: [[Double]], labels: [Int], classCount: Int) throws {
    try _validateTraining(features: features, labels: labels, classCount: classCount, model: "random forest")
    guard trees >= 1 else { throw ModelError.invalidHyperparameter("random forest needs >= 1 tree, got \(trees)") }
    if let m = maxDepth, m < 1 { throw ModelError.invalidHyperparameter("random forest max_depth must be >= 1, got \(m)") }
    let d = features[0].count
    let n = features.count
    let x = features.flatMap { $0 }
    let maxFeatures = max(1, Int(Double(d).squareRoot()))
    let depth = maxDepth, seed = self.seed
    let grown = Parallel.map(trees, workers: Parallel.processorCount) { t in
      var rng = SeededGenerator(seed: seed ^ (UInt64(t) &+ 1) &* 0x9E37_79B9_7F4A_7C15)
      var weights = [Double](repeating: 0, count: n)
      for _ in 0..<n { weights[Int(rng.next() % UInt64(n))] += 1 }
      let tree = _DecisionTree(x: x, width: d, labels: labels, weights: weights, classCount: classCount,
                               maxDepth: depth, maxFeatures: maxFeatures, rng: &rng)
      return tree
    }
    fitted = try grown.map { try $0.get() }
    width = d
    self.classCount = classCount
  }

  /// Mean leaf class distribution over the trees.
  public func scores(_ features: [[Double]]) throws -> [[Double]] {
    guard classCount > 0 else { throw ModelError.notFitted }
    try _validateRows(features, width: width, model: "random forest")
    let scale = 1 / Double(fitted.count)
    return features.map { row in
      var out = [Double](repeating: 0, count: classCount)
      for tree in fitted { tree.accumulate(row, into: &out) }
      return out.map { $0 * scale }
    }
  }
}
