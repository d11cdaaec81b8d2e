import ClaimSpec
import Foundation
import QMLKit

/// Fits quantum kernel ridge regression on one split and backend (a regression claim's `kernel`
/// and `projected_kernel` models): the train kernel is computed once per encoding candidate, the
/// ridge penalty (and the encoding's alpha/reps) chosen by the mean k-fold CV squared error over
/// submatrices of it (training split only), and the refit model scored on the test-train kernel.
/// Targets are standardized on each training part (kernel ridge has no intercept). A train kernel
/// that shot or device noise made indefinite is projected onto the positive semidefinite cone
/// first (`PSDProjection`; its submatrices, the folds' kernels, are then PSD too), with a warning.
enum KernelRegressionStage {
  /// The part after the kernels: test score, predictions and the chosen penalty.
  struct Fit: Sendable {
    var test: Double
    var chosenAlpha: Double
    var predictions: [Double]
    var warnings: [String] = []
  }

  /// The train kernel made positive semidefinite, with a warning when that changed it.
  static func projected(_ K: Matrix) -> (Matrix, [String]) {
    let (P, smallest) = PSDProjection.project(K)
    guard smallest < 0, P != K else { return (K, []) }
    return (P, ["the training kernel was not positive semidefinite (smallest eigenvalue \(String(format: "%.3g", smallest)), "
      + "shot or device noise): its negative eigenvalues were clipped to 0 before kernel ridge"])
  }

  /// Tunes encoding candidates and `alphaGrid` together, as `KernelModelStage.run` does for C.
  static func run(
    candidates: [KernelModelStage.Candidate], alphaGrid: [Double], split: DataSplit, metric: RegressionMetric, seed: Int
  ) throws -> (outcome: KernelModelStage.Outcome, fit: Fit) {
    precondition(!candidates.isEmpty, "at least one kernel")
    let grid = alphaGrid.isEmpty ? [1] : alphaGrid
    var best: (index: Int, alpha: Double, error: Double, K: Matrix, warnings: [String])?
    var executions = 0, shots = 0
    for (i, cand) in candidates.enumerated() {
      let before = (cand.kernel.counter.circuitExecutions, cand.kernel.counter.totalShots)
      let (K, warnings) = projected(try cand.kernel.trainMatrix(split.train.features))
      executions += cand.kernel.counter.circuitExecutions - before.0
      shots += cand.kernel.counter.totalShots - before.1
      if candidates.count == 1 { best = (0, grid[0], 0, K, warnings); break }
      let t = try tune(train: K, alphaGrid: grid, split: split, seed: seed)
      if best == nil || t.error < best!.error { best = (i, t.alpha, t.error, K, warnings) }
    }
    let chosen = candidates[best!.index]
    let before = (chosen.kernel.counter.circuitExecutions, chosen.kernel.counter.totalShots)
    let Kt = try chosen.kernel.crossMatrix(split.test.features, split.train.features)
    executions += chosen.kernel.counter.circuitExecutions - before.0
    shots += chosen.kernel.counter.totalShots - before.1
    var f = try fit(train: best!.K, test: Kt, alphaGrid: candidates.count > 1 ? [best!.alpha] : grid, split: split, metric: metric, seed: seed)
    f.warnings = best!.warnings
    let tuned = candidates.count > 1 || grid.count > 1
    let outcome = KernelModelStage.Outcome(
      test: f.test, chosenC: f.chosenAlpha, chosenEncoding: candidates.count > 1 ? chosen.label : [:], trainKernel: best!.K,
      executions: executions, shots: shots, configurations: candidates.count * grid.count,
      folds: tuned ? foldCount(split.train.count) : 0, warnings: f.warnings)
    return (outcome, f)
  }

  /// Folds of every regression cross-validation on `n` training rows.
  static func foldCount(_ n: Int) -> Int { max(2, min(BaselineStage.folds, n)) }

  /// The penalty of `alphaGrid` with the lowest mean k-fold CV squared error on the train kernel.
  static func tune(train K: Matrix, alphaGrid: [Double], split: DataSplit, seed: Int) throws -> (alpha: Double, error: Double) {
    guard let y = split.train.targets else { throw ModelError.invalidData("regression data has no targets") }
    let folds = RegressionGridSearch.kFold(count: y.count, folds: foldCount(y.count), seed: UInt64(bitPattern: Int64(seed)))
    var best = (alpha: alphaGrid.first ?? 1, error: Double.infinity)
    for a in alphaGrid {
      var errors: [Double] = []
      for f in folds {
        let p = try ridge(K.submatrix(rows: f.train, columns: f.train), f.train.map { y[$0] }, alpha: a,
                          test: K.submatrix(rows: f.test, columns: f.train))
        let e = rootMeanSquaredError(targets: f.test.map { y[$0] }, predictions: p)
        errors.append(e * e)
      }
      let m = mean(errors)
      if m.isFinite && m < best.error { best = (a, m) }
    }
    return best
  }

  /// Kernel ridge on standardized targets, predictions in the target's units.
  static func ridge(_ K: Matrix, _ y: [Double], alpha: Double, test Kt: Matrix) throws -> [Double] {
    let (mu, sd) = ScaledRegressor.standardization(y)
    var solver = KernelRidge(alpha: alpha)
    try solver.fit(kernel: K, targets: y.map { ($0 - mu) / sd })
    return try solver.predict(kernel: Kt).map { $0 * sd + mu }
  }

  /// Tunes the penalty by k-fold CV on the train kernel `K` and scores the refit model on the
  /// test-train kernel `Kt`; the folds depend only on the training size and `seed`, so simulated
  /// and imported kernels are tuned alike.
  static func fit(train raw: Matrix, test Kt: Matrix, alphaGrid: [Double], split: DataSplit, metric: RegressionMetric, seed: Int) throws -> Fit {
    let (K, warnings) = projected(raw)
    guard let y = split.train.targets, let yTest = split.test.targets else { throw ModelError.invalidData("regression data has no targets") }
    var alpha = alphaGrid.first ?? 1
    if alphaGrid.count > 1 { alpha = try tune(train: K, alphaGrid: alphaGrid, split: split, seed: seed).alpha }
    let p = try ridge(K, y, alpha: alpha, test: Kt)
    return Fit(test: metric.score(targets: yTest, predictions: p), chosenAlpha: alpha, predictions: p, warnings: warnings)
  }
}
