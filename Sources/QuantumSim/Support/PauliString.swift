/// A Pauli string such as "ZIXY" as bit masks: P|j> = i^yCount · (-1)^popcount(j & zMask) |j ^ xMask>
/// (Y = iXZ). As in Qiskit, the rightmost character acts on qubit 0.
public struct PauliString: Sendable, Equatable {
  /// Qubits with X or Y.
  public let xMask: Int
  /// Qubits with Z or Y.
  public let zMask: Int
  /// Number of Y factors.
  public let yCount: Int

  /// Parses `text` for `qubits` qubits. Characters: I, X, Y, Z (either case).
  /// - Throws: `SimulationError.invalidRequest` on a wrong length or character.
  public init(_ text: String, qubits: Int) throws {
    let chars = Array(text.uppercased())
    guard chars.count == qubits else {
      throw SimulationError.invalidRequest("Pauli string '\(text)' has \(chars.count) characters for \(qubits) qubits")
    }
    var x = 0, z = 0, y = 0
    for (pos, c) in chars.enumerated() {
      let q = qubits - 1 - pos
      switch c {
      case "I": break
      case "X": x |= 1 << q
      case "Y": x |= 1 << q; z |= 1 << q; y += 1
      case "Z": z |= 1 << q
      default: throw SimulationError.invalidRequest("Pauli string '\(text)' has '\(c)'; use I, X, Y or Z")
      }
    }
    xMask = x; zMask = z; yCount = y
  }
}
