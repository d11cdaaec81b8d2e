import QuantumSim

/// The circuit of Liu & Wang's quantum circuit Born machine (2018, Fig. 1): d + 1 layers of
/// arbitrary single-qubit rotations Rz·Rx·Rz interleaved with d layers of CNOT entanglers on
/// fixed pairs. As in the paper, the first layer drops its leading Rz (it acts on |0> as a
/// phase) and the last layer its trailing Rz (it commutes with the measurement), so an n-qubit
/// machine of depth d has n·(3d + 1) angles.
public struct BornMachineAnsatz: Sendable, Equatable {
  /// Which qubit pairs the CNOT layers couple.
  public enum Pairs: String, Sendable, Equatable, CaseIterable {
    /// CNOT(i, i+1) for i = 0..<n−1.
    case line
    /// The line plus CNOT(n−1, 0) (n ≥ 3).
    case ring
  }

  /// Number of qubits (= bits of the modeled distribution).
  public let qubitCount: Int
  /// Number of entangler layers d (≥ 1).
  public let depth: Int
  /// The entangled pairs.
  public let pairs: Pairs

  /// An ansatz on `qubits` qubits with `depth` entangler layers.
  /// - Throws: `ModelError.invalidHyperparameter` for depth < 1 or qubits outside 1...12.
  public init(qubits: Int, depth: Int, pairs: Pairs = .line) throws {
    guard qubits >= 1 && qubits <= GenerativeTarget.maximumBits else {
      throw ModelError.invalidHyperparameter("a Born machine needs 1 to \(GenerativeTarget.maximumBits) qubits, got \(qubits)")
    }
    guard depth >= 1 else { throw ModelError.invalidHyperparameter("Born machine depth must be at least 1, got \(depth)") }
    self.qubitCount = qubits
    self.depth = depth
    self.pairs = pairs
  }

  /// The number of angles, n·(3d + 1).
  public var parameterCount: Int { qubitCount * (3 * depth + 1) }

  /// The entangled pairs in order.
  public var pairList: [(Int, Int)] {
    let n = qubitCount
    guard n >= 2 else { return [] }
    var out = (0..<(n - 1)).map { ($0, $0 + 1) }
    if pairs == .ring && n >= 3 { out.append((n - 1, 0)) }
    return out
  }

  /// The circuit, with symbols `t0`, `t1`, ... bound in order (no measurements).
  public var circuit: Circuit {
    var c = Circuit(qubits: qubitCount)
    var k = 0
    func rotate(_ kind: GateKind, _ q: Int) {
      let a = c.symbol("t\(k)")
      k += 1
      c.append(kind, q, parameters: [a])
    }
    for layer in 0...depth {
      for q in 0..<qubitCount {
        if layer > 0 { rotate(.rz, q) }
        rotate(.rx, q)
        if layer < depth { rotate(.rz, q) }
      }
      if layer < depth { for (a, b) in pairList { c.append(.cx, a, b) } }
    }
    return c
  }
}
