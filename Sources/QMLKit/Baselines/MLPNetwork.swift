import Foundation
import QuantumSim

// The network shared by `MLPClassifier` and `MLPRegressor`: scikit-learn's recipe
// (Glorot-uniform initialisation, ReLU hidden layers, L2 penalty in the gradients, Adam with
// beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8) on caller-owned buffers, so the epoch loops
// allocate nothing.

/// A fully connected ReLU network with a softmax or identity output (internal to the MLPs).
struct _MLPNetwork: Sendable {
  /// What the last layer applies.
  enum Output: Sendable { case softmax, identity }

  /// Layer widths, input first.
  let sizes: [Int]
  let output: Output
  /// weights[l][i * out + o]
  var weights: [[Double]]
  var biases: [[Double]]

  /// Glorot-uniform weights and biases (bound sqrt(6 / (fan_in + fan_out))), drawn layer by
  /// layer, weights before biases.
  init(sizes: [Int], output: Output, rng: inout SeededGenerator) {
    self.sizes = sizes
    self.output = output
    weights = []
    biases = []
    for l in 0..<(sizes.count - 1) {
      let fanIn = sizes[l], fanOut = sizes[l + 1]
      let bound = (6.0 / Double(fanIn + fanOut)).squareRoot()
      weights.append((0..<(fanIn * fanOut)).map { _ in (2 * rng.nextUnit() - 1) * bound })
      biases.append((0..<fanOut).map { _ in (2 * rng.nextUnit() - 1) * bound })
    }
  }

  var layers: Int { sizes.count - 1 }

  /// Activation buffers for `rows` samples, one per layer.
  func buffers(rows: Int) -> [[Double]] { sizes.map { [Double](repeating: 0, count: rows * $0) } }

  /// Forward pass of `count` rows already in `acts[0]`.
  func forward(_ acts: inout [[Double]], count b: Int) {
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
        } else if output == .softmax {
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

  /// The output layer's activations for `rows` (row-major, `sizes.last` per row).
  func outputs(_ rows: [[Double]]) -> [Double] {
    guard !rows.isEmpty else { return [] }
    var acts = buffers(rows: rows.count)
    let d = sizes[0]
    for (r, row) in rows.enumerated() { for j in 0..<d { acts[0][r * d + j] = row[j] } }
    forward(&acts, count: rows.count)
    return acts[layers]
  }

  /// Back-propagates the output deltas in `deltas[layers]` (already divided by the batch
  /// size) into `gradW` / `gradB`, including the L2 term alpha · w / b.
  func gradients(_ acts: [[Double]], _ deltas: inout [[Double]], gradW: inout [[Double]], gradB: inout [[Double]],
                 count b: Int, alpha: Double) {
    let invB = 1 / Double(b)
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
  }

  /// Sum of squared weights (biases excluded), for the L2 part of the loss.
  var squaredWeightNorm: Double {
    var penalty = 0.0
    for w in weights { for x in w { penalty += x * x } }
    return penalty
  }
}

/// Adam's moments and step count for one `_MLPNetwork` (internal to the MLPs).
struct _AdamState: Sendable {
  private var mW: [[Double]], vW: [[Double]], mB: [[Double]], vB: [[Double]]
  private var step = 0
  private let beta1 = 0.9, beta2 = 0.999, eps = 1e-8

  /// Zero moments shaped like `network`.
  init(for network: _MLPNetwork) {
    mW = network.weights.map { [Double](repeating: 0, count: $0.count) }
    mB = network.biases.map { [Double](repeating: 0, count: $0.count) }
    vW = mW
    vB = mB
  }

  /// One bias-corrected Adam step of `network` along `gradW` / `gradB`.
  mutating func apply(to network: inout _MLPNetwork, gradW: [[Double]], gradB: [[Double]], learningRate: Double) {
    step += 1
    let lr = learningRate * (1 - pow(beta2, Double(step))).squareRoot() / (1 - pow(beta1, Double(step)))
    for l in 0..<network.layers {
      for t in 0..<network.weights[l].count {
        let g = gradW[l][t]
        mW[l][t] = beta1 * mW[l][t] + (1 - beta1) * g
        vW[l][t] = beta2 * vW[l][t] + (1 - beta2) * g * g
        network.weights[l][t] -= lr * mW[l][t] / (vW[l][t].squareRoot() + eps)
      }
      for t in 0..<network.biases[l].count {
        let g = gradB[l][t]
        mB[l][t] = beta1 * mB[l][t] + (1 - beta1) * g
        vB[l][t] = beta2 * vB[l][t] + (1 - beta2) * g * g
        network.biases[l][t] -= lr * mB[l][t] / (vB[l][t].squareRoot() + eps)
      }
    }
  }
}
