extension NoiseModel {
  /// The figures a noise model is built from, typed: what `init(specification:)` parses and what
  /// a device profile gives. Every field is optional (nil: that noise is absent). Times are in
  /// seconds (any one unit works, as long as all four use it).
  public struct Parameters: Sendable, Equatable {
    /// Depolarizing parameter after every single-qubit gate.
    public var depolarizing: Double?
    /// Two-qubit depolarizing parameter after every two-qubit gate (defaults to `depolarizing`).
    public var depolarizing2: Double?
    /// Amplitude damping γ after every gate, per qubit.
    public var amplitudeDamping: Double?
    /// Phase damping λ after every gate, per qubit.
    public var phaseDamping: Double?
    /// Bit-flip probability after every gate, per qubit.
    public var bitFlip: Double?
    /// Phase-flip probability after every gate, per qubit.
    public var phaseFlip: Double?
    /// Symmetric readout (assignment) error.
    public var readout: Double?
    /// T1 relaxation time.
    public var t1: Double?
    /// T2 dephasing time (Aer truncates it to 2·T1; callers pass the value to use).
    public var t2: Double?
    /// Single-qubit gate duration (thermal relaxation window).
    public var gateTime1q: Double?
    /// Two-qubit gate duration.
    public var gateTime2q: Double?
    /// A device's reported single-qubit gate error (total, thermal part subtracted as Aer does).
    public var gateError1q: Double?
    /// A device's reported two-qubit gate error (total).
    public var gateError2q: Double?
    /// Gate kinds that carry no gate noise at all (e.g. `NoiseModel.virtualZGates`); with
    /// `idleRelaxation` they are frame changes that take no time.
    public var noiselessGates: Set<GateKind>
    /// Relax idle qubits over each circuit's ASAP schedule (`IdleRelaxation`), from `t1`, `t2`
    /// and the gate times (a missing gate time counts as 0).
    public var idleRelaxation: Bool = false

    /// Parameters with the given figures (all absent by default).
    public init(
      depolarizing: Double? = nil, depolarizing2: Double? = nil, amplitudeDamping: Double? = nil,
      phaseDamping: Double? = nil, bitFlip: Double? = nil, phaseFlip: Double? = nil, readout: Double? = nil,
      t1: Double? = nil, t2: Double? = nil, gateTime1q: Double? = nil, gateTime2q: Double? = nil,
      gateError1q: Double? = nil, gateError2q: Double? = nil, noiselessGates: Set<GateKind> = []
    ) {
      self.depolarizing = depolarizing; self.depolarizing2 = depolarizing2
      self.amplitudeDamping = amplitudeDamping; self.phaseDamping = phaseDamping
      self.bitFlip = bitFlip; self.phaseFlip = phaseFlip; self.readout = readout
      self.t1 = t1; self.t2 = t2; self.gateTime1q = gateTime1q; self.gateTime2q = gateTime2q
      self.gateError1q = gateError1q; self.gateError2q = gateError2q; self.noiselessGates = noiselessGates
    }

    /// The figures by specification key (`t1`, `gate_error_2q`, ...), present ones only.
    var byKey: [String: Double] {
      let pairs: [(String, Double?)] = [
        ("depolarizing", depolarizing), ("depolarizing2", depolarizing2), ("amplitude_damping", amplitudeDamping),
        ("phase_damping", phaseDamping), ("bit_flip", bitFlip), ("phase_flip", phaseFlip), ("readout", readout),
        ("t1", t1), ("t2", t2), ("gate_time_1q", gateTime1q), ("gate_time_2q", gateTime2q),
        ("gate_error_1q", gateError1q), ("gate_error_2q", gateError2q),
      ]
      var out: [String: Double] = [:]
      for (k, v) in pairs { if let v { out[k] = v } }
      return out
    }
  }

  /// The model the parameters describe; see `init(specification:)` for how each figure becomes
  /// channels. Gates in `noiselessGates` get none.
  /// - Throws: `NoiseError` naming the specification key of a figure out of range or missing a partner.
  public init(parameters: Parameters) throws {
    try self.init(parameters: parameters, raw: [:])
  }

