import Foundation

// Classification metrics with scikit-learn's definitions (checked against scikit-learn 1.9.1
// in Tests/QMLKitTests/Fixtures/metrics.json).

/// Fraction of samples whose prediction equals the label (`NaN` for no samples).
public func accuracy(labels: [Int], predictions: [Int]) -> Double {
  precondition(labels.count == predictions.count, "one prediction per label")
  guard !labels.isEmpty else { return .nan }
  var hits = 0
  for i in labels.indices where labels[i] == predictions[i] { hits += 1 }
  return Double(hits) / Double(labels.count)
}

/// Mean per-class recall over the classes present in `labels`, as scikit-learn's
/// `balanced_accuracy_score` (`NaN` for no samples).
public func balancedAccuracy(labels: [Int], predictions: [Int]) -> Double {
  precondition(labels.count == predictions.count, "one prediction per label")
  guard !labels.isEmpty else { return .nan }
  var total: [Int: Int] = [:]
  var hit: [Int: Int] = [:]
  for i in labels.indices {
    total[labels[i], default: 0] += 1
    if labels[i] == predictions[i] { hit[labels[i], default: 0] += 1 }
  }
  // Summed in class order: a dictionary's order differs between processes, and so would the
  // last bits of the sum.
  let recalls = total.keys.sorted().map { Double(hit[$0] ?? 0) / Double(total[$0] ?? 1) }
  return recalls.reduce(0, +) / Double(recalls.count)
}

/// Unweighted mean of per-class F1 = 2TP / (2TP + FP + FN) over the classes that occur in
/// `labels` or `predictions`, as scikit-learn's `f1_score(average="macro")` (a class with
/// no true or predicted samples is skipped; `NaN` for no samples).
public func f1Macro(labels: [Int], predictions: [Int]) -> Double {
  precondition(labels.count == predictions.count, "one prediction per label")
  guard !labels.isEmpty else { return .nan }
  let classes = Set(labels).union(predictions).sorted()  // summed in class order, the same in every process
  var sum = 0.0
  for c in classes {
    var tp = 0, fp = 0, fn = 0
    for i in labels.indices {
      let t = labels[i] == c, p = predictions[i] == c
      if t && p { tp += 1 } else if p { fp += 1 } else if t { fn += 1 }
    }
    let denominator = 2 * tp + fp + fn
    sum += denominator == 0 ? 0 : Double(2 * tp) / Double(denominator)
  }
  return sum / Double(classes.count)
}

/// Area under the ROC curve of binary labels (1 = positive, anything else negative) ranked
/// by `scores`, via the Mann-Whitney U statistic with average ranks for ties (equal to
/// scikit-learn's trapezoidal `roc_auc_score`).
///
/// Returns `NaN` when only one class is present (scikit-learn raises there).
/// - Complexity: O(n log n).
public func rocAUC(labels: [Int], scores: [Double]) -> Double {
  precondition(labels.count == scores.count, "one score per label")
  let n = labels.count
  var positives = 0
  for y in labels where y == 1 { positives += 1 }
  let negatives = n - positives
  guard positives > 0, negatives > 0 else { return .nan }
  let order = scores.indices.sorted { scores[$0] < scores[$1] }
  var rankSum = 0.0
  var i = 0
  while i < n {
    var j = i
    while j + 1 < n && scores[order[j + 1]] == scores[order[i]] { j += 1 }
    let averageRank = Double(i + j) / 2 + 1
    for k in i...j where labels[order[k]] == 1 { rankSum += averageRank }
    i = j + 1
  }
  let p = Double(positives)
  return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
}

/// Macro one-vs-rest ROC AUC over the classes present in `labels` (scikit-learn's
/// `roc_auc_score(multi_class="ovr", average="macro")`): class k's column of `scores`
/// ranks "k" against "not k". Classes with no samples are skipped.
public func rocAUCOneVsRest(labels: [Int], scores: [[Double]]) -> Double {
  precondition(labels.count == scores.count, "one score row per label")
  let classes = Set(labels).sorted()
  guard classes.count >= 2 else { return .nan }
  var sum = 0.0
  for c in classes {
    sum += rocAUC(labels: labels.map { $0 == c ? 1 : 0 }, scores: scores.map { $0[c] })
  }
  return sum / Double(classes.count)
}

/// Mean negative log-likelihood of the true class, as scikit-learn's `log_loss`:
/// each row is divided by its sum and probabilities are clipped to
/// `[ε, 1 − ε]` with ε = `Double.ulpOfOne` (scikit-learn ≥ 1.5).
/// - Precondition: rows are non-negative with a positive sum, labels index into them.
public func logLoss(labels: [Int], probabilities: [[Double]]) -> Double {
  precondition(labels.count == probabilities.count, "one probability row per label")
  guard !labels.isEmpty else { return .nan }
  let eps = Double.ulpOfOne
  var total = 0.0
  for (i, row) in probabilities.enumerated() {
    let s = row.reduce(0, +)
    let p = min(max(row[labels[i]] / s, eps), 1 - eps)
    total -= Foundation.log(p)
  }
  return total / Double(labels.count)
}

/// Counts `m[t][p]` of samples with true class t predicted as p (rows: truth, columns:
/// prediction, as scikit-learn). Labels outside `0..<classCount` are a precondition failure.
public func confusionMatrix(labels: [Int], predictions: [Int], classCount: Int) -> [[Int]] {
  precondition(labels.count == predictions.count, "one prediction per label")
  var m = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: classCount)
  for i in labels.indices {
    precondition((0..<classCount).contains(labels[i]) && (0..<classCount).contains(predictions[i]),
                 "class index out of range")
    m[labels[i]][predictions[i]] += 1
  }
  return m
}

/// The class with the highest score in each row (ties go to the lowest index, as
/// `Classifier.predict` and numpy's argmax).
public func argmaxPredictions(_ scores: [[Double]]) -> [Int] {
  scores.map { row in
    var best = 0
    for k in row.indices where row[k] > row[best] { best = k }
    return best
  }
}

/// Rows as probabilities: rows that are non-negative and sum to 1 (within 1e-6) are kept,
/// any other row is passed through a softmax (so decision values become a distribution
/// with the same argmax).
public func probabilityRows(_ scores: [[Double]]) -> [[Double]] {
  scores.map { row in
    let s = row.reduce(0, +)
    if row.allSatisfy({ $0 >= 0 }) && abs(s - 1) <= 1e-6 { return row }
    let m = row.max() ?? 0
    let e = row.map { Foundation.exp($0 - m) }
    let z = e.reduce(0, +)
    return e.map { $0 / z }
  }
}
