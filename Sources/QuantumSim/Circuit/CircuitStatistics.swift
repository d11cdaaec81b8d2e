/// Size figures of a circuit: what it costs to run, before any routing.
public struct CircuitStatistics: Sendable, Equatable, Codable {
  /// Number of qubits.
  public var qubits: Int
  /// Depth: the longest chain of gates that share a qubit (barriers and measurements excluded).
  public var depth: Int
  /// Number of single-qubit gates (identities excluded).
  public var oneQubitGates: Int
  /// Number of gates on two or more qubits.
  public var twoQubitGates: Int
  /// Count per gate name.
  public var gateCounts: [String: Int]

  /// Total number of gates.
  public var totalGates: Int { oneQubitGates + twoQubitGates }
}

extension Circuit {
  /// Qubits, depth, one- and two-qubit gate counts and counts per gate name.
  public var statistics: CircuitStatistics {
    var level = [Int](repeating: 0, count: qubitCount)
    var one = 0, two = 0
    var counts: [String: Int] = [:]
    for g in gates where g.kind != .id {
      let d = (g.qubits.map { level[$0] }.max() ?? 0) + 1
      for q in g.qubits { level[q] = d }
      if g.qubits.count == 1 { one += 1 } else { two += 1 }
      counts[g.label ?? g.kind.rawValue, default: 0] += 1
    }
    return CircuitStatistics(
      qubits: qubitCount, depth: level.max() ?? 0, oneQubitGates: one, twoQubitGates: two, gateCounts: counts)
  }
}
