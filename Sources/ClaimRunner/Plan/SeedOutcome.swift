import Foundation
import QMLKit

/// Everything one seed produced.
struct SeedOutcome: Sendable {
  /// Seed.
  var seed: Int
  /// Training and test sizes.
  var trainCount: Int
  var testCount: Int
  /// Feature names after preprocessing and the steps' descriptions.
  var featureNames: [String]
  var classNames: [String]
  var steps: [String]
  /// Training data after preprocessing (for the scatter and diagnostics), first seed only.
  var train: Dataset?
  /// Test-set targets (regression claims).
  var testTargets: [Double]?
  /// Baselines in spec order.
  var baselines: [BaselineOutcome]
  /// Quantum outcomes keyed by model id then backend id.
  var quantum: [String: [String: QuantumOutcome]]
}

/// One quantum model on one backend and seed.
struct QuantumOutcome: Sendable, Codable {
  /// Test metric, or nil when the model failed on this seed.
  var test: Double?
  /// Why it failed, if it did.
  var failure: String?
  /// Chosen hyperparameters (e.g. C).
  var chosen: [String: String]
  /// Circuit executions and shots used.
  var executions: Int
  var shots: Int
  /// Wall-clock seconds.
  var seconds: Double
  /// Training curve (variational models).
  var loss: [Double]
  var accuracy: [Double]
  /// Train kernel (kernel models, first seed only).
  var kernel: Matrix?
  /// Non-fatal problems.
  var warnings: [String]
  /// Configurations compared by cross-validation (1 when nothing was tuned).
  var configurations = 1
  /// Folds of that cross-validation (0 when nothing was tuned).
  var folds = 0
  /// False when a variational model hit its iteration limit with the loss still falling.
  var converged = true
  /// Test-set predictions (regression claims, for the predicted-against-true chart).
  var predictions: [Double]?
}
