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
    /// The chosen encoding hyperparameters (`alpha`, `reps`) when they were tuned (empty otherwise).
    var chosenEncoding: [String: String] = [:]
    var trainKernel: Matrix
    var executions: Int
    var shots: Int
    /// Configurations compared by cross-validation (C values x alphas; 1 when nothing was tuned).
    var configurations: Int
    /// Folds of that cross-validation (0 when nothing was tuned).
    var folds: Int
    var warnings: [String]
  }

  /// The outcome of the SVM part alone: test score, chosen C and warnings.
  struct Fit: Sendable {
    var test: Double
    var chosenC: Double
    var warnings: [String]
  }

  /// One kernel to try: the encoding hyperparameters it was built with and the kernel itself.
  struct Candidate: Sendable {
    var label: [String: String]
    var kernel: QuantumKernel
  }

  /// The kernels a kernel or projected-kernel model tries on one backend and seed, one per
  /// encoding candidate, with the backend's mitigation and diagonal setting; classification and
  /// regression use the same ones.
  static func candidates(_ model: ModelPlan.Model, backend: ModelPlan.Backend, seed: Int) -> [Candidate] {
    let kind: KernelKind = model.spec.kind == .kernel ? .fidelity : .projected(gamma: model.spec.gamma.first ?? 1)
    let s = UInt64(bitPattern: Int64(seed))
    return model.candidates.indices.map { i in
      var kernel = QuantumKernel(encoding: model.candidates[i].encoding, kind: kind, backend: backend.backend, seed: s &* 7919 &+ 17)
      kernel.mitigation = backend.mitigation
      kernel.measureDiagonal = backend.spec.measureDiagonal
      return Candidate(label: model.label(i), kernel: kernel)
    }
  }

  /// Runs one kernel (no bandwidth tuning).
  static func run(
    kernel: QuantumKernel, cGrid: [Double], split: DataSplit, metric: Metric, seed: Int
  ) throws -> Outcome {
    try run(candidates: [Candidate(label: [:], kernel: kernel)], cGrid: cGrid, split: split, metric: metric, seed: seed)
  }

  /// Tunes the bandwidth and C together: every candidate's train kernel is computed (and its
  /// circuits counted: a device would run them too), (alpha, C) is chosen by the mean stratified
  /// k-fold CV score on the training split, and only the chosen kernel's test-train matrix is computed.
  static func run(
    candidates: [Candidate], cGrid: [Double], split: DataSplit, metric: Metric, seed: Int
  ) throws -> Outcome {
    precondition(!candidates.isEmpty, "at least one kernel")
    var best: (index: Int, c: Double, score: Double, K: Matrix)?
    var executions = 0, shots = 0
    for (i, cand) in candidates.enumerated() {
      let before = (cand.kernel.counter.circuitExecutions, cand.kernel.counter.totalShots)
      let K = try cand.kernel.trainMatrix(split.train.features)
      executions += cand.kernel.counter.circuitExecutions - before.0
      shots += cand.kernel.counter.totalShots - before.1
      if candidates.count == 1 {
        best = (0, cGrid.first ?? 1, 0, K)
        break
      }
      let t = try tune(train: K, cGrid: cGrid, split: split, metric: metric, seed: seed)
      if best == nil || t.score > best!.score { best = (i, t.c, t.score, K) }
    }
    let chosen = candidates[best!.index]
    let before = (chosen.kernel.counter.circuitExecutions, chosen.kernel.counter.totalShots)
    let Kt = try chosen.kernel.crossMatrix(split.test.features, split.train.features)
    executions += chosen.kernel.counter.circuitExecutions - before.0
    shots += chosen.kernel.counter.totalShots - before.1
    let f = try fit(train: best!.K, test: Kt, cGrid: candidates.count > 1 ? [best!.c] : cGrid, split: split, metric: metric, seed: seed)
    let tuned = candidates.count > 1 || cGrid.count > 1
    return Outcome(
      test: f.test, chosenC: f.chosenC, chosenEncoding: candidates.count > 1 ? chosen.label : [:], trainKernel: best!.K,
      executions: executions, shots: shots, configurations: candidates.count * max(1, cGrid.count),
      folds: tuned ? foldCount(split.train.labels) : 0, warnings: f.warnings)
  }

  /// Folds of every kernel cross-validation on these training labels.
  static func foldCount(_ labels: [Int]) -> Int { min(BaselineStage.folds, BaselineStage.smallestClass(labels)) }

  /// The C of `cGrid` with the best mean stratified k-fold CV score on the train kernel `K`, and that score
  /// (higher is better whatever the metric).
  static func tune(train K: Matrix, cGrid: [Double], split: DataSplit, metric: Metric, seed: Int) throws -> (c: Double, score: Double) {
    let labels = split.train.labels
    let classes = split.train.classCount
    let folds = StratifiedKFold(folds: foldCount(labels), seed: UInt64(bitPattern: Int64(seed))).splits(labels: labels)
    var bestC = cGrid.first ?? 1, bestScore = -Double.infinity
    for c in cGrid.isEmpty ? [1] : cGrid {
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
    return (bestC, bestScore)
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
    var bestC = cGrid.first ?? 1
    if cGrid.count > 1 { bestC = try tune(train: K, cGrid: cGrid, split: split, metric: metric, seed: seed).c }
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
