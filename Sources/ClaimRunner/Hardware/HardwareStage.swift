import ClaimSpec
import Foundation
import QMLKit

/// Scores a quantum model on a `hardware:` backend from its imported kernel matrices: the same
/// C tuning and test scoring as a simulated kernel (`KernelModelStage.fit`), or in a regression
/// claim the same ridge tuning (`KernelRegressionStage.fit`); a trained model (trained on the
/// simulator) from its imported test outputs, scored by the claim metric.
enum HardwareStage {
  static func run(
    model: ModelPlan.Model, kernels: HardwareKernels, split: DataSplit, metric: Metric, seed: Int, keepKernel: Bool
  ) -> QuantumOutcome {
    let start = Date()
    func failed(_ why: String) -> QuantumOutcome {
      QuantumOutcome(
        test: nil, failure: why, chosen: [:], executions: 0, shots: 0, seconds: Date().timeIntervalSince(start),
        loss: [], accuracy: [], kernel: nil, warnings: [])
    }
    if let e = kernels.inferred(model: model.spec.id, seed: seed) {
      do {
        let s = try score(e, split: split, metric: metric)
        var out = QuantumOutcome(
          test: s.test, failure: nil, chosen: ["trained_on": "\(e.trainedOn) (simulator)"], executions: e.executions, shots: e.shots,
          seconds: Date().timeIntervalSince(start), loss: [], accuracy: [], kernel: nil, warnings: [])
        out.predictions = s.predictions
        return out
      } catch {
        return failed("\(error)")
      }
    }
    guard model.spec.kind == .kernel else {
      let what = model.spec.kind.isTrained
        ? "no imported inference counts for model \(model.spec.id), seed \(seed) (export the circuits again and import their counts)"
        : "\(model.spec.id) is \(model.spec.kind.rawValue)"
      return failed("hardware backend '\(kernels.backend)' scores fidelity kernels and trained models' inference circuits; \(what)")
    }
    guard let e = kernels.entry(model: model.spec.id, seed: seed) else {
      return failed("no imported kernel for model \(model.spec.id), seed \(seed) on '\(kernels.backend)'")
    }
    let n = split.train.count, m = split.test.count
    guard e.train.rows == n, e.train.columns == n, e.test.rows == m, e.test.columns == n else {
      return failed("imported kernels of \(model.spec.id), seed \(seed) do not match the split (\(n) train, \(m) test)")
    }
    do {
      if let regression = metric.regression {
        let f = try KernelRegressionStage.fit(
          train: e.train, test: e.test, alphaGrid: model.spec.ridgeAlpha, split: split, metric: regression, seed: seed)
        var out = QuantumOutcome(
          test: f.test, failure: nil, chosen: ["alpha": fmtParam(f.chosenAlpha)], executions: e.executions, shots: e.shots,
          seconds: Date().timeIntervalSince(start), loss: [], accuracy: [], kernel: keepKernel ? e.train : nil, warnings: f.warnings)
        out.predictions = f.predictions
        return out
      }
      let f = try KernelModelStage.fit(train: e.train, test: e.test, cGrid: model.spec.svmC, split: split, metric: metric, seed: seed)
      return QuantumOutcome(
        test: f.test, failure: nil, chosen: ["C": fmtParam(f.chosenC)], executions: e.executions, shots: e.shots,
        seconds: Date().timeIntervalSince(start), loss: [], accuracy: [], kernel: keepKernel ? e.train : nil,
        warnings: f.warnings)
    } catch {
      return failed("\(error)")
    }
  }

  /// The test score of a trained model's imported outputs: the classifier's class scores scored
  /// by the claim metric, or a regressor's predictions (returned too).
  /// - Throws: `ModelError.invalidData` when the outputs do not match the split.
  static func score(_ e: HardwareKernels.Inferred, split: DataSplit, metric: Metric) throws -> (test: Double, predictions: [Double]?) {
    let m = split.test.count
    guard e.outputs.rows == m else {
      throw ModelError.invalidData("imported outputs of \(e.model), seed \(e.seed) do not match the split (\(m) test rows, \(e.outputs.rows) imported)")
    }
    let rows = e.outputs.nested
    guard rows.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
      throw ModelError.invalidData("imported outputs of \(e.model), seed \(e.seed) are not finite")
    }
    if let regression = metric.regression {
      guard let y = split.test.targets, e.outputs.columns == 1 else { throw ModelError.invalidData("regression outputs need one column and targets") }
      let p = rows.map { $0[0] }
      return (regression.score(targets: y, predictions: p), p)
    }
    let k = split.train.classCount
    guard e.outputs.columns == k else {
      throw ModelError.invalidData("imported outputs of \(e.model), seed \(e.seed) have \(e.outputs.columns) columns for \(k) classes")
    }
    return (metric.score(labels: split.test.labels, scores: rows, classCount: k), nil)
  }
}
