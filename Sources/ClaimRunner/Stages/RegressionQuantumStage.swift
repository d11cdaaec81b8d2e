import ClaimSpec
import Foundation
import QMLKit

/// Runs one quantum model of a regression claim on one simulated backend: `kernel` and
/// `projected_kernel` as quantum kernel ridge regression (`KernelRegressionStage`), `variational`
/// as a variational regressor (`VariationalRegressionStage`), failures reported, not thrown.
enum RegressionQuantumStage {
  static func run(
    model: ModelPlan.Model, backend: ModelPlan.Backend, split: DataSplit, metric: RegressionMetric, seed: Int, keepKernel: Bool,
    iteration: (@Sendable (String, Int, Int) -> Void)? = nil
  ) -> QuantumOutcome {
    let start = Date()
    do {
      switch model.spec.kind {
      case .kernel, .projectedKernel:
        let candidates = KernelModelStage.candidates(model, backend: backend, seed: seed)
        let (o, f) = try KernelRegressionStage.run(candidates: candidates, alphaGrid: model.spec.ridgeAlpha, split: split, metric: metric, seed: seed)
        var chosen = ["alpha": fmtParam(f.chosenAlpha)]
        for (k, v) in o.chosenEncoding { chosen["encoding_\(k)"] = v }
        // One readout calibration per seed (the kernels of a seed share it), billed as in a classification claim.
        let calibration = backend.mitigation.calibrationCircuits
        var out = QuantumOutcome(
          test: o.test, failure: nil, chosen: chosen, executions: o.executions + calibration,
          shots: o.shots + calibration * (backend.backend.shotsPerCircuit ?? 0),
          seconds: Date().timeIntervalSince(start), loss: [], accuracy: [], kernel: keepKernel ? o.trainKernel : nil, warnings: o.warnings)
        out.configurations = o.configurations
        out.folds = o.folds
        out.predictions = f.predictions
        return out
      case .variational:
        let id = model.spec.id
        let (o, predictions) = try VariationalRegressionStage.run(
          model: model, backend: backend, split: split, metric: metric, seed: seed,
          onIteration: iteration.map { report in { @Sendable it, total in report(id, it, total) } })
        var chosen: [String: String] = [:]
        if let lr = o.chosenLearningRate { chosen["learning_rate"] = fmtParam(lr) }
        if let layers = o.chosenLayers { chosen["layers"] = String(layers) }
        var out = QuantumOutcome(
          test: o.test, failure: nil, chosen: chosen, executions: o.executions, shots: o.shots,
          seconds: Date().timeIntervalSince(start), loss: o.loss, accuracy: o.accuracy, kernel: nil, warnings: o.warnings)
        out.configurations = o.configurations
        out.folds = o.folds
        out.converged = o.converged
        out.predictions = predictions
        return out
      case .hybrid, .reuploading:
        // Lint refuses these kinds in a regression claim (ClaimParser+Task); reported, never run.
        return QuantumOutcome(
          test: nil, failure: "kind \(model.spec.kind.rawValue) is a classifier and cannot fit a regression target", chosen: [:],
          executions: 0, shots: 0, seconds: 0, loss: [], accuracy: [], kernel: nil, warnings: [])
      }
    } catch {
      return QuantumOutcome(
        test: nil, failure: "\(error)", chosen: [:], executions: 0, shots: 0,
        seconds: Date().timeIntervalSince(start), loss: [], accuracy: [], kernel: nil, warnings: [])
    }
  }
}
