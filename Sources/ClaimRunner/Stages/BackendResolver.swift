import ClaimSpec
import QMLKit
import QuantumSim

/// Maps a spec backend (simulator, noise, device profile, shots) to a QMLKit backend.
enum BackendResolver {
  static func backend(for b: BackendSpec, device: DeviceProfile?) throws -> QuantumBackend {
    // A hardware backend is never simulated: its kernels come from imported counts
    // (`ModelPlan.Backend.hardware`); the value returned only carries its shot count.
    if case .hardware = b.target { return b.shotCount.map { .shots($0) } ?? .ideal }
    let noise = try noiseModel(for: b, device: device)
    if let noise, !noise.isIdeal {
      return .noisy(noise, shots: b.shotCount)
    }
    return b.shotCount.map { .shots($0) } ?? .ideal
  }

  /// The noise model of a backend: its `noise:` block, else its device profile's figures.
  static func noiseModel(for b: BackendSpec, device: DeviceProfile?) throws -> NoiseModel? {
    var parts: [String] = []
    if let n = b.noise {
      func add(_ key: String, _ v: Double?) { if let v { parts.append("\(key)=\(v)") } }
      add("depolarizing", n.depolarizing); add("depolarizing2", n.depolarizing2); add("readout", n.readout)
      add("amplitude_damping", n.amplitudeDamping); add("phase_damping", n.phaseDamping)
      if let t1 = n.t1 { parts.append("t1=\(t1)us") }
      if let t2 = n.t2 { parts.append("t2=\(t2)us") }
      if let g = n.gateTime1qNs { parts.append("gate_time_1q=\(g)ns") }
      if let g = n.gateTime2qNs { parts.append("gate_time_2q=\(g)ns") }
    } else if let d = device {
      let adapter = DeviceAdapter(d)
      let model = try NoiseModel(specification: adapter.noiseSpecification.joined(separator: ","))
      return adapter.hasVirtualZ ? model.sparing(NoiseModel.virtualZGates) : model
    } else {
      return nil
    }
    return try NoiseModel(specification: parts.joined(separator: ","))
  }
}
