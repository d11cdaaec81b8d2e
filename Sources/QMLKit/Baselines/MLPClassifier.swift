import Foundation
import QuantumSim

// Implementation goals, in order: scikit-learn's MLPClassifier recipe (Glorot-uniform
// initialisation, ReLU, softmax cross-entropy, L2 penalty alpha, Adam, minibatches of
// min(200, n), early stopping on a stratified 10% validation split with patience 10 and
// tol 1e-4, best weights restored), then no allocation inside the epoch loop.

/// A multilayer perceptron classifier (ReLU hidden layers, softmax output) trained by Adam
/// with optional early stopping, as scikit-learn's `MLPClassifier(solver="adam")`.
///
/// Every random choice (initial weights, minibatch order, validation split) comes from
/// `seed`. Scores are class probabilities. Reaching `maxIterations` epochs is normal
/// (scikit-learn only warns); a non-finite loss throws `ModelError.diverged`.
public struct MLPClassifier: Classifier {
  /// Hidden layer widths (may be empty for softmax regression).
  public var hidden: [Int]
  /// Adam step size.
  public var learningRate: Double
  /// L2 penalty on the weights (scikit-learn's alpha).
  public var alpha: Double
  /// Maximum number of epochs.
  public var maxIterations: Int
  /// Stop when validation accuracy has not improved by 1e-4 for 10 epochs (else the
  /// same rule on the training loss). Off by default, as in scikit-learn: on a small training
  /// set a minibatch of min(200, n) is the whole set, an epoch is one Adam step, and ten steps
  /// without a better score on a 10% validation split stop an untrained network (scikit-learn's
  /// `MLPClassifier(early_stopping=True)` scores 0.33 balanced accuracy on wine that way).
  public var earlyStopping: Bool
  /// Seed of every random choice.
  public var seed: UInt64
  /// Epochs run by the last fit.
  public private(set) var epochs = 0
  private var network: _MLPNetwork?

  /// A network with the given hidden widths and training settings.
  public init(hidden: [Int], learningRate: Double = 1e-3, alpha: Double = 1e-4, maxIterations: Int = 200,
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
  ///   (rows, labels), `ModelError.diverged` (non-finite loss).
  public mutating func fit(features: [[Double]], labels: [Int], classCount: Int) throws {
    try _validateTraining(features: features, labels: labels, classCount: classCount, model: "MLP")
    guard hidden.allSatisfy({ $0 >= 1 }) else { throw ModelError.invalidHyperparameter("MLP hidden widths must be >= 1, got \(hidden)") }
    guard learningRate > 0, learningRate.isFinite else {
      throw ModelError.invalidHyperparameter("MLP learning rate must be positive, got \(learningRate)")
    }
    guard alpha >= 0, alpha.isFinite else { throw ModelError.invalidHyperparameter("MLP alpha must be >= 0, got \(alpha)") }
    guard maxIterations >= 1 else { throw ModelError.invalidHyperparameter("MLP maxIterations must be >= 1") }
    var rng = SeededGenerator(seed: seed)
    let d = features[0].count
    let net = _MLPNetwork(sizes: [d] + hidden + [classCount], output: .softmax, rng: &rng)
    var trainIdx = Array(features.indices)
    var validIdx: [Int] = []
    if earlyStopping {
      let split = stratifiedSplitIndices(labels: labels, testFraction: 0.1, seed: rng.next())
      trainIdx = split.train.sorted()
      validIdx = split.test
    }
    let training = _MLPTraining(learningRate: learningRate, alpha: alpha, maxIterations: maxIterations)
    let k = classCount
    // Output delta: softmax − one-hot, averaged over the batch; the loss is the cross-entropy.
    let (trained, ran) = try training.train(
      net, features: features, trainIdx: trainIdx, rng: &rng,
      outputLoss: { out, r, sample, invB, delta in
        let y = labels[sample]
        for c in 0..<k { delta[r * k + c] = (out[r * k + c] - (c == y ? 1 : 0)) * invB }
        return -log(max(out[r * k + y], 1e-300))
      },
      validationScore: earlyStopping ? { Self.accuracyOn($0, features, validIdx, labels) } : nil)
    epochs = ran
    network = trained
  }

  private static func probabilities(_ net: _MLPNetwork, _ rows: [[Double]]) -> [[Double]] {
    let flat = net.outputs(rows)
    let k = net.sizes.last!
    return (0..<rows.count).map { Array(flat[($0 * k)..<(($0 + 1) * k)]) }
  }

  private static func accuracyOn(_ net: _MLPNetwork, _ features: [[Double]], _ idx: [Int], _ labels: [Int]) -> Double {
    let p = Self.probabilities(net, idx.map { features[$0] })
    var hits = 0
    for (r, i) in idx.enumerated() {
      var best = 0
      for c in p[r].indices where p[r][c] > p[r][best] { best = c }
      if best == labels[i] { hits += 1 }
    }
    return idx.isEmpty ? 0 : Double(hits) / Double(idx.count)
  }

  /// Class probabilities per sample.
  public func scores(_ features: [[Double]]) throws -> [[Double]] {
    guard let network else { throw ModelError.notFitted }
    try _validateRows(features, width: network.sizes[0], model: "MLP")
    return Self.probabilities(network, features)
  }
}
