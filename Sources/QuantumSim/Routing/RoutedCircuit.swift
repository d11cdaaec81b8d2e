/// A circuit rewritten for a device: on physical qubits, with swaps inserted so every
/// two-qubit gate acts on a coupled pair.
///
/// Layouts map logical qubit l to physical qubit `layout[l]`. The routed circuit computes the
/// original circuit's state with logical qubit l found on physical qubit `finalLayout[l]`; the
/// other physical qubits end in |0> (swaps only move them). Measurements are rewritten to the
/// physical qubit holding the logical one at that point, into the same classical bit.
public struct RoutedCircuit: Sendable {
  /// The routed circuit on the map's physical qubits (three-qubit gates already decomposed).
  public let circuit: Circuit
  /// Where each logical qubit starts.
  public let initialLayout: [Int]
  /// Where each logical qubit ends after the inserted swaps.
  public let finalLayout: [Int]
  /// Number of `swap` gates inserted.
  public let swapsInserted: Int

  /// Native two-qubit gates the routed circuit costs (swap = 3 cx, rzz = 2, …).
  public var nativeTwoQubitGates: Int { circuit.nativeTwoQubitGateCount }
  /// Depth and gate counts of the routed circuit (swaps count as one gate each here).
  public var statistics: CircuitStatistics { circuit.statistics }
}
