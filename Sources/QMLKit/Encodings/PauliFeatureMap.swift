import QuantumSim

/// Pauli feature map with exactly the gate sequence of Qiskit's `pauli_feature_map` /
/// `PauliFeatureMap` (Havlíček et al. 2019, "Supervised learning with quantum-enhanced
/// feature spaces"); `zz` gives Qiskit's `zz_feature_map`.
///
/// Per repetition: `h` on every qubit; then for each Pauli string, for each qubit tuple of the
/// entanglement (Qiskit's order, see `Entanglement`): basis change (X: h, Y: sx), a cx chain,
/// `p(alpha · φ(x))` on the tuple's last qubit, the cx chain reversed, the basis change undone
/// (X: h, Y: sxdg). φ(x) = x_i for a one-character string and Π_k (π − x_k) over the tuple otherwise
/// (identities included, as Qiskit does). As in Qiskit,
/// a Pauli string is read right to left: its last character acts on the tuple's first qubit.
public struct PauliFeatureMap: Encoding {
  /// Pauli strings over I, X, Y, Z (Qiskit's default is ["Z", "ZZ"]).
  public var paulis: [String]
  /// Number of repetitions (Qiskit's `reps`), at least 1.
  public var reps: Int
  /// Which qubit tuples the multi-qubit strings act on.
  public var entanglement: Entanglement
  /// The rotation factor multiplying every data angle (Qiskit's default 2).
  public var alpha: Double

  /// A Pauli feature map; Qiskit's defaults are `paulis: ["Z", "ZZ"], reps: 2, entanglement: .full, alpha: 2`.
  public init(paulis: [String] = ["Z", "ZZ"], reps: Int = 2, entanglement: Entanglement = .full, alpha: Double = 2) {
    self.paulis = paulis
    self.reps = reps
    self.entanglement = entanglement
    self.alpha = alpha
  }

  /// Qiskit's `zz_feature_map`: Pauli strings Z and ZZ.
  public static func zz(reps: Int = 2, entanglement: Entanglement = .full, alpha: Double = 2) -> PauliFeatureMap {
    PauliFeatureMap(paulis: ["Z", "ZZ"], reps: reps, entanglement: entanglement, alpha: alpha)
  }

  /// Qiskit's `z_feature_map`: the single Pauli string Z (no entanglement).
  public static func z(reps: Int = 2, alpha: Double = 2) -> PauliFeatureMap {
    PauliFeatureMap(paulis: ["Z"], reps: reps, entanglement: .linear, alpha: alpha)
  }

  public var name: String { paulis == ["Z", "ZZ"] ? "zz" : paulis == ["Z"] ? "z" : "pauli" }
  public var describe: String {
    "Pauli feature map [\(paulis.joined(separator: ", "))], reps \(reps), \(entanglement.rawValue) entanglement, alpha \(formatNumber(alpha))"
  }
  public func qubits(features: Int) -> Int { features }

  public func circuit(features n: Int) throws -> EncodedCircuit {
    guard n >= 1 else { throw ModelError.invalidHyperparameter("Pauli feature map needs at least one feature") }
    guard reps >= 1 else { throw ModelError.invalidHyperparameter("reps must be at least 1, got \(reps)") }
    guard alpha.isFinite else { throw ModelError.invalidHyperparameter("alpha must be finite, got \(alpha)") }
    guard !paulis.isEmpty else { throw ModelError.invalidHyperparameter("Pauli feature map needs at least one Pauli string") }
    for p in paulis {
      guard !p.isEmpty, p.allSatisfy({ "IXYZ".contains($0) }) else {
        throw ModelError.invalidHyperparameter("Pauli string '\(p)' must be made of I, X, Y, Z")
      }
      guard p.count <= n else {
        throw ModelError.invalidHyperparameter("Pauli string '\(p)' is longer than the \(n) feature(s)")
      }
    }
    var (c, xs) = featureCircuit(qubits: n, features: n)
    for _ in 0..<reps {
      for q in 0..<n { c.append(.h, q) }
      for pauli in paulis {
        let chars = Array(pauli.reversed())  // chars[k] acts on tuple[k]
        for tuple in entanglement.tuples(qubits: n, size: chars.count) {
          appendEvolution(&c, chars: chars, tuple: tuple, xs: xs)
        }
      }
    }
    return EncodedCircuit(circuit: c, featureCount: n)
  }

  private func appendEvolution(_ c: inout Circuit, chars: [Character], tuple: [Int], xs: [Angle]) {
    let active = chars.indices.filter { chars[$0] != "I" }
    guard !active.isEmpty else { return }
    let qubits = active.map { tuple[$0] }
    for k in active {
      if chars[k] == "X" { c.append(.h, tuple[k]) }
      if chars[k] == "Y" { c.append(.sx, tuple[k]) }
    }
    for i in 0..<(qubits.count - 1) { c.append(.cx, qubits[i], qubits[i + 1]) }
    let phi: Angle
    // As in Qiskit, φ runs over the whole tuple, identities included ("IZ" on (0, 1) rotates
    // qubit 0 by alpha·(π − x_0)(π − x_1)).
    if tuple.count == 1 {
      phi = xs[tuple[0]]
    } else {
      phi = tuple.dropFirst().reduce(Double.pi - xs[tuple[0]]) { $0 * (Double.pi - xs[$1]) }
    }
    c.append(.p, qubits[qubits.count - 1], parameters: [alpha * phi])
    for i in (0..<(qubits.count - 1)).reversed() { c.append(.cx, qubits[i], qubits[i + 1]) }
    for k in active {
      if chars[k] == "X" { c.append(.h, tuple[k]) }
      if chars[k] == "Y" { c.append(.sxdg, tuple[k]) }
    }
  }
}
