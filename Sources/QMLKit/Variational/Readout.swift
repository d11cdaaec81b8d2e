/// How a circuit's output becomes a class score: the expectation of Z on one qubit, or of
/// the parity Z⊗Z⊗... over several qubits. Either lies in [−1, 1].
public enum Readout: Sendable, Equatable {
  /// ⟨Z_q⟩.
  case z(Int)
  /// ⟨Z_{q1} Z_{q2} ...⟩.
  case parity([Int])

  /// The measured qubits.
  public var qubits: [Int] {
    switch self {
    case .z(let q): return [q]
    case .parity(let qs): return qs
    }
  }

  /// Bit mask of the measured qubits.
  var mask: Int { qubits.reduce(0) { $0 | (1 << $1) } }

  /// A short label ("Z0", "parity(0,1)").
  public var label: String {
    switch self {
    case .z(let q): return "Z\(q)"
    case .parity(let qs): return "parity(\(qs.map(String.init).joined(separator: ",")))"
    }
  }
}
