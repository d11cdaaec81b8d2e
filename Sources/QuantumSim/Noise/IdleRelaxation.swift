/// Thermal relaxation of qubits while they wait for others' gates: a circuit is scheduled as
/// soon as possible under `durations` (`Schedule`) and every idle window, including the wait
/// before the final measurement, gets `KrausChannel.thermalRelaxation` over its length.
///
/// This is what Qiskit Aer's `RelaxationNoisePass` does to the `delay` instructions that
/// Qiskit's `ASAPScheduleAnalysis` + `PadDelay` insert (no excited-state population).
public struct IdleRelaxation: Sendable, Equatable {
  /// Gate durations (the schedule).
  public var durations: GateDurations
  /// T1 of qubits without their own figure (same unit as the durations).
  public var t1: Double
  /// T2 of qubits without their own figure (at most 2·T1).
  public var t2: Double
  /// Per-qubit T1, overriding `t1`.
  public var t1ByQubit: [Int: Double]
  /// Per-qubit T2, overriding `t2`.
  public var t2ByQubit: [Int: Double]

  /// Idle relaxation with the given figures.
  /// - Throws: `NoiseError` when a T1 or T2 is not positive or a T2 exceeds 2·T1.
  public init(
    durations: GateDurations, t1: Double, t2: Double, t1ByQubit: [Int: Double] = [:], t2ByQubit: [Int: Double] = [:]
  ) throws {
    self.durations = durations; self.t1 = t1; self.t2 = t2; self.t1ByQubit = t1ByQubit; self.t2ByQubit = t2ByQubit
    for q in Set(t1ByQubit.keys).union(t2ByQubit.keys).union([-1]) {
      let (a, b) = times(of: q)
      _ = try KrausChannel.thermalRelaxation(t1: a, t2: b, gateTime: 0)
    }
  }

  /// T1 and T2 of qubit q.
  public func times(of q: Int) -> (t1: Double, t2: Double) { (t1ByQubit[q] ?? t1, t2ByQubit[q] ?? t2) }
}

/// One step of a noisy simulation: a gate, or a channel on some qubits.
enum NoisyStep {
  case gate(Gate)
  case channel(KrausChannel, [Int])
}

extension NoiseModel {
  /// The steps `circuit` runs as under this model with idle relaxation: the ASAP schedule's
  /// gates (three-qubit gates decomposed), each preceded by the relaxation of its qubits' idle
  /// windows and followed by its attached channels, then every qubit's wait until the end.
  /// - Throws: `NoiseError` when an idle window is not a finite duration (gate times so large
  ///   that the schedule overflows): a located input error, never a trap.
  func scheduledSteps(_ circuit: Circuit, idle: IdleRelaxation) throws -> [NoisyStep] {
    var ops: [Operation] = []
    for op in circuit.operations {
      if case .gate(let g) = op, g.kind.arity > 2 {
        ops += GateDecomposition.decompose(g).map { .gate($0) }
      } else {
        ops.append(op)
      }
    }
    let schedule = Schedule(operations: ops, qubits: circuit.qubitCount, durations: idle.durations)
    guard schedule.length.isFinite else {
      throw NoiseError(key: "gate_time", value: formatNumber(schedule.length), reason: "the circuit's schedule is not a finite duration")
    }
    var cache: [Double: [Int: KrausChannel]] = [:]
    func relax(_ q: Int, _ t: Double) throws -> NoisyStep {
      if let c = cache[t]?[q] { return .channel(c, [q]) }
      let (t1, t2) = idle.times(of: q)
      let c = try KrausChannel.thermalRelaxation(t1: t1, t2: t2, gateTime: t)
      cache[t, default: [:]][q] = c
      return .channel(c, [q])
    }
    var steps: [NoisyStep] = []
    for (i, g) in schedule.gates.enumerated() {
      for w in schedule.idleBefore[i] { steps.append(try relax(w.qubit, w.duration)) }
      steps.append(.gate(g))
      forEachChannel(after: g) { channel, qubits in steps.append(.channel(channel, qubits)) }
    }
    for (q, t) in schedule.idleAtEnd.enumerated() where t > 0 { steps.append(try relax(q, t)) }
    return steps
  }
}
