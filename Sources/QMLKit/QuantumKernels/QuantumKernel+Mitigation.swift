import QuantumSim

extension QuantumKernel {
  /// The assignment errors readout mitigation inverts: the noise model's own on qubits 0..<n
  /// for exact estimates; with shots, each qubit's p(1|0) and p(0|1) estimated from the shots of
  /// the two calibration circuits (|0…0⟩ and |1…1⟩), seeded by the kernel's seed alone so the
  /// train and test matrices of one seed share one calibration (it is billed once per seed).
  /// - Throws: `NoiseError` for a calibrated flip probability out of range (cannot happen for
  ///   estimates in [0, 1]).
  func readoutCalibration(_ noise: NoiseModel, qubits n: Int) throws -> NoiseModel {
    guard let shots = backend.shotsPerCircuit else { return noise }
    var rng = SeededGenerator(seed: seed ^ 0xCA1B_0A7E)
    var model = NoiseModel()
    for q in 0..<n {
      let e = noise.readoutError(on: q)
      let a = Double(sampleBinomial(trials: shots, probability: e?.p1Given0 ?? 0, using: &rng)) / Double(shots)
      let b = Double(sampleBinomial(trials: shots, probability: e?.p0Given1 ?? 0, using: &rng)) / Double(shots)
      model.setReadout(try ReadoutError(p1Given0: a, p0Given1: b), on: [q])
    }
    return model
  }

  /// `forward` folded to `scale` (odd): forward, then (backward, forward) (scale − 1)/2 times,
  /// where `backward` is forward's inverse (unitary folding of one half of a kernel circuit, so
  /// the 2N method still applies: every gate runs `scale` times, the operation is unchanged).
  static func folded(_ forward: Circuit, _ backward: Circuit, scale: Int) -> Circuit {
    var out = forward
    for _ in 0..<((scale - 1) / 2) {
      out.append(backward)
      out.append(forward)
    }
    return out
  }

  /// Frequencies of `shots` draws from the distribution `p` (clamped, renormalised).
  static func sampleFrequencies(_ p: [Double], shots: Int, using rng: inout SeededGenerator) -> [Double] {
    var cumulative: [Double] = []
    cumulative.reserveCapacity(p.count)
    var total = 0.0
    for x in p { total += max(x, 0); cumulative.append(total) }
    var counts = [Double](repeating: 0, count: p.count)
    guard total > 0 else { return counts }
    for _ in 0..<shots {
      let u = rng.nextUnit() * total
      var lo = 0, hi = p.count - 1
      while lo < hi {
        let mid = (lo + hi) / 2
        if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
      }
      counts[lo] += 1
    }
    return counts.map { $0 / Double(shots) }
  }

  /// Richardson extrapolation to zero noise of one estimate per scale, clipped to [low, high].
  static func extrapolated(_ values: [Double], scales: [Int], low: Double, high: Double) -> Double {
    guard values.count > 1 else { return values[0] }
    let v = ZeroNoiseExtrapolation.extrapolate(scales: scales.map(Double.init), values: values)
    return min(max(v, low), high)
  }
}
