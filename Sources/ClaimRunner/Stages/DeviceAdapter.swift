import ClaimSpec
import QuantumSim

/// A device profile read as the simulator needs it: a coupling map, a noise description and prices.
struct DeviceAdapter {
  let profile: DeviceProfile

  init(_ profile: DeviceProfile) { self.profile = profile }

  /// The device's coupling map, or nil for all-to-all devices and devices smaller than the circuit.
  func couplingMap(minimumQubits: Int) -> CouplingMap? {
    if profile.coupling.kind == .allToAll { return nil }
    guard profile.coupling.qubits >= minimumQubits else { return nil }
    return try? CouplingMap(qubits: profile.coupling.qubits, edges: profile.coupling.edges().map { ($0.a, $0.b) })
  }

  /// The compiler for the profile's native gates and coupling map, or nil for the ideal profile
  /// (any gate, all-to-all) and for gate sets qlift cannot target.
  var compiler: NativeCompiler? {
    guard let set = NativeGateSet(names: profile.nativeGates), set != .any else { return nil }
    if profile.coupling.kind == .allToAll { return NativeCompiler(gates: set, coupling: nil) }
    guard let map = try? CouplingMap(qubits: profile.coupling.qubits, edges: profile.coupling.edges().map { ($0.a, $0.b) })
    else { return nil }
    return NativeCompiler(gates: set, coupling: map)
  }

  /// The noise figures as `NoiseModel.Parameters`, as Qiskit Aer builds device models: thermal
  /// relaxation from T1, min(T2, 2·T1) and the gate times, then depolarizing for the rest of each
  /// reported gate error (`gateError*` subtracts the relaxation part; a figure of kind
  /// `depolarizing` is the channel's parameter as is, relaxation on top), then readout error; Z
  /// rotations are noiseless (and instantaneous) where the profile says they are virtual; idle
  /// qubits relax over each compiled circuit's ASAP schedule. Without the four timing
  /// figures the gate errors are plain depolarizing parameters.
  var noiseParameters: NoiseModel.Parameters {
    var p = NoiseModel.Parameters()
    if let t1 = profile.t1Us, let t2 = profile.t2Us, let g1 = profile.gateTime1qNs, let g2 = profile.gateTime2qNs {
      p.t1 = t1 / 1e6
      p.t2 = min(t2, 2 * t1) / 1e6
      p.gateTime1q = g1 / 1e9
      p.gateTime2q = g2 / 1e9
      if profile.error1q > 0 {
        if profile.error1qKind == .total { p.gateError1q = profile.error1q } else { p.depolarizing = profile.error1q }
      }
      if profile.error2q > 0 {
        if profile.error2qKind == .total { p.gateError2q = profile.error2q } else { p.depolarizing2 = profile.error2q }
      } else if p.depolarizing != nil {
        p.depolarizing2 = 0  // no two-qubit error: keep the one-qubit parameter off two-qubit gates
      }
      p.idleRelaxation = true
    } else {
      if profile.error1q > 0 { p.depolarizing = profile.error1q }
      if profile.error2q > 0 { p.depolarizing2 = profile.error2q }
    }
    if profile.readoutError > 0 { p.readout = profile.readoutError }
    if hasVirtualZ { p.noiselessGates = NoiseModel.virtualZGates }
    return p
  }

  /// The device's noise model: built from the medians (`noiseParameters`), or, when the profile
  /// gives per-qubit or per-edge figures, from `calibration` (each gate uses the figures of the
  /// physical qubits and coupler it acts on; kernels localize it to the compiled circuit's region).
  func noiseModel() throws -> NoiseModel {
    guard let c = calibration else { return try NoiseModel(parameters: noiseParameters) }
    return try NoiseModel(calibration: c)
  }

