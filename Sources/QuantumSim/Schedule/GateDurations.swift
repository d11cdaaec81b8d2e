/// How long each gate takes on a device, for scheduling (seconds, or any one unit used throughout).
///
/// Single-qubit gates take `oneQubit` and two-qubit gates `twoQubit`, unless their qubit or
/// coupler has its own figure; gates in `instantaneous` (virtual Z frame changes) take no time.
public struct GateDurations: Sendable, Equatable {
  /// Duration of a single-qubit gate (pulse) without its own figure.
  public var oneQubit: Double
  /// Duration of a two-qubit gate without its own figure.
  public var twoQubit: Double
  /// Gate kinds that take no time (e.g. `NoiseModel.virtualZGates` on devices with virtual Z).
  public var instantaneous: Set<GateKind>
  /// Single-qubit gate durations by qubit, overriding `oneQubit`.
  public var oneQubitByQubit: [Int: Double]
  /// Two-qubit gate durations by coupler (either order), overriding `twoQubit`.
  public var twoQubitByPair: [QubitCoupler: Double]

  /// Durations with the given defaults and overrides.
  public init(
    oneQubit: Double, twoQubit: Double, instantaneous: Set<GateKind> = [],
    oneQubitByQubit: [Int: Double] = [:], twoQubitByPair: [QubitCoupler: Double] = [:]
  ) {
    self.oneQubit = oneQubit; self.twoQubit = twoQubit; self.instantaneous = instantaneous
    self.oneQubitByQubit = oneQubitByQubit; self.twoQubitByPair = twoQubitByPair
  }

  /// The duration of `gate` (three-qubit gates: the sum of their parts is not modelled; they
  /// are scheduled as one two-qubit gate's time and should be decomposed first).
  public func duration(of gate: Gate) -> Double {
    if instantaneous.contains(gate.kind) { return 0 }
    switch gate.qubits.count {
    case 1: return oneQubitByQubit[gate.qubits[0]] ?? oneQubit
    case 2: return twoQubitByPair[QubitCoupler(gate.qubits[0], gate.qubits[1])] ?? twoQubit
    default: return twoQubit
    }
  }
}

/// An unordered pair of qubits (a coupler), stored smaller index first.
public struct QubitCoupler: Sendable, Hashable {
  /// The smaller qubit index.
  public let a: Int
  /// The larger qubit index.
  public let b: Int
  /// The pair {x, y}.
  public init(_ x: Int, _ y: Int) { a = min(x, y); b = max(x, y) }
}
