import Foundation

/// Checks up front that a state fits in memory, so a too-large request fails
/// with a message (qubits, bytes needed, bytes available) instead of a crash.
public enum MemoryGuard {
  /// Bytes of physical memory available to this process (MemAvailable on Linux).
  public static var availableBytes: Double {
    if let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) {
      for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
        let parts = line.split(separator: " ")
        if parts.count >= 2, let kb = Double(parts[1]) { return kb * 1024 }
      }
    }
    return Double(ProcessInfo.processInfo.physicalMemory)
  }

  /// Throws `insufficientMemory` when `bytes` (for a `qubits`-qubit `what`) exceed what is available.
  public static func check(qubits: Int, bytes: Double, what: String) throws {
    let available = availableBytes
    if !(bytes.isFinite) || bytes > available * 0.9 {
      throw SimulationError.insufficientMemory(qubits: qubits, bytesNeeded: bytes, bytesAvailable: available, what: what)
    }
  }

  /// Bytes of a statevector of `qubits` qubits (two doubles per amplitude).
  public static func statevectorBytes(qubits: Int) -> Double { 16 * pow(2, Double(qubits)) }

  /// Bytes of a density matrix of `qubits` qubits.
  public static func densityMatrixBytes(qubits: Int) -> Double { 16 * pow(2, 2 * Double(qubits)) }
}
