import QuantumSim

// Parameter-shift readouts and gradients on top of `ParameterShiftSweep`: the exact readouts of
// one sample come from a single sweep; the counts and the shot sampling are those of running
// every circuit on its own, in the same order (unshifted, then +π/2 and −π/2 per trainable gate),
// so the random stream is consumed exactly as by separate runs.

extension VariationalEvaluator {
  /// Readout and its gradient by parameter shift on the backend; `grad` receives
  /// `scale · ∂s/∂w` at `gradOffset`. Counts 1 + 2T circuit executions (T trainable gates).
  func shifted(
    _ b: [Double], sweep: inout ParameterShiftSweep, scale: Double, grad: inout [Double], gradOffset: Int,
    rng: inout SeededGenerator
  ) throws -> Double {
    let t = model.trainableGates.count
    try sweep.run(b, withShifts: true)
    let shots = backend.shotsPerCircuit
    counter.record(executions: 1 + 2 * t, shotsEach: shots ?? 0)
    let value = sample(sweep.exact[0], shots: shots, rng: &rng)
    for (slot, k) in model.trainableGates.enumerated() {
      let plus = sample(sweep.exact[1 + 2 * slot], shots: shots, rng: &rng)
      let minus = sample(sweep.exact[2 + 2 * slot], shots: shots, rng: &rng)
      let dTheta = (plus - minus) / 2 * scale
      for (w, d) in model.dependencies[k] { grad[gradOffset + w] += dTheta * (d.constantValue ?? d.evaluate(b)) }
    }
    return value
  }

  /// The readout for bindings `b` (no gradient) on the backend, sampled when it has shots.
  /// Counts one execution.
  func sampledReadout(_ b: [Double], sweep: inout ParameterShiftSweep, rng: inout SeededGenerator) throws -> Double {
    try sweep.run(b, withShifts: false)
    let shots = backend.shotsPerCircuit
    counter.record(executions: 1, shotsEach: shots ?? 0)
    return sample(sweep.exact[0], shots: shots, rng: &rng)
  }

  /// The exact value, or its estimate from `shots`; readout-mitigated when `readoutGain` is set
  /// (the symmetric tensored inverse of the assignment matrices on a Z or parity value, clipped).
  @inline(__always)
  private func sample(_ exact: Double, shots: Int?, rng: inout SeededGenerator) -> Double {
    var v = shots.map { estimateExpectation(exact, shots: $0, using: &rng) } ?? exact
    if let g = readoutGain { v = min(max(v / g, -1), 1) }
    return v
  }
}
