import Foundation

extension NoiseModel {
  /// The keys `init(specification:)` accepts.
  public static let specificationKeys = [
    "depolarizing", "depolarizing2", "amplitude_damping", "phase_damping", "bit_flip", "phase_flip",
    "readout", "t1", "t2", "gate_time_1q", "gate_time_2q", "gate_error_1q", "gate_error_2q",
  ]

  /// Parses a compact noise description such as `depolarizing=0.001,depolarizing2=0.01,readout=0.02`
  /// (the `--noise` option of `qlift simulate`).
  ///
  /// Keys (each at most once; spaces around `,` and `=` are ignored; an empty string or `none`
  /// gives the ideal model):
  /// - `depolarizing=p`: `KrausChannel.depolarizing(p)` after every single-qubit gate.
  /// - `depolarizing2=p`: `KrausChannel.depolarizing2(p)` after every two-qubit gate. When only
  ///   `depolarizing` is given, two-qubit gates get `depolarizing2` with the same p; when only
  ///   `depolarizing2` is given, single-qubit gates get no depolarizing noise.
  /// - `amplitude_damping=γ`, `phase_damping=λ`, `bit_flip=p`, `phase_flip=p`: that one-qubit
  ///   channel after every gate, on each qubit the gate touches.
  /// - `t1`, `t2`, `gate_time_1q`, `gate_time_2q`: thermal relaxation
  ///   (`KrausChannel.thermalRelaxation`) on each qubit a gate touches, for the gate's duration.
  ///   Times are numbers in any one unit, or carry a suffix `s`, `ms`, `us`, `ns` (e.g. `t1=100us`).
  ///   `t1` and `t2` come together with at least one gate time; a class of gates without a gate
  ///   time does not relax.
  /// - `gate_error_1q=e`, `gate_error_2q=e`: a device's reported average gate error (1 − average
  ///   gate fidelity), turned into a depolarizing channel as Qiskit Aer's device models do: with
  ///   thermal relaxation r = 1 − F_relax for that gate class, p = d(e − r)/(d·F_relax − 1),
  ///   d = 2^n (e is capped at d/(d + 1); no depolarizing when e ≤ r; p is capped at 1). Cannot be
  ///   combined with `depolarizing` (1q) or `depolarizing2` (2q) for the same gates.
  /// - `readout=p`: symmetric assignment error p(1|0) = p(0|1) = p on every qubit.
  /// Channels are attached in this order: depolarizing, thermal relaxation, amplitude damping,
  /// phase damping, bit flip, phase flip.
  ///
  /// - Throws: `NoiseError` naming the key and value: unknown key (with the closest known key),
  ///   duplicate key, missing `=`, a value that is not a number, or out of its range.
  public init(specification: String) throws {
    self.init()
    let text = specification.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.isEmpty || text.lowercased() == "none" || text.lowercased() == "ideal" { return }
    var values: [String: Double] = [:]
    var raw: [String: String] = [:]
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      let entry = item.trimmingCharacters(in: .whitespaces)
      guard !entry.isEmpty else {
        throw NoiseError(value: specification, reason: "empty entry in the noise specification (stray ',')")
      }
      let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2 else {
        throw NoiseError(key: entry, reason: "expected key=value")
      }
      let key = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
      let valueText = parts[1].trimmingCharacters(in: .whitespaces)
      guard Self.specificationKeys.contains(key) else {
        var reason = "unknown key; known keys: \(Self.specificationKeys.joined(separator: ", "))"
        if let near = _closest(key, Self.specificationKeys) { reason = "unknown key, did you mean '\(near)'?" }
        throw NoiseError(key: key, value: valueText, reason: reason)
      }
      guard values[key] == nil else {
        throw NoiseError(key: key, value: valueText, reason: "given more than once")
      }
      let isTime = ["t1", "t2", "gate_time_1q", "gate_time_2q"].contains(key)
      guard let v = isTime ? _parseTime(valueText) : Double(valueText), !v.isNaN else {
        throw NoiseError(
          key: key, value: valueText,
          reason: isTime ? "expected a time (a number, optionally with s, ms, us or ns)" : "expected a number")
      }
      values[key] = v
      raw[key] = valueText
    }

    func wrap<T>(_ key: String, _ body: () throws -> T) throws -> T {
      do { return try body() } catch let e as NoiseError {
        throw NoiseError(key: key, value: raw[key], reason: e.reason)
      }
    }
    let oneQubit = GateKind.allCases.filter { $0.arity == 1 }
    let twoQubit = GateKind.allCases.filter { $0.arity == 2 }

