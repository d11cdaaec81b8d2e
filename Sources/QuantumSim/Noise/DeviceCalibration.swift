/// A device's noise figures per physical qubit and per coupler, with the medians that stand in
/// for qubits and couplers without their own (Qiskit Aer's `NoiseModel.from_backend` reads each
/// gate's own properties the same way). Times in seconds.
public struct DeviceCalibration: Sendable, Equatable {
  /// Physical qubits (0..<qubits).
  public var qubits: Int
  /// The couplers two-qubit gates may act on.
  public var couplers: [QubitCoupler]
  /// Median T1, T2 (already at most 2·T1) and gate times; nil: no thermal relaxation.
  public var t1: Double?, t2: Double?, gateTime1q: Double?, gateTime2q: Double?
  /// Median gate errors and readout error.
  public var error1q: Double, error2q: Double, readout: Double
  /// True when a gate error is the vendor's total error (the thermal part is subtracted), false
  /// when it is the depolarizing parameter itself.
  public var error1qIsTotal = true, error2qIsTotal = true
  /// Per-qubit figures, overriding the medians.
  public var t1ByQubit: [Int: Double] = [:], t2ByQubit: [Int: Double] = [:], gateTime1qByQubit: [Int: Double] = [:]
  public var error1qByQubit: [Int: Double] = [:], readoutByQubit: [Int: Double] = [:]
  /// Per-coupler figures, overriding the medians.
  public var gateTime2qByCoupler: [QubitCoupler: Double] = [:], error2qByCoupler: [QubitCoupler: Double] = [:]
  /// Gates with no noise and no duration (virtual Z).
  public var noiselessGates: Set<GateKind> = []

  /// Figures with the given medians and no per-qubit overrides.
  public init(
    qubits: Int, couplers: [QubitCoupler], t1: Double?, t2: Double?, gateTime1q: Double?, gateTime2q: Double?,
    error1q: Double, error2q: Double, readout: Double
  ) {
    self.qubits = qubits; self.couplers = couplers; self.t1 = t1; self.t2 = t2
    self.gateTime1q = gateTime1q; self.gateTime2q = gateTime2q
    self.error1q = error1q; self.error2q = error2q; self.readout = readout
  }
}

extension NoiseModel {
  /// The device model of per-qubit and per-coupler figures, channel for channel what
  /// `init(parameters:)` builds from medians (depolarizing then thermal relaxation after each
  /// gate, idle relaxation over the ASAP schedule, readout error), with each gate's own figures:
  /// a one-qubit gate on q uses q's T1, T2, gate time and error; a two-qubit gate on coupler
  /// (a, b) relaxes a and b over that coupler's gate time and depolarizes with its error,
  /// corrected for the relaxation of both qubits (process fidelities multiply).
  /// - Throws: `NoiseError` for figures out of range.
  public init(calibration c: DeviceCalibration) throws {
    self.init()
    let oneQubit = GateKind.allCases.filter { $0.arity == 1 && !c.noiselessGates.contains($0) }
    let twoQubit = GateKind.allCases.filter { $0.arity == 2 && !c.noiselessGates.contains($0) }
    let timed = c.t1 != nil && c.t2 != nil && c.gateTime1q != nil && c.gateTime2q != nil
    func t1(_ q: Int) -> Double { c.t1ByQubit[q] ?? c.t1! }
    func t2(_ q: Int) -> Double { min(c.t2ByQubit[q] ?? c.t2!, 2 * t1(q)) }
    func g2(_ e: QubitCoupler) -> Double { c.gateTime2qByCoupler[e] ?? c.gateTime2q! }
    var relax1: [Int: KrausChannel] = [:]
    if timed {
      for q in 0..<c.qubits {
        relax1[q] = try KrausChannel.thermalRelaxation(t1: t1(q), t2: t2(q), gateTime: c.gateTimeByQubit(q))
      }
    }
    for q in 0..<c.qubits {
      let e = c.error1qByQubit[q] ?? c.error1q
      guard e > 0 else { continue }
      let p = timed && c.error1qIsTotal
        ? try Self._deviceDepolarizing(error: e, qubits: 1, relaxation: relax1[q]) : e
      if p > 0 { try add(try KrausChannel.depolarizing(p), after: oneQubit, on: [q]) }
    }
    var relax2: [(QubitCoupler, KrausChannel, KrausChannel)] = []
    for edge in c.couplers {
      var fidelity: Double? = nil
      if timed {
        let ra = try KrausChannel.thermalRelaxation(t1: t1(edge.a), t2: t2(edge.a), gateTime: g2(edge))
        let rb = try KrausChannel.thermalRelaxation(t1: t1(edge.b), t2: t2(edge.b), gateTime: g2(edge))
        relax2.append((edge, ra, rb))
        // Process fidelities of a tensor product multiply; F_pro = (3F − 1)/2 for one qubit.
        let fpro = (3 * ra.averageGateFidelity - 1) / 2 * (3 * rb.averageGateFidelity - 1) / 2
        fidelity = (4 * fpro + 1) / 5
      }
      let e = c.error2qByCoupler[edge] ?? c.error2q
      guard e > 0 else { continue }
      var p = e
      if let fidelity, c.error2qIsTotal {
        try KrausChannel._checkUnit(e, "gate_error", "a gate error")
        let r = 1 - fidelity
        p = e > r ? min(4 * (min(e, 0.8) - r) / (4 * fidelity - 1), 1) : 0
      }
      if p > 0 { try add(try KrausChannel.depolarizing2(p), after: twoQubit, on: [edge.a, edge.b]) }
    }
    for q in 0..<c.qubits { if let r = relax1[q] { try add(r, after: oneQubit, on: [q]) } }
    for (edge, ra, rb) in relax2 {
      try add(ra, after: twoQubit, onCoupler: edge, qubits: [edge.a])
      try add(rb, after: twoQubit, onCoupler: edge, qubits: [edge.b])
    }
    if timed {
      var byQubit: [Int: Double] = [:], byPair: [QubitCoupler: Double] = [:]
      var t1s: [Int: Double] = [:], t2s: [Int: Double] = [:]
      for q in 0..<c.qubits { byQubit[q] = c.gateTimeByQubit(q); t1s[q] = t1(q); t2s[q] = t2(q) }
      for e in c.couplers { byPair[e] = g2(e) }
      let durations = GateDurations(
        oneQubit: c.gateTime1q!, twoQubit: c.gateTime2q!, instantaneous: c.noiselessGates,
        oneQubitByQubit: byQubit, twoQubitByPair: byPair)
      setIdleRelaxation(try IdleRelaxation(
        durations: durations, t1: c.t1!, t2: min(c.t2!, 2 * c.t1!), t1ByQubit: t1s, t2ByQubit: t2s))
    }
    for q in 0..<c.qubits {
      let r = c.readoutByQubit[q] ?? c.readout
      if r > 0 { setReadout(try ReadoutError(r), on: [q]) }
    }
  }

