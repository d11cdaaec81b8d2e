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
  /// same rule on the training loss).
  public var earlyStopping: Bool
  /// Seed of every random choice.
  public var seed: UInt64
  /// Epochs run by the last fit.
  public private(set) var epochs = 0
  private var sizes: [Int] = []
  private var weights: [[Double]] = []  // weights[l][i * out + o]
  private var biases: [[Double]] = []

  /// A network with the given hidden widths and training settings.
  public init(hidden: [Int], learningRate: Double = 1e-3, alpha: Double = 1e-4, maxIterations: Int = 200,
              earlyStopping: Bool = true, seed: UInt64 = 0) {
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
    sizes = [d] + hidden + [classCount]
    weights = []
    biases = []
    for l in 0..<(sizes.count - 1) {
      let fanIn = sizes[l], fanOut = sizes[l + 1]
      let bound = (6.0 / Double(fanIn + fanOut)).squareRoot()
      weights.append((0..<(fanIn * fanOut)).map { _ in (2 * rng.nextUnit() - 1) * bound })
      biases.append((0..<fanOut).map { _ in (2 * rng.nextUnit() - 1) * bound })
    }
    var trainIdx = Array(features.indices)
    var validIdx: [Int] = []
    if earlyStopping {
      let split = stratifiedSplitIndices(labels: labels, testFraction: 0.1, seed: rng.next())
      trainIdx = split.train.sorted()
      validIdx = split.test
    }
    let n = trainIdx.count
    let batch = min(200, n)
    let layers = sizes.count - 1
    // Buffers: activations per layer for one minibatch, deltas, gradients, Adam moments.
    var acts = sizes.map { [Double](repeating: 0, count: batch * $0) }
    var deltas = sizes.map { [Double](repeating: 0, count: batch * $0) }
    var gradW = weights.map { [Double](repeating: 0, count: $0.count) }
    var gradB = biases.map { [Double](repeating: 0, count: $0.count) }
    var mW = gradW, vW = gradW, mB = gradB, vB = gradB
    let beta1 = 0.9, beta2 = 0.999, eps = 1e-8, tol = 1e-4, patience = 10
    var step = 0
    var bestScore = -Double.infinity
    var bestLoss = Double.infinity
    var noImprovement = 0
    var bestWeights = weights, bestBiases = biases
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
        forward(&acts, count: b)
        // Output delta: softmax - onehot, averaged over the batch.
        let k = sizes[layers]
        let invB = 1 / Double(b)
        for r in 0..<b {
          let y = labels[order[start + r]]
          epochLoss -= log(max(acts[layers][r * k + y], 1e-300))
          for c in 0..<k { deltas[layers][r * k + c] = (acts[layers][r * k + c] - (c == y ? 1 : 0)) * invB }
        }
        var l = layers - 1
        while l >= 0 {
          let inW = sizes[l], outW = sizes[l + 1]
          for t in 0..<gradW[l].count { gradW[l][t] = alpha * invB * weights[l][t] }
          for o in 0..<outW { gradB[l][o] = 0 }
          for r in 0..<b {
            for i in 0..<inW {
              let a = acts[l][r * inW + i]
              if a == 0 { continue }
              let wb = i * outW
              for o in 0..<outW { gradW[l][wb + o] += a * deltas[l + 1][r * outW + o] }
            }
            for o in 0..<outW { gradB[l][o] += deltas[l + 1][r * outW + o] }
          }
          if l > 0 {
            for r in 0..<b {
              for i in 0..<inW {
                if acts[l][r * inW + i] <= 0 { deltas[l][r * inW + i] = 0; continue }
                var s = 0.0
                let wb = i * outW
                for o in 0..<outW { s += weights[l][wb + o] * deltas[l + 1][r * outW + o] }
                deltas[l][r * inW + i] = s
              }
            }
          }
          l -= 1
        }
        step += 1
        let lr = learningRate * (1 - pow(beta2, Double(step))).squareRoot() / (1 - pow(beta1, Double(step)))
        for l in 0..<layers {
          for t in 0..<weights[l].count {
            let g = gradW[l][t]
            mW[l][t] = beta1 * mW[l][t] + (1 - beta1) * g
            vW[l][t] = beta2 * vW[l][t] + (1 - beta2) * g * g
            weights[l][t] -= lr * mW[l][t] / (vW[l][t].squareRoot() + eps)
          }
          for t in 0..<biases[l].count {
            let g = gradB[l][t]
            mB[l][t] = beta1 * mB[l][t] + (1 - beta1) * g
            vB[l][t] = beta2 * vB[l][t] + (1 - beta2) * g * g
            biases[l][t] -= lr * mB[l][t] / (vB[l][t].squareRoot() + eps)
          }
        }
        start += b
      }
      var penalty = 0.0
      for w in weights { for x in w { penalty += x * x } }
      let loss = epochLoss / Double(n) + 0.5 * alpha * penalty / Double(n)
      guard loss.isFinite else { throw ModelError.diverged("MLP loss became \(loss) at epoch \(epochs) (learning rate \(learningRate))") }
      if earlyStopping {
        let score = accuracyOn(features, validIdx, labels)
        if score < bestScore + tol { noImprovement += 1 } else { noImprovement = 0 }
        if score > bestScore { bestScore = score; bestWeights = weights; bestBiases = biases }
      } else {
        if loss > bestLoss - tol { noImprovement += 1 } else { noImprovement = 0 }
        bestLoss = min(bestLoss, loss)
      }
      if noImprovement > patience { break }
    }
    if earlyStopping { weights = bestWeights; biases = bestBiases }
  }

  /// Forward pass of `count` rows already in `acts[0]`; hidden ReLU, output softmax.
  private func forward(_ acts: inout [[Double]], count b: Int) {
    let layers = sizes.count - 1
    for l in 0..<layers {
      let inW = sizes[l], outW = sizes[l + 1]
      for r in 0..<b {
        let ob = r * outW
        for o in 0..<outW { acts[l + 1][ob + o] = biases[l][o] }
        for i in 0..<inW {
          let a = acts[l][r * inW + i]
          if a == 0 { continue }
          let wb = i * outW
          for o in 0..<outW { acts[l + 1][ob + o] += a * weights[l][wb + o] }
        }
        if l < layers - 1 {
          for o in 0..<outW where acts[l + 1][ob + o] < 0 { acts[l + 1][ob + o] = 0 }
        } else {
          var m = -Double.infinity
          for o in 0..<outW { m = max(m, acts[l + 1][ob + o]) }
          var s = 0.0
          for o in 0..<outW {
            let e = exp(acts[l + 1][ob + o] - m)
            acts[l + 1][ob + o] = e
            s += e
          }
          for o in 0..<outW { acts[l + 1][ob + o] /= s }
        }
      }
    }
  }

  private func probabilities(_ rows: [[Double]]) -> [[Double]] {
    guard !rows.isEmpty else { return [] }
    var acts = sizes.map { [Double](repeating: 0, count: rows.count * $0) }
    let d = sizes[0]
    for (r, row) in rows.enumerated() { for j in 0..<d { acts[0][r * d + j] = row[j] } }
    forward(&acts, count: rows.count)
    let k = sizes.last!
    return (0..<rows.count).map { Array(acts[sizes.count - 1][($0 * k)..<(($0 + 1) * k)]) }
  }

  private func accuracyOn(_ features: [[Double]], _ idx: [Int], _ labels: [Int]) -> Double {
    let p = probabilities(idx.map { features[$0] })
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
    guard !sizes.isEmpty else { throw ModelError.notFitted }
    try _validateRows(features, width: sizes[0], model: "MLP")
    return probabilities(features)
  }
}