    // Thermal relaxation per gate class (computed first: device gate errors subtract it).
    var relax1: KrausChannel? = nil, relax2: KrausChannel? = nil
    let timeKeys = ["t1", "t2", "gate_time_1q", "gate_time_2q"].filter { values[$0] != nil }
    if !timeKeys.isEmpty {
      guard let t1 = values["t1"] else {
        throw NoiseError(key: timeKeys[0], value: raw[timeKeys[0]], reason: "thermal relaxation needs t1 (and t2)")
      }
      guard let t2 = values["t2"] else {
        throw NoiseError(key: "t1", value: raw["t1"], reason: "t1 needs t2 as well (thermal relaxation)")
      }
      guard values["gate_time_1q"] != nil || values["gate_time_2q"] != nil else {
        throw NoiseError(key: "t1", value: raw["t1"], reason: "thermal relaxation needs gate_time_1q and/or gate_time_2q")
      }
      for timeKey in ["gate_time_1q", "gate_time_2q"] {
        guard let t = values[timeKey] else { continue }
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
    where values[errorKey] != nil && values[plainKey] != nil {
      throw NoiseError(
        key: errorKey, value: raw[errorKey], reason: "give either \(errorKey) or \(plainKey), not both")
    }
    if let e = values["gate_error_1q"] {
      let p = try wrap("gate_error_1q") { try Self._deviceDepolarizing(error: e, qubits: 1, relaxation: relax1) }
      if p > 0 { try add(try KrausChannel.depolarizing(p), after: oneQubit) }
    } else if let p = values["depolarizing"] {
      try add(try wrap("depolarizing") { try KrausChannel.depolarizing(p) }, after: oneQubit)
    }
    if let e = values["gate_error_2q"] {
      let fid1 = relax2?.averageGateFidelity
      let p = try wrap("gate_error_2q") { try Self._deviceDepolarizing(error: e, qubits: 2, relaxationFidelity1q: fid1) }
      if p > 0 { try add(try KrausChannel.depolarizing2(p), after: twoQubit) }
    } else if let p2 = values["depolarizing2"] ?? values["depolarizing"] {
      let key = values["depolarizing2"] != nil ? "depolarizing2" : "depolarizing"
      try add(try wrap(key) { try KrausChannel.depolarizing2(p2) }, after: twoQubit)
    }
    if let relax1 { try add(relax1, after: oneQubit) }
    if let relax2 { try add(relax2, after: twoQubit) }

    if let g = values["amplitude_damping"] {
      try add(try wrap("amplitude_damping") { try KrausChannel.amplitudeDamping(gamma: g) })
    }
    if let l = values["phase_damping"] {
      try add(try wrap("phase_damping") { try KrausChannel.phaseDamping(lambda: l) })
    }
    if let p = values["bit_flip"] { try add(try wrap("bit_flip") { try KrausChannel.bitFlip(p) }) }
    if let p = values["phase_flip"] { try add(try wrap("phase_flip") { try KrausChannel.phaseFlip(p) }) }
    if let p = values["readout"] { setReadout(try wrap("readout") { try ReadoutError(p) }) }
  }
}

extension NoiseModel {
  /// Aer's `_device_depolarizing_error` parameter for a reported gate error `error` on `qubits`
  /// qubits, given the relaxation channel of one qubit (applied to each qubit of the gate).
  static func _deviceDepolarizing(error: Double, qubits: Int, relaxation: KrausChannel? = nil) throws -> Double {
    try _deviceDepolarizing(error: error, qubits: qubits, relaxationFidelity1q: relaxation?.averageGateFidelity)
  }

  static func _deviceDepolarizing(error: Double, qubits: Int, relaxationFidelity1q f1: Double?) throws -> Double {
    try KrausChannel._checkUnit(error, "gate_error", "a gate error")
    let d = Double(1 << qubits)
    // Relaxation acts on each qubit, and process fidelities multiply over a tensor product.
    var relaxFid = 1.0
    if let f1 {
      let fpro1 = (3 * f1 - 1) / 2  // invert F = (2 F_pro + 1)/3
      let fpro = pow(fpro1, Double(qubits))
      relaxFid = (d * fpro + 1) / (d + 1)
    }
    let relaxInfid = 1 - relaxFid
    guard error > relaxInfid else { return 0 }
    let e = min(error, d / (d + 1))
    let p = d * (e - relaxInfid) / (d * relaxFid - 1)
    return min(p, 1)
  }
}

/// A time value with an optional unit suffix, in seconds when a suffix is given.
private func _parseTime(_ text: String) -> Double? {
  // Divide by the exact per-second count, so 100us is the double nearest 1e-4.
  let units: [(String, Double)] = [("ns", 1e9), ("us", 1e6), ("µs", 1e6), ("ms", 1e3), ("s", 1)]
  for (suffix, perSecond) in units where text.hasSuffix(suffix) {
    guard let v = Double(text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)) else { return nil }
    return v / perSecond
  }
  return Double(text)
}

/// The candidate within edit distance 3 of `word`, if any (for "did you mean").
func _closest(_ word: String, _ candidates: [String]) -> String? {
  func distance(_ a: [Character], _ b: [Character]) -> Int {
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var prev = row[0]
      row[0] = i
      for j in 1...max(b.count, 1) where !b.isEmpty {
        let cur = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
        prev = cur
      }
    }
    return row[b.count]
  }
  let w = Array(word)
  let best = candidates.map { ($0, distance(w, Array($0))) }.min { $0.1 < $1.1 }
  guard let best, best.1 <= 3 else { return nil }
  return best.0
}
