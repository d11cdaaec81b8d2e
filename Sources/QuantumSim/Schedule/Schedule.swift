/// An as-soon-as-possible timeline of a circuit: every gate starts when all its qubits are free.
///
/// Barriers synchronise their qubits; measurements are taken together at the end (`length`), so
/// every qubit idles from its last gate to the end. `idleBefore[i]` lists the idle windows that
/// end when gate i starts; `idleAtEnd[q]` is qubit q's window before measurement. This is the
/// schedule Qiskit's `ASAPScheduleAnalysis` + `PadDelay` give the same gate list.
public struct Schedule: Sendable, Equatable {
  /// One qubit's idle window: the qubit and how long it waits.
  public struct Idle: Sendable, Equatable {
    /// The idle qubit.
    public let qubit: Int
    /// How long it idles.
    public let duration: Double
  }

  /// The gates in circuit order (three-qubit gates as given; decompose them first for devices).
  public let gates: [Gate]
  /// Start time of each gate.
  public let start: [Double]
  /// Duration of each gate.
  public let duration: [Double]
  /// Idle windows ending at each gate's start, on that gate's qubits.
  public let idleBefore: [[Idle]]
  /// Each qubit's idle time from its last gate to the end of the schedule.
  public let idleAtEnd: [Double]
  /// When the last gate ends (0 for a circuit without timed gates).
  public let length: Double

  /// The ASAP schedule of `circuit`'s gates under `durations`. Idle windows shorter than
  /// 1e-15 of the schedule length (rounding) are dropped.
  public init(_ circuit: Circuit, durations: GateDurations) {
    self.init(operations: circuit.operations, qubits: circuit.qubitCount, durations: durations)
  }

  /// The ASAP schedule of a list of operations on `qubits` qubits (see the type).
  public init(operations: [Operation], qubits: Int, durations: GateDurations) {
    // earliest: when a qubit may next start (barriers raise it); last: when it last finished a gate.
    var earliest = [Double](repeating: 0, count: qubits), last = earliest
    var gates: [Gate] = [], start: [Double] = [], duration: [Double] = [], idle: [[Idle]] = []
    for op in operations {
      switch op {
      case .gate(let g):
        let t0 = g.qubits.map { earliest[$0] }.max() ?? 0
        let d = durations.duration(of: g)
        idle.append(g.qubits.compactMap { q in t0 - last[q] > 0 ? Idle(qubit: q, duration: t0 - last[q]) : nil })
        for q in g.qubits { earliest[q] = t0 + d; last[q] = t0 + d }
        gates.append(g); start.append(t0); duration.append(d)
      case .barrier(let qs):
        let t = qs.map { earliest[$0] }.max() ?? 0
        for q in qs { earliest[q] = t }
      case .measure:
        break
      }
    }
    let length = last.max() ?? 0
    let tiny = length * 1e-15
    self.gates = gates; self.start = start; self.duration = duration
    self.idleBefore = idle.map { $0.filter { $0.duration > tiny } }
    self.idleAtEnd = last.map { length - $0 > tiny ? length - $0 : 0 }
    self.length = length
  }
}