  /// The model as seen by a circuit on `region` (physical qubits, local qubit l on region[l]):
  /// per-qubit and per-coupler channels, readout errors and idle figures of the region's qubits,
  /// relabelled 0..<region.count; channels on qubits outside it are dropped.
  public func localized(to region: [Int]) -> NoiseModel {
    let local = Dictionary(uniqueKeysWithValues: region.enumerated().map { ($1, $0) })
    var out = NoiseModel()
    for a in attachments {
      var qubits: Set<Int>? = nil
      if let set = a.qubits {
        let mapped = set.compactMap { local[$0] }
        guard mapped.count == set.count else { continue }
        qubits = Set(mapped)
      }
      var coupler: QubitCoupler? = nil
      if let c = a.coupler {
        guard let x = local[c.a], let y = local[c.b] else { continue }
        coupler = QubitCoupler(x, y)
      }
      out.attachments.append(Attachment(channel: a.channel, gates: a.gates, qubits: qubits, coupler: coupler))
    }
    out.defaultReadout = defaultReadout
    for (q, e) in readoutByQubit { if let l = local[q] { out.readoutByQubit[l] = e } }
    if var idle = idleRelaxation {
      func remap<V>(_ m: [Int: V]) -> [Int: V] {
        var r: [Int: V] = [:]
        for (q, v) in m { if let l = local[q] { r[l] = v } }
        return r
      }
      idle.t1ByQubit = remap(idle.t1ByQubit)
      idle.t2ByQubit = remap(idle.t2ByQubit)
      idle.durations.oneQubitByQubit = remap(idle.durations.oneQubitByQubit)
      var pairs: [QubitCoupler: Double] = [:]
      for (p, v) in idle.durations.twoQubitByPair {
        if let x = local[p.a], let y = local[p.b] { pairs[QubitCoupler(x, y)] = v }
      }
      idle.durations.twoQubitByPair = pairs
      out.idleRelaxation = idle
    }
    return out
  }
}

extension DeviceCalibration {
  /// The one-qubit gate time of qubit q.
  func gateTimeByQubit(_ q: Int) -> Double { gateTime1qByQubit[q] ?? gateTime1q ?? 0 }

  /// True when some qubit or coupler has its own figure.
  public var hasOverrides: Bool {
    !(t1ByQubit.isEmpty && t2ByQubit.isEmpty && gateTime1qByQubit.isEmpty && error1qByQubit.isEmpty
      && readoutByQubit.isEmpty && gateTime2qByCoupler.isEmpty && error2qByCoupler.isEmpty)
  }
}
