import Foundation

/// Errors a simulation request can fail with, each with a message a user can act on.
public enum SimulationError: Error, Equatable, CustomStringConvertible {
  /// The state would not fit in memory.
  case insufficientMemory(qubits: Int, bytesNeeded: Double, bytesAvailable: Double, what: String)
  /// A symbol had no value at evaluation.
  case unboundSymbol(String)
  /// The binding array had the wrong length.
  case bindingCount(expected: Int, got: Int)
  /// A request that makes no sense (e.g. negative shots).
  case invalidRequest(String)

  public var description: String {
    switch self {
    case .insufficientMemory(let q, let need, let have, let what):
      return "a \(q)-qubit \(what) needs \(formatBytes(need)) but only \(formatBytes(have)) of memory is available"
    case .unboundSymbol(let s): return "symbol '\(s)' has no value"
    case .bindingCount(let e, let g): return "expected \(e) parameter value(s), got \(g)"
    case .invalidRequest(let m): return m
    }
  }
}

/// Human-readable byte count (KiB, MiB, GiB, ...).
public func formatBytes(_ b: Double) -> String {
  let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
  var v = b, u = 0
  while v >= 1024 && u < units.count - 1 { v /= 1024; u += 1 }
  if u >= units.count - 1 && v >= 1024 { return String(format: "%.3g B", b) }
  return u == 0 ? "\(Int(v)) B" : String(format: "%.1f", v) + " " + units[u]
}
