import QuantumSim

/// The circuit of a data re-uploading classifier (Pérez-Salinas, Cervera-Lierta, Gil-Fuster and
/// Latorre 2020, "Data re-uploading for a universal quantum classifier", Quantum 4, 226).
///
/// Every layer uploads the whole input x to every qubit through general rotations whose angles are
/// trainable affine maps of the data, φ = w ⊙ x + θ: the features are taken three at a time
/// (zero-padded), and each triple drives one rotation ry(φ₀) · rz(φ₁) · ry(φ₂) (Euler angles YZY,
/// a general SU(2) rotation up to phase). A padded slot carries only its bias θ. Between layers an
/// optional chain of cz or cx gates (0,1), (1,2), ... entangles the qubits.
///
/// Symbols: x0 ... x(d−1), then per layer, qubit, rotation and angle the pair (w, θ) (θ alone
/// for a padded slot).
public struct ReuploadingLayout: Sendable, Equatable {
  /// The gate between layers.
  public enum Entangler: String, Sendable, Codable, CaseIterable { case cz, cx, none }

  /// Qubits, at least 1.
  public var qubits: Int
  /// Uploads (layers), at least 1.
  public var layers: Int
  /// Entangling chain between layers.
  public var entangler: Entangler

  /// A layout (defaults: one qubit, three layers, cz chain).
  public init(qubits: Int = 1, layers: Int = 3, entangler: Entangler = .cz) {
    self.qubits = qubits; self.layers = layers; self.entangler = entangler
  }

  /// Rotations per qubit and layer for `features` inputs.
  public static func rotations(features d: Int) -> Int { max(1, (d + 2) / 3) }

  /// Checks the settings.
  /// - Throws: `ModelError.invalidHyperparameter`.
  public func validate(features: Int) throws {
    guard qubits >= 1, qubits <= 30 else { throw ModelError.invalidHyperparameter("qubits must lie in 1...30, got \(qubits)") }
    guard layers >= 1 else { throw ModelError.invalidHyperparameter("layers must be at least 1, got \(layers)") }
    guard features >= 1 else { throw ModelError.invalidHyperparameter("a re-uploading model needs at least one feature") }
  }

  /// The variational circuit for `features` inputs and a readout.
  public func circuit(features d: Int, readout: Readout) throws -> VariationalCircuit {
    try validate(features: d)
    var c = Circuit(qubits: qubits)
    let x = (0..<d).map { c.symbol("x\($0)") }
    var k = 0
    func weight() -> Angle {
      defer { k += 1 }
      return c.symbol("w\(k)")
    }
    let kinds: [GateKind] = [.ry, .rz, .ry]
    for layer in 0..<layers {
      for q in 0..<qubits {
        for r in 0..<Self.rotations(features: d) {
          for (j, kind) in kinds.enumerated() {
            let f = 3 * r + j
            let angle = f < d ? weight() * x[f] + weight() : weight()
            c.append(kind, q, parameters: [angle])
          }
        }
      }
      if layer < layers - 1, entangler != .none, qubits >= 2 {
        for q in 0..<(qubits - 1) { c.append(entangler == .cz ? .cz : .cx, q, q + 1) }
      }
    }
    return try VariationalCircuit(circuit: c, encoded: try uploadShare(features: d), weightOffset: d, readout: readout)
  }

  /// The data-loading share: one upload of x with unit weights and no bias (its depth and gates).
  func uploadShare(features d: Int) throws -> EncodedCircuit {
    var c = Circuit(qubits: qubits)
    let x = (0..<d).map { c.symbol("x\($0)") }
    let kinds: [GateKind] = [.ry, .rz, .ry]
    for q in 0..<qubits {
      for f in 0..<d { c.append(kinds[f % 3], q, parameters: [x[f]]) }
    }
    return EncodedCircuit(circuit: c, featureCount: d)
  }

  /// The mean of weight `index`'s initial value: 1 for a data weight w (so training starts from
  /// the plain upload of x), 0 for a bias θ.
  public func initialMean(_ index: Int, features d: Int) -> Double {
    // Per rotation: data slots take (w, θ), padded slots θ only.
    var slots: [Double] = []
    for r in 0..<Self.rotations(features: d) {
      for j in 0..<3 { slots += 3 * r + j < d ? [1, 0] : [0] }
    }
    return slots[index % slots.count]
  }

  /// A short description for reports.
  public var describe: String {
    "data re-uploading, \(qubits) qubit(s), \(layers) layer(s) of ry·rz·ry(w ⊙ x + θ)"
      + (qubits >= 2 && entangler != .none ? ", \(entangler.rawValue) chain between layers" : "")
  }
}
