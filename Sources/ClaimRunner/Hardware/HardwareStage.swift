import ClaimSpec
import Foundation
import QMLKit

/// Scores a quantum model on a `hardware:` backend from its imported kernel matrices: the same
/// C tuning and test scoring as a simulated kernel (`KernelModelStage.fit`), or in a regression
/// claim the same ridge tuning (`KernelRegressionStage.fit`).
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
    guard model.spec.kind == .kernel else {
      return failed("hardware backend '\(kernels.backend)' scores fidelity kernel models only; \(model.spec.id) is \(model.spec.kind.rawValue)")
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
}
