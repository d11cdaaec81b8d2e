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
    if b.noise == nil, let d = device, let compiler = DeviceAdapter(d).compiler, let noise {
      return .device(compiler, noise, shots: b.shotCount)
    }
    if let noise, !noise.isIdeal {
      return .noisy(noise, shots: b.shotCount)
    }
    return b.shotCount.map { .shots($0) } ?? .ideal
  }

  /// The noise model of a backend: its `noise:` block, else its device profile's figures.
  static func noiseModel(for b: BackendSpec, device: DeviceProfile?) throws -> NoiseModel? {
    if let n = b.noise {
      let p = NoiseModel.Parameters(
        depolarizing: n.depolarizing, depolarizing2: n.depolarizing2, amplitudeDamping: n.amplitudeDamping,
        phaseDamping: n.phaseDamping, readout: n.readout, t1: n.t1.map { $0 / 1e6 }, t2: n.t2.map { $0 / 1e6 },
        gateTime1q: n.gateTime1qNs.map { $0 / 1e9 }, gateTime2q: n.gateTime2qNs.map { $0 / 1e9 })
      return try NoiseModel(parameters: p)
    }
    guard let d = device else { return nil }
    return try DeviceAdapter(d).noiseModel()
  }
}
