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
    var net = _MLPNetwork(sizes: [d] + hidden + [classCount], output: .softmax, rng: &rng)
    var trainIdx = Array(features.indices)
    var validIdx: [Int] = []
    if earlyStopping {
      let split = stratifiedSplitIndices(labels: labels, testFraction: 0.1, seed: rng.next())
      trainIdx = split.train.sorted()
      validIdx = split.test
    }
    let n = trainIdx.count
    let batch = min(200, n)
    let layers = net.layers
    // Buffers: activations per layer for one minibatch, deltas, gradients, Adam moments.
    var acts = net.buffers(rows: batch)
    var deltas = acts
    var gradW = net.weights.map { [Double](repeating: 0, count: $0.count) }
    var gradB = net.biases.map { [Double](repeating: 0, count: $0.count) }
    var adam = _AdamState(for: net)
    let tol = 1e-4, patience = 10
    var bestScore = -Double.infinity
    var bestLoss = Double.infinity
    var noImprovement = 0
    var best = net
    var order = trainIdx
    epochs = 0
    for _ in 0..<maxIterations {
      try Cancellation.check()
      epochs += 1
      order.shuffle(using: &rng)
      var epochLoss = 0.0
      var start = 0
      while start < n {
        let b = min(batch, n - start)
        for r in 0..<b {
          let src = features[order[start + r]]
          for j in 0..<d { acts[0][r * d + j] = src[j] }
        }
        net.forward(&acts, count: b)
        // Output delta: softmax - onehot, averaged over the batch.
        let k = classCount
        let invB = 1 / Double(b)
        for r in 0..<b {
          let y = labels[order[start + r]]
          epochLoss -= log(max(acts[layers][r * k + y], 1e-300))
          for c in 0..<k { deltas[layers][r * k + c] = (acts[layers][r * k + c] - (c == y ? 1 : 0)) * invB }
        }
        net.gradients(acts, &deltas, gradW: &gradW, gradB: &gradB, count: b, alpha: alpha)
        adam.apply(to: &net, gradW: gradW, gradB: gradB, learningRate: learningRate)
        start += b
      }
      let loss = epochLoss / Double(n) + 0.5 * alpha * net.squaredWeightNorm / Double(n)
      guard loss.isFinite else { throw ModelError.diverged("MLP loss became \(loss) at epoch \(epochs) (learning rate \(learningRate))") }
      if earlyStopping {
        let score = accuracyOn(net, features, validIdx, labels)
        if score < bestScore + tol { noImprovement += 1 } else { noImprovement = 0 }
        if score > bestScore { bestScore = score; best = net }
      } else {
        if loss > bestLoss - tol { noImprovement += 1 } else { noImprovement = 0 }
        bestLoss = min(bestLoss, loss)
      }
      if noImprovement > patience { break }
    }
    network = earlyStopping ? best : net
  }

  private func probabilities(_ net: _MLPNetwork, _ rows: [[Double]]) -> [[Double]] {
    let flat = net.outputs(rows)
    let k = net.sizes.last!
    return (0..<rows.count).map { Array(flat[($0 * k)..<(($0 + 1) * k)]) }
  }

  private func accuracyOn(_ net: _MLPNetwork, _ features: [[Double]], _ idx: [Int], _ labels: [Int]) -> Double {
    let p = probabilities(net, idx.map { features[$0] })
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
    return probabilities(network, features)
  }
}
