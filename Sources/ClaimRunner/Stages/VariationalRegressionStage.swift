import ClaimSpec
import Foundation
import QMLKit
import QuantumSim

/// Trains and tests a variational regressor (a regression claim's `variational` model) on one
/// split and backend: the spec's encoding, ansatz, readout, optimizer, iterations and seeds, as
/// `VariationalStage` builds the classifier; a learning-rate or layer grid is tuned by the mean
/// k-fold CV squared error on the training split.
enum VariationalRegressionStage {
  /// The regressor a spec describes on a backend, seeded.
  static func regressor(
    _ model: ModelPlan.Model, backend: QuantumBackend, features: Int, seed: UInt64, learningRate: Double? = nil, layers: Int? = nil
  ) -> VariationalRegressor {
    let t = model.spec.training ?? TrainingSpec()
    var reg = VariationalRegressor(
      encoding: model.encoding, ansatz: VariationalStage.ansatz(model.spec, layers: layers),
      readout: VariationalStage.readout(model.spec, qubits: model.encoding.qubits(features: features)),
      reuploading: model.spec.ansatz?.type == .reuploading,
      optimizer: VariationalStage.optimizerSettings(t, learningRate: learningRate ?? t.learningRate),
      iterations: t.iterations, backend: backend, seed: seed, threads: 1)
    reg.lossTolerance = t.tolerance
    reg.lossPatience = t.patience
    return reg
  }

  /// The regressor fitted on the training split on `backend` after the spec's tuning, seeded as
  /// the runner seeds it (`run`, and the hardware export's simulator training), with the chosen
  /// learning rate and layers and what the tuning ran.
  static func train(
    model: ModelPlan.Model, backend: QuantumBackend, split: DataSplit, seed: Int,
    onIteration: (@Sendable (Int, Int) -> Void)? = nil
  ) throws -> (regressor: VariationalRegressor, rate: Double, layers: Int?, folds: Int, executions: Int, shots: Int) {
    guard let y = split.train.targets else { throw ModelError.invalidData("regression data has no targets") }
    let t = model.spec.training ?? TrainingSpec()
    let s = UInt64(bitPattern: Int64(seed)) &* 31 &+ 7
    let layerGrid: [Int?] = (model.spec.ansatz?.layersGrid.count ?? 0) > 1 ? model.spec.ansatz!.layersGrid.map { $0 } : [nil]
    var chosen = (rate: t.learningRates[0], layers: layerGrid[0])
    var tuningExecutions = 0, tuningShots = 0, folds = 0
    if t.learningRates.count > 1 || layerGrid.count > 1 {
      folds = KernelRegressionStage.foldCount(y.count)
      let splits = RegressionGridSearch.kFold(count: y.count, folds: folds, seed: UInt64(bitPattern: Int64(seed)))
      var best = Double.infinity
      let x = split.train.features
      for rate in t.learningRates {
        for depth in layerGrid {
          var errors: [Double] = []
          for f in splits {
            var reg = regressor(model, backend: backend, features: split.train.featureCount, seed: s, learningRate: rate, layers: depth)
            try reg.fit(features: f.train.map { x[$0] }, targets: f.train.map { y[$0] })
            let p = try reg.predict(f.test.map { x[$0] })
            let e = rootMeanSquaredError(targets: f.test.map { y[$0] }, predictions: p)
            errors.append(e * e)
            tuningExecutions += reg.counter.circuitExecutions
            tuningShots += reg.counter.totalShots
          }
          let m = mean(errors)
          if m.isFinite && m < best { best = m; chosen = (rate, depth) }
        }
      }
    }
    var reg = regressor(model, backend: backend, features: split.train.featureCount, seed: s,
                        learningRate: chosen.rate, layers: chosen.layers)
    reg.onIteration = onIteration
    try reg.fit(features: split.train.features, targets: y)
    return (reg, chosen.rate, chosen.layers, folds, tuningExecutions, tuningShots)
  }

  static func run(
    model: ModelPlan.Model, backend: ModelPlan.Backend, split: DataSplit, metric: RegressionMetric, seed: Int,
    onIteration: (@Sendable (Int, Int) -> Void)? = nil
  ) throws -> (outcome: VariationalStage.Outcome, predictions: [Double]) {
    guard split.train.targets != nil, let yTest = split.test.targets else { throw ModelError.invalidData("regression data has no targets") }
    let t = model.spec.training ?? TrainingSpec()
    let layerGrid: [Int?] = (model.spec.ansatz?.layersGrid.count ?? 0) > 1 ? model.spec.ansatz!.layersGrid.map { $0 } : [nil]
    let fitted = try train(model: model, backend: backend.backend, split: split, seed: seed, onIteration: onIteration)
    let reg = fitted.regressor
    let chosen = (rate: fitted.rate, layers: fitted.layers)
    let (folds, tuningExecutions, tuningShots) = (fitted.folds, fitted.executions, fitted.shots)
    let history = reg.trainingHistory
    var warnings: [String] = []
    var converged = true
    if !reg.stoppedBeforeLimit, let drop = VariationalStage.stillFalling(history.map(\.loss), window: t.patience, tolerance: t.tolerance) {
      converged = false
      warnings.append("not converged: the training loss still fell \(String(format: "%.2f", drop * 100))% over the last "
        + "\(min(t.patience, t.iterations)) of \(t.iterations) iterations (raise training.iterations)")
    }
    let predictions = try reg.predict(split.test.features)
    guard predictions.allSatisfy(\.isFinite) else { throw ModelError.diverged("test predictions are not finite") }
    var out = VariationalStage.Outcome(
      test: metric.score(targets: yTest, predictions: predictions), executions: reg.counter.circuitExecutions + tuningExecutions,
      shots: reg.counter.totalShots + tuningShots, loss: history.map(\.loss), accuracy: history.map(\.accuracy), warnings: warnings)
    out.chosenLearningRate = t.learningRates.count > 1 ? chosen.rate : nil
    out.chosenLayers = layerGrid.count > 1 ? chosen.layers : nil
    out.configurations = t.learningRates.count * layerGrid.count
    out.folds = folds
    out.converged = converged
    return (out, predictions)
  }
}