  /// The per-qubit and per-coupler figures in seconds, nil for a median-only profile. Qubit pairs
  /// without a coupler (which only logical, uncompiled circuits use: variational models) get the
  /// medians.
  var calibration: DeviceCalibration? {
    let p = profile, cal = p.calibration
    guard !cal.isEmpty else { return nil }
    let n = p.coupling.qubits
    var pairs = p.coupling.edges().map { QubitCoupler($0.a, $0.b) }
    let coupled = Set(pairs)
    for a in 0..<n { for b in (a + 1)..<max(n, a + 1) where !coupled.contains(QubitCoupler(a, b)) { pairs.append(QubitCoupler(a, b)) } }
    let timed = p.t1Us != nil && p.t2Us != nil && p.gateTime1qNs != nil && p.gateTime2qNs != nil
    var c = DeviceCalibration(
      qubits: n, couplers: pairs, t1: timed ? p.t1Us! / 1e6 : nil, t2: timed ? min(p.t2Us!, 2 * p.t1Us!) / 1e6 : nil,
      gateTime1q: timed ? p.gateTime1qNs! / 1e9 : nil, gateTime2q: timed ? p.gateTime2qNs! / 1e9 : nil,
      error1q: p.error1q, error2q: p.error2q, readout: p.readoutError)
    c.error1qIsTotal = p.error1qKind == .total
    c.error2qIsTotal = p.error2qKind == .total
    func qubits(_ key: String, _ scale: Double) -> [Int: Double] { (cal.byQubit[key] ?? [:]).mapValues { $0 * scale } }
    func edges(_ key: String, _ scale: Double) -> [QubitCoupler: Double] {
      var out: [QubitCoupler: Double] = [:]
      for (e, v) in cal.byEdge[key] ?? [:] { out[QubitCoupler(e.a, e.b)] = v * scale }
      return out
    }
    if timed {
      c.t1ByQubit = qubits("t1_us", 1e-6)
      c.t2ByQubit = qubits("t2_us", 1e-6)
      c.gateTime1qByQubit = qubits("gate_time_1q_ns", 1e-9)
      c.gateTime2qByCoupler = edges("gate_time_2q_ns", 1e-9)
    }
    c.error1qByQubit = qubits("error_1q", 1)
    c.readoutByQubit = qubits("readout_error", 1)
    c.error2qByCoupler = edges("error_2q", 1)
    if hasVirtualZ { c.noiselessGates = NoiseModel.virtualZGates }
    return c
  }

  /// True when Z rotations are frame changes in software (virtual Z, the profile's `virtual_z`,
  /// by default whether it lists `rz` as native), so diagonal single-qubit gates get no gate noise.
  var hasVirtualZ: Bool { profile.virtualZ }

  /// The gate durations in seconds (virtual Z instantaneous), nil without both gate times.
  var durations: GateDurations? {
    guard let g1 = profile.gateTime1qNs, let g2 = profile.gateTime2qNs else { return nil }
    return GateDurations(oneQubit: g1 / 1e9, twoQubit: g2 / 1e9, instantaneous: hasVirtualZ ? NoiseModel.virtualZGates : [])
  }

  /// The gate durations a circuit compiled onto `region` (local qubit l on physical region[l])
  /// runs with: the medians, overridden by the region's per-qubit and per-edge gate times.
  func durations(region: [Int]) -> GateDurations? {
    guard var d = durations else { return nil }
    let local = Dictionary(uniqueKeysWithValues: region.enumerated().map { ($1, $0) })
    for (q, t) in profile.calibration.byQubit["gate_time_1q_ns"] ?? [:] {
      if let l = local[q] { d.oneQubitByQubit[l] = t / 1e9 }
    }
    for (e, t) in profile.calibration.byEdge["gate_time_2q_ns"] ?? [:] {
      if let a = local[e.a], let b = local[e.b] { d.twoQubitByPair[QubitCoupler(a, b)] = t / 1e9 }
    }
    return d
  }

  /// QPU seconds of `executions` circuits of `shots` shots in all, each `length` seconds long
  /// on the schedule: shots × (length + repetition delay) + executions × job overhead (0 where
  /// unknown); nil without a repetition delay.
  func qpuSeconds(scheduleLength length: Double, executions: Double, shots: Double) -> Double? {
    guard let rep = profile.repetitionDelayUs else { return nil }
    return shots * (length + rep / 1e6) + executions * (profile.jobOverheadSeconds ?? 0)
  }

  var pricePerTask: Double { profile.pricePerTaskUSD ?? 0 }
  var pricePerShot: Double { profile.pricePerShotUSD ?? 0 }
  var queueSeconds: Double { profile.queueSeconds ?? 0 }
}
