/// A measurement (assignment) error on one qubit: the chance of reading 1 when the qubit was 0,
/// and of reading 0 when it was 1, as in Qiskit's `ReadoutError([[1 − p10, p10], [p01, 1 − p01]])`.
public struct ReadoutError: Sendable, Equatable, Codable {
  /// p(read 1 | prepared 0).
  public let p1Given0: Double
  /// p(read 0 | prepared 1).
  public let p0Given1: Double

  /// An assignment error with the two flip probabilities.
  /// - Throws: `NoiseError` unless both are finite and in [0, 1].
  public init(p1Given0: Double, p0Given1: Double) throws {
    try KrausChannel._checkUnit(p1Given0, "readout p(1|0)", "readout error")
    try KrausChannel._checkUnit(p0Given1, "readout p(0|1)", "readout error")
    self.p1Given0 = p1Given0
    self.p0Given1 = p0Given1
  }

  /// A symmetric assignment error: each outcome flips with probability `p`.
  /// - Throws: `NoiseError` unless 0 ≤ p ≤ 1.
  public init(_ p: Double) throws {
    try self.init(p1Given0: p, p0Given1: p)
  }

  /// True when readout is perfect.
  public var isZero: Bool { p1Given0 == 0 && p0Given1 == 0 }
}
