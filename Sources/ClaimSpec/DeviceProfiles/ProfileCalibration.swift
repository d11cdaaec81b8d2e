/// A profile's per-qubit and per-edge figures: a figure key given as a list (one value per
/// qubit) or a map (`median`, qubit indices or edges `"a-b"`) instead of one number. The
/// profile's scalar field then holds the median (given, or of the values); these override it
/// for their qubit or edge.
public struct ProfileCalibration: Sendable, Equatable {
  /// Per-qubit values by figure key (`t1_us`, `t2_us`, `gate_time_1q_ns`, `error_1q`, `readout_error`).
  public var byQubit: [String: [Int: Double]] = [:]
  /// Per-edge values by figure key (`error_2q`, `gate_time_2q_ns`).
  public var byEdge: [String: [QubitPair: Double]] = [:]

  /// No per-qubit or per-edge figure.
  public init() {}

  /// The keys that take one value per qubit.
  public static let perQubitKeys = ["t1_us", "t2_us", "gate_time_1q_ns", "error_1q", "readout_error"]
  /// The keys that take one value per edge.
  public static let perEdgeKeys = ["error_2q", "gate_time_2q_ns"]

  /// True when no qubit or edge has its own figure.
  public var isEmpty: Bool { byQubit.values.allSatisfy(\.isEmpty) && byEdge.values.allSatisfy(\.isEmpty) }

  /// The median of `values` (mean of the middle two for an even count); nil when empty.
  public static func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }
}
