import Foundation
import QuantumSim

/// The minibatch Adam loop scikit-learn's MLPs share (minibatches of min(200, n), L2 penalty,
/// tol 1e-4 and patience 10 on a validation score or, without one, on the training loss), used by
/// `MLPClassifier` and `MLPRegressor`, which differ only in their output layer's loss.
struct _MLPTraining {
  /// Adam step size.
  var learningRate: Double
  /// L2 penalty on the weights.
  var alpha: Double
  /// Maximum number of epochs.
  var maxIterations: Int

  /// The output-layer loss of one sample: writes ∂loss/∂output (already divided by the batch
  /// size via `invB`) into `delta` and returns the sample's loss. Arguments: the output layer's
  /// activations, the batch row, the sample index, 1/b and the output delta buffer.
  typealias OutputLoss = (_ outputs: [Double], _ row: Int, _ sample: Int, _ invB: Double, _ delta: inout [Double]) -> Double

  /// Trains `net` on the samples `trainIdx` of `features`; with `validationScore` (higher is
  /// better) the best-scoring network is returned, else the last. Returns the network and the
  /// epochs run.
  /// - Throws: `ModelError.diverged` (non-finite loss), `CancellationError`.
  func train(
    _ net: _MLPNetwork, features: [[Double]], trainIdx: [Int], rng: inout SeededGenerator,
    outputLoss: OutputLoss, validationScore: ((_MLPNetwork) -> Double)?
  ) throws -> (network: _MLPNetwork, epochs: Int) {
    var net = net
    let d = features[0].count
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
    var epochs = 0
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
        let invB = 1 / Double(b)
        for r in 0..<b { epochLoss += outputLoss(acts[layers], r, order[start + r], invB, &deltas[layers]) }
        net.gradients(acts, &deltas, gradW: &gradW, gradB: &gradB, count: b, alpha: alpha)
        adam.apply(to: &net, gradW: gradW, gradB: gradB, learningRate: learningRate)
        start += b
      }
      let loss = epochLoss / Double(n) + 0.5 * alpha * net.squaredWeightNorm / Double(n)
      guard loss.isFinite else { throw ModelError.diverged("MLP loss became \(loss) at epoch \(epochs) (learning rate \(learningRate))") }
      if let validationScore {
        let score = validationScore(net)
        if score < bestScore + tol { noImprovement += 1 } else { noImprovement = 0 }
        if score > bestScore { bestScore = score; best = net }
      } else {
        if loss > bestLoss - tol { noImprovement += 1 } else { noImprovement = 0 }
        bestLoss = min(bestLoss, loss)
      }
      if noImprovement > patience { break }
    }
    return (validationScore == nil ? net : best, epochs)
  }
}