  /// Builds the model; `raw` holds the text each key was written as (for error messages).
  init(parameters: Parameters, raw given: [String: String]) throws {
    self.init()
    let v = parameters.byKey
    var raw = given
    for (k, x) in v where raw[k] == nil { raw[k] = formatNumber(x) }
    func wrap<T>(_ key: String, _ body: () throws -> T) throws -> T {
      do { return try body() } catch let e as NoiseError {
        throw NoiseError(key: key, value: raw[key], reason: e.reason)
      }
    }
    let oneQubit = GateKind.allCases.filter { $0.arity == 1 && !parameters.noiselessGates.contains($0) }
    let twoQubit = GateKind.allCases.filter { $0.arity == 2 && !parameters.noiselessGates.contains($0) }

    // nil (every gate) unless some gates are spared, so models without spared gates are unchanged.
    let every: [GateKind]? = parameters.noiselessGates.isEmpty ? nil : oneQubit + twoQubit

    // Thermal relaxation per gate class (computed first: device gate errors subtract it).
    var relax1: KrausChannel? = nil, relax2: KrausChannel? = nil
    let timeKeys = ["t1", "t2", "gate_time_1q", "gate_time_2q"].filter { v[$0] != nil }
    if !timeKeys.isEmpty {
      guard let t1 = v["t1"] else {
        throw NoiseError(key: timeKeys[0], value: raw[timeKeys[0]], reason: "thermal relaxation needs t1 (and t2)")
      }
      guard let t2 = v["t2"] else {
        throw NoiseError(key: "t1", value: raw["t1"], reason: "t1 needs t2 as well (thermal relaxation)")
      }
      guard v["gate_time_1q"] != nil || v["gate_time_2q"] != nil else {
        throw NoiseError(key: "t1", value: raw["t1"], reason: "thermal relaxation needs gate_time_1q and/or gate_time_2q")
      }
      for timeKey in ["gate_time_1q", "gate_time_2q"] {
        guard let t = v[timeKey] else { continue }
        let channel: KrausChannel
        do {
          channel = try KrausChannel.thermalRelaxation(t1: t1, t2: t2, gateTime: t)
        } catch let e as NoiseError {
          let key = e.key == "gate_time" ? timeKey : (e.key ?? timeKey)
          throw NoiseError(key: key, value: raw[key], reason: e.reason)
        }
        if timeKey == "gate_time_1q" { relax1 = channel } else { relax2 = channel }
      }
    }

    for (errorKey, plainKey) in [("gate_error_1q", "depolarizing"), ("gate_error_2q", "depolarizing2")]
    where v[errorKey] != nil && v[plainKey] != nil {
      throw NoiseError(
        key: errorKey, value: raw[errorKey], reason: "give either \(errorKey) or \(plainKey), not both")
    }
    if let e = v["gate_error_1q"] {
      let p = try wrap("gate_error_1q") { try Self._deviceDepolarizing(error: e, qubits: 1, relaxation: relax1) }
      if p > 0 { try add(try KrausChannel.depolarizing(p), after: oneQubit) }
    } else if let p = v["depolarizing"] {
      try add(try wrap("depolarizing") { try KrausChannel.depolarizing(p) }, after: oneQubit)
    }
    if let e = v["gate_error_2q"] {
      let fid1 = relax2?.averageGateFidelity
      let p = try wrap("gate_error_2q") { try Self._deviceDepolarizing(error: e, qubits: 2, relaxationFidelity1q: fid1) }
      if p > 0 { try add(try KrausChannel.depolarizing2(p), after: twoQubit) }
    } else if let p2 = v["depolarizing2"] ?? v["depolarizing"] {
      let key = v["depolarizing2"] != nil ? "depolarizing2" : "depolarizing"
      try add(try wrap(key) { try KrausChannel.depolarizing2(p2) }, after: twoQubit)
    }
    if let relax1 { try add(relax1, after: oneQubit) }
    if let relax2 { try add(relax2, after: twoQubit) }
    if parameters.idleRelaxation {
      guard let t1 = v["t1"], let t2 = v["t2"], relax1 != nil || relax2 != nil else {
        throw NoiseError(key: "t1", value: raw["t1"], reason: "idle relaxation needs t1, t2 and a gate time")
      }
      let durations = GateDurations(
        oneQubit: v["gate_time_1q"] ?? 0, twoQubit: v["gate_time_2q"] ?? 0, instantaneous: parameters.noiselessGates)
      setIdleRelaxation(try IdleRelaxation(durations: durations, t1: t1, t2: t2))
    }

    if let g = v["amplitude_damping"] {
      try add(try wrap("amplitude_damping") { try KrausChannel.amplitudeDamping(gamma: g) }, after: every)
    }
    if let l = v["phase_damping"] {
      try add(try wrap("phase_damping") { try KrausChannel.phaseDamping(lambda: l) }, after: every)
    }
    if let p = v["bit_flip"] { try add(try wrap("bit_flip") { try KrausChannel.bitFlip(p) }, after: every) }
    if let p = v["phase_flip"] { try add(try wrap("phase_flip") { try KrausChannel.phaseFlip(p) }, after: every) }
    if let p = v["readout"] { setReadout(try wrap("readout") { try ReadoutError(p) }) }
  }
}
