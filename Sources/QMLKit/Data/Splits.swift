import QuantumSim

// Stratified train/test splits and stratified k-fold, every random choice drawn from a seed.

/// A stratified random train/test split: each class contributes to the test part in
/// proportion to its size, like scikit-learn's `train_test_split(..., stratify=y)`.
///
/// The test size is `ceil(testFraction * count)` (scikit-learn's rounding), shared out
/// over classes by largest remainder; every class keeps at least one training sample and,
/// when it has two or more samples, at least one test sample. Both parts come out in a
/// seeded random order.
/// - Precondition: `0 < testFraction < 1` and at least two samples.
public func stratifiedSplit(_ data: Dataset, testFraction: Double, seed: UInt64) -> DataSplit {
  precondition(testFraction > 0 && testFraction < 1, "testFraction must lie in (0, 1)")
  precondition(data.count >= 2, "a split needs at least two samples")
  let (train, test) = stratifiedSplitIndices(labels: data.labels, testFraction: testFraction, seed: seed)
  return DataSplit(train: data.subset(train), test: data.subset(test))
}

/// The train and test row indices of `stratifiedSplit`, each in a seeded random order.
public func stratifiedSplitIndices(labels: [Int], testFraction: Double, seed: UInt64) -> (train: [Int], test: [Int]) {
  var rng = SeededGenerator(seed: seed)
  let n = labels.count
  let classes = Array(Set(labels)).sorted()
  var members: [Int: [Int]] = [:]
  for (i, y) in labels.enumerated() { members[y, default: []].append(i) }
  let nTest = min(n - 1, max(1, Int((testFraction * Double(n)).rounded(.up))))
  // Largest-remainder allocation of nTest over classes.
  let quota = classes.map { Double(members[$0]!.count) * Double(nTest) / Double(n) }
  var take = quota.map { Int($0.rounded(.down)) }
  var left = nTest - take.reduce(0, +)
  let order = classes.indices.sorted { (quota[$0] - Double(take[$0]), -$0) > (quota[$1] - Double(take[$1]), -$1) }
  for k in order where left > 0 { take[k] += 1; left -= 1 }
  for (k, c) in classes.enumerated() {
    let size = members[c]!.count
    if size >= 2 { take[k] = min(max(take[k], 1), size - 1) } else { take[k] = 0 }
  }
  var train: [Int] = []
  var test: [Int] = []
  for (k, c) in classes.enumerated() {
    var idx = members[c]!
    idx.shuffle(using: &rng)
    test += idx[0..<take[k]]
    train += idx[take[k]...]
  }
  train.shuffle(using: &rng)
  test.shuffle(using: &rng)
  return (train, test)
}

/// Stratified k-fold cross-validation folds with shuffling, as scikit-learn's
/// `StratifiedKFold(n_splits, shuffle=True)` builds them.
///
/// Labels are sorted and dealt round-robin to the folds, which fixes how many samples of
/// each class go to each fold (fold sizes differ by at most one, and so do per-class
/// counts); the fold assignment within each class is then shuffled with the seed. Classes
/// with fewer members than folds are allowed (some folds then miss that class), as in
/// scikit-learn (which warns).
public struct StratifiedKFold: Sendable, Equatable {
  /// Number of folds (at least 2).
  public let folds: Int
  /// Seed of the within-class shuffle.
  public let seed: UInt64

  /// Creates the splitter. - Precondition: `folds >= 2`.
  public init(folds: Int, seed: UInt64) {
    precondition(folds >= 2, "StratifiedKFold needs at least 2 folds")
    self.folds = folds
    self.seed = seed
  }

  /// The fold index (in `0..<folds`) of every sample.
  public func foldAssignment(labels: [Int]) -> [Int] {
    var rng = SeededGenerator(seed: seed)
    // Classes in order of first appearance, as scikit-learn encodes them.
    var code: [Int: Int] = [:]
    var encoded = [Int](repeating: 0, count: labels.count)
    for (i, y) in labels.enumerated() {
      if code[y] == nil { code[y] = code.count }
      encoded[i] = code[y]!
    }
    let classCount = code.count
    let sorted = encoded.sorted()
    // allocation[f][k]: samples of class k in fold f (round-robin over the sorted labels).
    var allocation = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: folds)
    for (i, k) in sorted.enumerated() { allocation[i % folds][k] += 1 }
    var assignment = [Int](repeating: 0, count: labels.count)
    for k in 0..<classCount {
      var foldsForClass: [Int] = []
      for f in 0..<folds { foldsForClass += [Int](repeating: f, count: allocation[f][k]) }
      foldsForClass.shuffle(using: &rng)
      var j = 0
      for i in encoded.indices where encoded[i] == k {
        assignment[i] = foldsForClass[j]
        j += 1
      }
    }
    return assignment
  }

  /// The `(train, test)` index lists of each fold, indices ascending.
  /// - Precondition: at least `folds` samples.
  public func splits(labels: [Int]) -> [(train: [Int], test: [Int])] {
    precondition(labels.count >= folds, "StratifiedKFold: \(labels.count) samples for \(folds) folds")
    let assignment = foldAssignment(labels: labels)
    return (0..<folds).map { f in
      var train: [Int] = []
      var test: [Int] = []
      for (i, a) in assignment.enumerated() {
        if a == f { test.append(i) } else { train.append(i) }
      }
      return (train, test)
    }
  }
}
