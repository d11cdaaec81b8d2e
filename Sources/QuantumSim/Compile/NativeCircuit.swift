/// A circuit compiled for a device: native gates on a connected region of the coupling map.
///
/// Qubit i of `circuit` is physical qubit `region[i]` of the device. Logical qubit l starts on
/// local qubit `initialLayout[l]` and ends on `finalLayout[l]` (routing swaps move it).
public struct NativeCircuit: Sendable {
  /// The native circuit on the region's qubits (no symbols).
  public let circuit: Circuit
  /// The device's physical qubits used, in local order.
  public let region: [Int]
  /// Where each logical qubit starts (local indices).
  public let initialLayout: [Int]
  /// Where each logical qubit ends (local indices).
  public let finalLayout: [Int]
  /// Swaps the router inserted (each compiled into three native two-qubit gates, or fewer after merging).
  public let swapsInserted: Int

  /// Depth and gate counts of the native circuit (virtual Z gates included).
  public var statistics: CircuitStatistics { circuit.statistics }

  /// Native two-qubit gates.
  public var twoQubitGates: Int { circuit.gates.filter { $0.qubits.count == 2 }.count }

  /// Depth counting only pulses: gates that are not virtual Z rotations (`rz`).
  public var pulseDepth: Int {
    var level = [Int](repeating: 0, count: circuit.qubitCount)
    for g in circuit.gates where g.kind != .rz && g.kind != .id {
      let d = (g.qubits.map { level[$0] }.max() ?? 0) + 1
      for q in g.qubits { level[q] = d }
    }
    return level.max() ?? 0
  }
}
