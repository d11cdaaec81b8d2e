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

    var parameters = Parameters()
    parameters.depolarizing = values["depolarizing"]
    parameters.depolarizing2 = values["depolarizing2"]
    parameters.amplitudeDamping = values["amplitude_damping"]
    parameters.phaseDamping = values["phase_damping"]
    parameters.bitFlip = values["bit_flip"]
    parameters.phaseFlip = values["phase_flip"]
    parameters.readout = values["readout"]
    parameters.t1 = values["t1"]
    parameters.t2 = values["t2"]
    parameters.gateTime1q = values["gate_time_1q"]
    parameters.gateTime2q = values["gate_time_2q"]
    parameters.gateError1q = values["gate_error_1q"]
    parameters.gateError2q = values["gate_error_2q"]
    try self.init(parameters: parameters, raw: raw)
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
