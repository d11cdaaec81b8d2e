import ClaimSpec
import Foundation
import QMLKit

/// Runs one seed: split and preprocess, tune and test every baseline, train and test every
/// quantum model on every backend.
enum SeedStage {
  static func run(
    claim: Claim, plan: ModelPlan, data: DataStage, metric: Metric, seed: Int,
    iteration: (@Sendable (String, Int, Int) -> Void)? = nil
  ) throws -> SeedOutcome {
    let (split, steps) = try data.split(seed: seed)
    let baselines = try self.baselines(claim: claim, plan: plan, split: split, metric: metric, seed: seed)
    var byBackend: [String: [String: QuantumOutcome]] = [:]
    for (i, backend) in plan.backends.enumerated() {
      byBackend[backend.spec.id] = self.backend(
        backend, first: i == 0, claim: claim, plan: plan, split: split, metric: metric, seed: seed, iteration: iteration)
    }
    return outcome(
      claim: claim, plan: plan, seed: seed, split: split, steps: steps, baselines: baselines, byBackend: byBackend)
  }

  /// Every baseline of the claim tuned and tested on one seed's split, in spec order.
  static func baselines(claim: Claim, plan: ModelPlan, split: DataSplit, metric: Metric, seed: Int) throws -> [BaselineOutcome] {
    try claim.baselines.map {
      try BaselineStage.run($0, split: split, metric: metric, seed: seed, source: plan.spectrumSource(for: $0))
    }
  }

  /// Every quantum model on one backend and seed, keyed by model id. The identity control of a
  /// hybrid runs no circuit, so its result is the same on every backend: it runs only on the
  /// first backend (`first`) and `outcome` copies it to the others.
  static func backend(
    _ backend: ModelPlan.Backend, first: Bool, claim: Claim, plan: ModelPlan, split: DataSplit, metric: Metric, seed: Int,
    iteration: (@Sendable (String, Int, Int) -> Void)? = nil
  ) -> [String: QuantumOutcome] {
    var out: [String: QuantumOutcome] = [:]
    for model in plan.models where first || model.controlOf == nil {
      out[model.spec.id] = QuantumStage.run(
        model: model, backend: backend, split: split, metric: metric, seed: seed, keepKernel: seed == claim.seeds.first,
        iteration: iteration)
    }
    return out
  }

  /// A seed's outcome from its split, its baselines and its quantum outcomes by backend id then
  /// model id (controls taken from the first backend).
  static func outcome(
    claim: Claim, plan: ModelPlan, seed: Int, split: DataSplit, steps: [String], baselines: [BaselineOutcome],
    byBackend: [String: [String: QuantumOutcome]]
  ) -> SeedOutcome {
    var quantum: [String: [String: QuantumOutcome]] = [:]
    let firstBackend = plan.backends.first?.spec.id ?? ""
    for model in plan.models {
      var outcomes: [String: QuantumOutcome] = [:]
      for backend in plan.backends {
        let from = model.controlOf == nil ? backend.spec.id : firstBackend
        outcomes[backend.spec.id] = byBackend[from]?[model.spec.id]
      }
      quantum[model.spec.id] = outcomes
    }
    let first = seed == claim.seeds.first
    return SeedOutcome(
      seed: seed, trainCount: split.train.count, testCount: split.test.count,
      featureNames: split.train.featureNames, classNames: split.train.classNames, steps: steps,
      train: first ? split.train : nil, testTargets: split.test.targets, baselines: baselines, quantum: quantum)
  }
}

/// Runs one quantum model on one backend, turning model failures into a reported failure.
enum QuantumStage {
  static func run(
    model: ModelPlan.Model, backend: ModelPlan.Backend, split: DataSplit, metric: Metric, seed: Int, keepKernel: Bool,
    iteration: (@Sendable (String, Int, Int) -> Void)? = nil
  ) -> QuantumOutcome {
    if let hw = backend.hardware, model.controlOf == nil {
      return HardwareStage.run(model: model, kernels: hw, split: split, metric: metric, seed: seed, keepKernel: keepKernel)
    }
    let start = Date()
    if let regression = metric.regression {
      return RegressionQuantumStage.run(
        model: model, backend: backend, split: split, metric: regression, seed: seed, keepKernel: keepKernel, iteration: iteration)
    }
    do {
      switch model.spec.kind {
      case .kernel, .projectedKernel:
        let candidates = KernelModelStage.candidates(model, backend: backend, seed: seed)
        let o = try KernelModelStage.run(candidates: candidates, cGrid: model.spec.svmC, split: split, metric: metric, seed: seed)
        var chosen = ["C": fmtParam(o.chosenC)]
        chosen.merge(o.chosenEncoding) { _, new in new }
        // One readout calibration per seed (the kernels of a seed share it): its circuits are billed here.
        let calibration = backend.mitigation.calibrationCircuits
        var out = QuantumOutcome(
          test: o.test, failure: nil, chosen: chosen, executions: o.executions + calibration,
          shots: o.shots + calibration * (backend.backend.shotsPerCircuit ?? 0),
          seconds: Date().timeIntervalSince(start), loss: [], accuracy: [], kernel: keepKernel ? o.trainKernel : nil,
          warnings: o.warnings)
        out.configurations = o.configurations
        out.folds = o.folds
        return out
      case .variational, .hybrid, .reuploading:
        let id = model.spec.id
        let o = try VariationalStage.run(
          model: model, backend: backend, split: split, metric: metric, seed: seed,
          onIteration: iteration.map { report in { @Sendable it, total in report(id, it, total) } })
        var chosen: [String: String] = [:]
        if let lr = o.chosenLearningRate { chosen["learning_rate"] = fmtParam(lr) }
        if let layers = o.chosenLayers { chosen["layers"] = String(layers) }
        let calibration = backend.mitigation.calibrationCircuits  // one readout calibration per seed
        var out = QuantumOutcome(
          test: o.test, failure: nil, chosen: chosen,
          executions: o.executions + calibration, shots: o.shots + calibration * (backend.backend.shotsPerCircuit ?? 0),
          seconds: Date().timeIntervalSince(start), loss: o.loss, accuracy: o.accuracy, kernel: nil, warnings: o.warnings)
        out.configurations = o.configurations
        out.folds = o.folds
        out.converged = o.converged
        return out
      }
    } catch {
      return QuantumOutcome(
        test: nil, failure: "\(error)", chosen: [:], executions: 0, shots: 0,
        seconds: Date().timeIntervalSince(start), loss: [], accuracy: [], kernel: nil, warnings: [])
    }
  }
}
