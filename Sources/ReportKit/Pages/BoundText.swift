import ClaimSpec

/// How a cost bound of the criteria reads: what it measures, whether the measured value is the
/// worst model and backend or the total over them, and its unit ("90 two-qubit gates > 60").
enum BoundText {
  /// How the measured value of a bound is aggregated over models and backends (see ClaimRunner's CostStage).
  enum Aggregate: String {
    /// The largest value over models and backends (qubits, depth, two-qubit gates).
    case worst
    /// The sum over models, backends and seeds (shots, executions, cloud cost).
    case total
    /// The whole claim's wall-clock.
    case run
  }

  /// The aggregate of bound `name`.
  static func aggregate(_ name: String) -> Aggregate {
    switch name {
    case "max_qubits", "max_depth", "max_two_qubit_gates": return .worst
    case "max_runtime_seconds": return .run
    default: return .total
    }
  }

  /// "worst model and backend", "total over models and backends", "whole run".
  static func aggregateText(_ name: String) -> String {
    switch aggregate(name) {
    case .worst: return "worst model and backend"
    case .total: return "total over models, backends and seeds"
    case .run: return "whole run"
    }
  }

  /// A bound's value in its unit: money, duration or a whole count.
  static func value(_ name: String, _ v: Double) -> String {
    switch name {
    case "max_cloud_usd": return NumberText.usd(v)
    case "max_runtime_seconds", "max_qpu_seconds": return NumberText.seconds(v)
    default: return v == v.rounded() ? NumberText.count(v) : NumberText.fixed(v)
    }
  }

  /// A measured value and its limit as a comparison: "cloud cost $114,166.50 > $1,000.00".
  static func comparison(_ b: BoundCheck) -> String {
    let op = b.held ? "\u{2264}" : ">"
    let actual = value(b.name, b.actual), limit = value(b.name, b.limit)
    switch b.name {
    case "max_qubits": return "\(actual) qubits \(op) \(limit)"
    case "max_depth": return "routed depth \(actual) \(op) \(limit)"
    case "max_two_qubit_gates": return "\(actual) two-qubit gates \(op) \(limit)"
    case "max_shots": return "\(actual) shots \(op) \(limit)"
    case "max_executions": return "\(actual) circuit executions \(op) \(limit)"
    case "max_cloud_usd": return "cloud cost \(actual) \(op) \(limit)"
    case "max_runtime_seconds": return "runtime \(actual) \(op) \(limit)"
    case "max_qpu_seconds": return "QPU time \(actual) \(op) \(limit)"
    default: return "\(b.name.replacingOccurrences(of: "_", with: " ")) \(actual) \(op) \(limit)"
    }
  }
}
