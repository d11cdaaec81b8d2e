import Foundation
import QuantumSim

// Implementation goals, in order: scikit-learn's MLPRegressor recipe, sharing
// `MLPClassifier`'s (Glorot-uniform initialisation, ReLU hidden layers, L2 penalty alpha,
// Adam with its defaults, minibatches of min(200, n), stopping after 10 epochs without a
// 1e-4 improvement) with an identity output and the squared loss ½·mean((ŷ − y)²); optional
// early stopping on a random 10% validation split scored by R² (best weights restored).
// Then no allocation inside the epoch loop.

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
  private var sizes: [Int] = []
  private var weights: [[Double]] = []  // weights[l][i * out + o]
  private var biases: [[Double]] = []

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
    sizes = [d] + hidden + [1]
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
      guard features.count >= 10 else {
        throw ModelError.invalidData("MLP regressor: early stopping needs >= 10 samples, got \(features.count)")
      }
      trainIdx.shuffle(using: &rng)
      let held = max(1, features.count / 10)
      validIdx = Array(trainIdx.prefix(held))
      trainIdx = Array(trainIdx.dropFirst(held)).sorted()
    }
    let n = trainIdx.count
    let batch = min(200, n)
    let layers = sizes.count - 1
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
        // Output delta of ½·mean((ŷ − y)²): (ŷ − y) / b.
        let invB = 1 / Double(b)
        for r in 0..<b {
          let diff = acts[layers][r] - targets[order[start + r]]
          epochLoss += 0.5 * diff * diff
          deltas[layers][r] = diff * invB
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
        let score = r2Score(targets: validIdx.map { targets[$0] }, predictions: outputs(validIdx.map { features[$0] }))
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

  /// Forward pass of `count` rows already in `acts[0]`; hidden ReLU, identity output.
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
        }
      }
    }
  }

  private func outputs(_ rows: [[Double]]) -> [Double] {
    guard !rows.isEmpty else { return [] }
    var acts = sizes.map { [Double](repeating: 0, count: rows.count * $0) }
    let d = sizes[0]
    for (r, row) in rows.enumerated() { for j in 0..<d { acts[0][r * d + j] = row[j] } }
    forward(&acts, count: rows.count)
    return acts[sizes.count - 1]
  }

  /// The network's output per sample.
  public func predict(_ features: [[Double]]) throws -> [Double] {
    guard !sizes.isEmpty else { throw ModelError.notFitted }
    try _validateRows(features, width: sizes[0], model: "MLP regressor")
    return outputs(features)
  }
}
