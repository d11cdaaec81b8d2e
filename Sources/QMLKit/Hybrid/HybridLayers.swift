import Foundation
import QuantumSim

/// The classical parts of a hybrid classifier and their analytic gradients: the input layer
/// features → angles a = π/2 · tanh(W₁ h + b₁), with h = x (`linear`) or h = act(W₀ x + b₀)
/// (`mlp`), and the output layer o = W₂ z + b₂ on the circuit's outputs z, read through a
/// sigmoid (one output, two classes) or a softmax (k classes).
///
/// Flat parameter layout: [W₀ (hidden×d, row-major), b₀] (mlp only), W₁ (n×h), b₁, then the
/// circuit weights, then W₂ (m×n), b₂. The circuit weights sit in the middle so the flat vector
/// reads input layer, circuit, output layer.
public struct HybridLayers: Sendable, Equatable {
  /// The input layer's form.
  public enum Pre: Sendable, Equatable {
    /// One linear map to the angles.
    case linear
    /// A hidden layer of this width and activation, then the linear map to the angles.
    case mlp(hidden: Int, activation: Activation)
  }
  /// Hidden-layer activations.
  public enum Activation: String, Sendable, Equatable, Codable { case tanh, relu }

  /// Input features d.
  public let features: Int
  /// Angles (qubits) n.
  public let qubits: Int
  /// Circuit weights P (0 for the identity control).
  public let circuitWeights: Int
  /// Outputs m (1 for two classes, else the class count).
  public let outputs: Int
  /// The input layer.
  public let pre: Pre

  /// Width of the input layer's last hidden representation h.
  var width: Int {
    if case .mlp(let h, _) = pre { return h }
    return features
  }
  /// Offsets in the flat vector.
  var w0: Int { 0 }
  var b0: Int { w0 + hiddenCount * features }
  var w1: Int { b0 + hiddenCount }
  var b1: Int { w1 + qubits * width }
  /// Start of the circuit weights.
  public var circuitOffset: Int { b1 + qubits }
  var w2: Int { circuitOffset + circuitWeights }
  var b2: Int { w2 + outputs * qubits }
  /// All parameters.
  public var count: Int { b2 + outputs }
  private var hiddenCount: Int {
    if case .mlp(let h, _) = pre { return h }
    return 0
  }

  /// Layers for the given sizes.
  public init(features: Int, qubits: Int, circuitWeights: Int, outputs: Int, pre: Pre) {
    self.features = features; self.qubits = qubits; self.circuitWeights = circuitWeights
    self.outputs = outputs; self.pre = pre
  }

  /// Seeded initial parameters: layer weights from N(0, 1/fan-in), biases 0, circuit weights
  /// from N(0, circuitScale²).
  func initial(rng: inout SeededGenerator, circuitScale: Double) -> [Double] {
    var p = [Double](repeating: 0, count: count)
    for i in w0..<b0 { p[i] = rng.nextGaussian() / Double(features).squareRoot() }
    for i in w1..<b1 { p[i] = rng.nextGaussian() / Double(width).squareRoot() }
    for i in circuitOffset..<w2 { p[i] = circuitScale * rng.nextGaussian() }
    for i in w2..<b2 { p[i] = rng.nextGaussian() / Double(qubits).squareRoot() }
    return p
  }

  /// What the forward pass of the input layer keeps for the backward pass.
  struct PreState {
    var hidden: [Double]  // h (x itself for linear)
    var preActivation: [Double]  // W₀x + b₀ (mlp only)
    var tanhU: [Double]  // tanh(W₁h + b₁)
    var angles: [Double]
  }

  /// The angles for input x.
  func forwardPre(_ x: [Double], _ p: [Double]) -> PreState {
    var h = x, z0: [Double] = []
    if case .mlp(let width, let act) = pre {
      z0 = (0..<width).map { j in
        var s = p[b0 + j]
        for i in 0..<features { s += p[w0 + j * features + i] * x[i] }
        return s
      }
      h = z0.map { act == .tanh ? tanh($0) : max(0, $0) }
    }
    let t = (0..<qubits).map { q -> Double in
      var s = p[b1 + q]
      for j in 0..<width { s += p[w1 + q * width + j] * h[j] }
      return tanh(s)
    }
    return PreState(hidden: h, preActivation: z0, tanhU: t, angles: t.map { Double.pi / 2 * $0 })
  }

  /// Output probabilities of the classes (two for a sigmoid output) from circuit outputs z.
  func probabilities(_ z: [Double], _ p: [Double]) -> [Double] {
    let o = (0..<outputs).map { k -> Double in
      var s = p[b2 + k]
      for q in 0..<qubits { s += p[w2 + k * qubits + q] * z[q] }
      return s
    }
    if outputs == 1 {
      let s = 1 / (1 + Foundation.exp(-o[0]))
      return [1 - s, s]
    }
    let top = o.max() ?? 0
    let e: [Double] = o.map { Foundation.exp($0 - top) }
    var total = 0.0
    for v in e { total += v }
    return e.map { $0 / total }
  }

  /// Cross-entropy of label y, with the output layer's gradient added into `grad` (scaled by
  /// `scale`) and ∂loss/∂z returned.
  func outputLoss(_ z: [Double], label y: Int, _ p: [Double], grad: inout [Double], scale: Double) -> (loss: Double, dz: [Double]) {
    let probs = probabilities(z, p)
    let loss = -log(max(probs[y], 1e-300))
    // ∂loss/∂o: σ(o) − y for the sigmoid output, softmax − one-hot for k outputs.
    let d: [Double] = outputs == 1 ? [probs[1] - (y == 1 ? 1 : 0)] : probs.indices.map { probs[$0] - ($0 == y ? 1 : 0) }
    var dz = [Double](repeating: 0, count: qubits)
    for k in 0..<outputs {
      grad[b2 + k] += scale * d[k]
      for q in 0..<qubits {
        grad[w2 + k * qubits + q] += scale * d[k] * z[q]
        dz[q] += d[k] * p[w2 + k * qubits + q]
      }
    }
    return (loss, dz)
  }

  /// Adds the input layer's gradient for ∂loss/∂angles `da` (scaled by `scale`) into `grad`.
  func backwardPre(_ x: [Double], _ s: PreState, da: [Double], _ p: [Double], grad: inout [Double], scale: Double) {
    var dh = [Double](repeating: 0, count: width)
    for q in 0..<qubits {
      let du = da[q] * Double.pi / 2 * (1 - s.tanhU[q] * s.tanhU[q])
      grad[b1 + q] += scale * du
      for j in 0..<width {
        grad[w1 + q * width + j] += scale * du * s.hidden[j]
        dh[j] += du * p[w1 + q * width + j]
      }
    }
    guard case .mlp(let width, let act) = pre else { return }
    for j in 0..<width {
      let z = s.preActivation[j]
      let d = dh[j] * (act == .tanh ? 1 - s.hidden[j] * s.hidden[j] : (z > 0 ? 1 : 0))
      grad[b0 + j] += scale * d
      for i in 0..<features { grad[w0 + j * features + i] += scale * d * x[i] }
    }
  }
}
