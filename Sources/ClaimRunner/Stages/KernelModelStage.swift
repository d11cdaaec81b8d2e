import ClaimSpec
import Foundation
import QMLKit

/// Fits a quantum-kernel SVM on one split and backend: the train kernel is computed once,
/// C is chosen by stratified k-fold cross-validation over submatrices of it (training split
/// only), and the refit model is scored on the test-train kernel.
enum KernelModelStage {
  /// The outcome of one kernel model on one seed and backend.
  struct Outcome: Sendable {
    var test: Double
    var chosenC: Double
    var trainKernel: Matrix
    var executions: Int
    var shots: Int
    var warnings: [String]
  }

  /// The outcome of the SVM part alone: test score, chosen C and warnings.
  struct Fit: Sendable {
    var test: Double
    var chosenC: Double
    var warnings: [String]
  }

  static func run(
    kernel: QuantumKernel, cGrid: [Double], split: DataSplit, metric: Metric, seed: Int
  ) throws -> Outcome {
    let K = try kernel.trainMatrix(split.train.features)
    let Kt = try kernel.crossMatrix(split.test.features, split.train.features)
    let f = try fit(train: K, test: Kt, cGrid: cGrid, split: split, metric: metric, seed: seed)
    return Outcome(
      test: f.test, chosenC: f.chosenC, trainKernel: K, executions: kernel.counter.circuitExecutions,
      shots: kernel.counter.totalShots, warnings: f.warnings)
  }

  /// Tunes C by stratified k-fold CV on the precomputed train kernel `K` (train x train) and
  /// scores the refit SVM on the test-train kernel `Kt` (test x train); the folds depend only
  /// on the training labels and `seed`, so simulated and imported kernels are tuned alike.
  static func fit(
    train K: Matrix, test Kt: Matrix, cGrid: [Double], split: DataSplit, metric: Metric, seed: Int
  ) throws -> Fit {
    let labels = split.train.labels
    let classes = split.train.classCount
    var warnings: [String] = []
    var bestC = cGrid.first ?? 1, bestScore = -Double.infinity
    if cGrid.count > 1 {
      let folds = StratifiedKFold(
        folds: min(BaselineStage.folds, BaselineStage.smallestClass(labels)),
        seed: UInt64(bitPattern: Int64(seed))
      ).splits(labels: labels)
      for c in cGrid {
        var scores: [Double] = []
        for f in folds {
          var svm = KernelSVM(C: c)
          try svm.fit(kernel: K.submatrix(rows: f.train, columns: f.train), labels: f.train.map { labels[$0] })
          let s = classScores(svm, K.submatrix(rows: f.test, columns: f.train))
          scores.append(metric.score(labels: f.test.map { labels[$0] }, scores: s, classCount: classes))
        }
        let m = signedScore(mean(scores), metric)
        if m > bestScore { bestScore = m; bestC = c }
      }
    }
    var svm = KernelSVM(C: bestC)
    try svm.fit(kernel: K, labels: labels)
    if !svm.converged { warnings.append("SVM (C=\(bestC)) did not converge within its iteration limit") }
    let test = metric.score(labels: split.test.labels, scores: classScores(svm, Kt), classCount: classes)
    return Fit(test: test, chosenC: bestC, warnings: warnings)
  }

  /// Per-class scores from SVM decision values (binary: [-d, d], so class 1 scores d).
  static func classScores(_ svm: KernelSVM, _ kernel: Matrix) -> [[Double]] {
    let d = svm.decisionFunction(kernel: kernel)
    if svm.classCount == 2 { return d.map { [-$0[0], $0[0]] } }
    return d
  }

  /// A score where higher is better whatever the metric.
  static func signedScore(_ x: Double, _ metric: Metric) -> Double { metric.higherIsBetter ? x : -x }
}
