import QuantumSim

/// A trainable circuit layout (the "ansatz") over weight symbols w0, w1, ...
///
/// - `hardwareEfficient`: per layer, ry(w) then rz(w) on every qubit, then the entangler on
///   every pair of `entanglement` (2n weights per layer).
/// - `realAmplitudes` (Qiskit's RealAmplitudes): an ry layer, then per layer the cx
///   entangler and another ry layer (n(L+1) weights).
/// - `efficientSU2` (Qiskit's EfficientSU2): an ry+rz layer, then per layer the cx
///   entangler and another ry+rz layer (2n(L+1) weights).
public struct Ansatz: Sendable, Equatable {
  /// The layout family.
  public enum Layout: String, Sendable, Codable, CaseIterable {
    case hardwareEfficient = "hardware_efficient"
    case realAmplitudes = "real_amplitudes"
    case efficientSU2 = "efficient_su2"
  }
  /// Which qubit pairs are entangled in each layer.
  public enum Pairs: String, Sendable, Codable, CaseIterable {
    /// (0,1), (1,2), ..., (n−2, n−1).
    case linear
    /// Linear plus (n−1, 0), in the order (0,1), (1,2), ..., (n−1, 0) as PennyLane's ring.
    case ring
    /// Every pair i < j.
    case full
  }
  /// The two-qubit gate of the entangling layer.
  public enum Entangler: String, Sendable, Codable, CaseIterable { case cz, cx }

  /// The layout family.
  public var layout: Layout
  /// Number of layers, at least 1.
  public var layers: Int
  /// Entangled pairs per layer.
  public var pairs: Pairs
  /// Entangling gate (`realAmplitudes` and `efficientSU2` use cx, as Qiskit does, unless set).
  public var entangler: Entangler

  /// An ansatz (defaults: hardware-efficient, 3 layers, ring of cz).
  public init(layout: Layout = .hardwareEfficient, layers: Int = 3, pairs: Pairs = .ring, entangler: Entangler = .cz) {
    self.layout = layout
    self.layers = layers
    self.pairs = pairs
    self.entangler = entangler
  }

  /// Rotation layers (each on every qubit) and their gates.
  private var rotationsPerBlock: [GateKind] {
    switch layout {
    case .hardwareEfficient, .efficientSU2: return [.ry, .rz]
    case .realAmplitudes: return [.ry]
    }
  }

  /// Number of trainable weights on `qubits` qubits.
  public func weightCount(qubits n: Int) -> Int {
    let blocks = layout == .hardwareEfficient ? layers : layers + 1
    return blocks * rotationsPerBlock.count * n
  }

  /// The entangled pairs on `n` qubits, in order.
  public func pairList(qubits n: Int) -> [(Int, Int)] {
    guard n >= 2 else { return [] }
    switch pairs {
    case .linear: return (0..<(n - 1)).map { ($0, $0 + 1) }
    case .ring: return n == 2 ? [(0, 1)] : (0..<n).map { ($0, ($0 + 1) % n) }
    case .full: return (0..<n).flatMap { i in ((i + 1)..<n).map { (i, $0) } }
    }
  }

  /// Checks the settings.
  /// - Throws: `ModelError.invalidHyperparameter`.
  public func validate() throws {
    guard layers >= 1 else { throw ModelError.invalidHyperparameter("ansatz layers must be at least 1, got \(layers)") }
  }

  /// Appends layer `layer` (0-based) to `c`, creating weight symbols `w<k>` from `offset`.
  /// For `realAmplitudes`/`efficientSU2`, layer 0 also holds the initial rotation block.
  func appendLayer(_ layer: Int, to c: inout Circuit, qubits n: Int, offset: inout Int) {
    func rotationBlock() {
      for kind in rotationsPerBlock {
        for q in 0..<n {
          let w = c.symbol("w\(offset)")
          offset += 1
          c.append(kind, q, parameters: [w])
        }
      }
    }
    func entangle() {
      for (a, b) in pairList(qubits: n) { c.append(entangler == .cz ? .cz : .cx, a, b) }
    }
    switch layout {
    case .hardwareEfficient:
      rotationBlock()
      entangle()
    case .realAmplitudes, .efficientSU2:
      if layer == 0 { rotationBlock() }
      entangle()
      rotationBlock()
    }
  }

  /// A short description for reports.
  public var describe: String {
    "\(layout.rawValue), \(layers) layer(s), \(pairs.rawValue) \(entangler.rawValue)"
  }
}
