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

  /// The noise figures as a `NoiseModel` specification, built as Qiskit Aer builds device
  /// models: thermal relaxation from T1/T2 and gate times, then depolarizing for the rest of
  /// each reported gate error (`gate_error_*` subtracts the relaxation part), then readout error.
  var noiseSpecification: [String] {
    var parts: [String] = []
    let relaxation = profile.t1Us != nil && profile.t2Us != nil && profile.gateTime1qNs != nil && profile.gateTime2qNs != nil
    if relaxation, let t1 = profile.t1Us, let t2 = profile.t2Us, let g1 = profile.gateTime1qNs, let g2 = profile.gateTime2qNs {
      parts.append(contentsOf: ["t1=\(t1)us", "t2=\(min(t2, 2 * t1))us", "gate_time_1q=\(g1)ns", "gate_time_2q=\(g2)ns"])
      if profile.error1q > 0 { parts.append("gate_error_1q=\(profile.error1q)") }
      if profile.error2q > 0 { parts.append("gate_error_2q=\(profile.error2q)") }
    } else {
      if profile.error1q > 0 { parts.append("depolarizing=\(profile.error1q)") }
      if profile.error2q > 0 { parts.append("depolarizing2=\(profile.error2q)") }
    }
    if profile.readoutError > 0 { parts.append("readout=\(profile.readoutError)") }
    return parts
  }

  /// True when Z rotations are frame changes in software (virtual Z, the profile's `virtual_z`,
  /// by default whether it lists `rz` as native), so diagonal single-qubit gates get no gate noise.
  var hasVirtualZ: Bool { profile.virtualZ }

  var pricePerTask: Double { profile.pricePerTaskUSD ?? 0 }
  var pricePerShot: Double { profile.pricePerShotUSD ?? 0 }
  var queueSeconds: Double { profile.queueSeconds ?? 0 }
}
