import Foundation
import QuantumSim

// Implementation goals, in order: scikit-learn's MLPRegressor recipe on the network
// `MLPClassifier` uses (`_MLPNetwork`: Glorot-uniform initialisation, ReLU hidden layers, L2
// penalty alpha, Adam; minibatches of min(200, n), stopping after 10 epochs without a 1e-4
// improvement) with an identity output and the squared loss ½·mean((ŷ − y)²); optional early
// stopping on a random 10% validation split scored by R² (best weights restored). Then no
// allocation inside the epoch loop.

/// A multilayer perceptron regressor (ReLU hidden layers, linear output, squared loss)
/// trained by Adam, as scikit-learn's `MLPRegressor(solver="adam")`.
///
/// Every random choice (initial weights, minibatch order, validation split) comes from
/// `seed`, so a fit is deterministic. Reaching `maxIterations` epochs is normal; a
/// non-finite loss throws `ModelError.diverged`.
public struct MLPRegressor: Regressor {
  /// Hidden layer widths (may be empty for linear regression by Adam).
  public var hidden: [Int]
  /// Adam step size.
  public var learningRate: Double
  /// L2 penalty on the weights (scikit-learn's alpha).
  public var alpha: Double
  /// Maximum number of epochs.
  public var maxIterations: Int
  /// Stop on a held-out 10% R² instead of the training loss (scikit-learn's default: off).
  public var earlyStopping: Bool
  /// Seed of every random choice.
  public var seed: UInt64
  /// Epochs run by the last fit.
  public private(set) var epochs = 0
  private var network: _MLPNetwork?

  /// A network with the given hidden widths and training settings.
  public init(hidden: [Int] = [100], learningRate: Double = 1e-3, alpha: Double = 1e-4, maxIterations: Int = 200,
              earlyStopping: Bool = false, seed: UInt64 = 0) {
    self.hidden = hidden
    self.learningRate = learningRate
    self.alpha = alpha
    self.maxIterations = maxIterations
    self.earlyStopping = earlyStopping
    self.seed = seed
  }

  /// Trains by Adam.
  ///
  /// - Throws: `ModelError.invalidHyperparameter` (widths, rates), `ModelError.invalidData`
  ///   (rows, targets, too few rows for early stopping), `ModelError.diverged` (non-finite loss).
  public mutating func fit(features: [[Double]], targets: [Double]) throws {
    try _validateRegression(features: features, targets: targets, model: "MLP regressor")
    guard hidden.allSatisfy({ $0 >= 1 }) else { throw ModelError.invalidHyperparameter("MLP hidden widths must be >= 1, got \(hidden)") }
    guard learningRate > 0, learningRate.isFinite else {
      throw ModelError.invalidHyperparameter("MLP learning rate must be positive, got \(learningRate)")
    }
    guard alpha >= 0, alpha.isFinite else { throw ModelError.invalidHyperparameter("MLP alpha must be >= 0, got \(alpha)") }
    guard maxIterations >= 1 else { throw ModelError.invalidHyperparameter("MLP maxIterations must be >= 1") }
    var rng = SeededGenerator(seed: seed)
    let d = features[0].count
    let net = _MLPNetwork(sizes: [d] + hidden + [1], output: .identity, rng: &rng)
    var trainIdx = Array(features.indices)
    var validIdx: [Int] = []
    if earlyStopping {
      guard features.count >= 10 else {
        throw ModelError.invalidData("MLP regressor: early stopping needs >= 10 samples, got \(features.count)")
      }
      trainIdx.shuffle(using: &rng)
      let held = max(1, features.count / 10)
      validIdx = Array(trainIdx.prefix(held))
      trainIdx = Array(trainIdx.dropFirst(held)).sorted()
    }
    let validRows = validIdx.map { features[$0] }
    let validTargets = validIdx.map { targets[$0] }
    let training = _MLPTraining(learningRate: learningRate, alpha: alpha, maxIterations: maxIterations)
    // Output delta of ½·mean((ŷ − y)²): (ŷ − y) / b.
    let (trained, ran) = try training.train(
      net, features: features, trainIdx: trainIdx, rng: &rng,
      outputLoss: { out, r, sample, invB, delta in
        let diff = out[r] - targets[sample]
        delta[r] = diff * invB
        return 0.5 * diff * diff
      },
      validationScore: earlyStopping ? { r2Score(targets: validTargets, predictions: $0.outputs(validRows)) } : nil)
    epochs = ran
    network = trained
  }

  /// The network's output per sample.
  public func predict(_ features: [[Double]]) throws -> [Double] {
    guard let network else { throw ModelError.notFitted }
    try _validateRows(features, width: network.sizes[0], model: "MLP regressor")
    return network.outputs(features)
  }
}
