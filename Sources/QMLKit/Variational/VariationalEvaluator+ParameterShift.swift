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
  ) -> Double {
    let t = model.trainableGates.count
    sweep.run(b, withShifts: true)
    let shots = backend.shotsPerCircuit
    counter.record(executions: 1 + 2 * t, shotsEach: shots ?? 0)
    let value = Self.sample(sweep.exact[0], shots: shots, rng: &rng)
    for (slot, k) in model.trainableGates.enumerated() {
      let plus = Self.sample(sweep.exact[1 + 2 * slot], shots: shots, rng: &rng)
      let minus = Self.sample(sweep.exact[2 + 2 * slot], shots: shots, rng: &rng)
      let dTheta = (plus - minus) / 2 * scale
      for (w, d) in model.dependencies[k] { grad[gradOffset + w] += dTheta * (d.constantValue ?? d.evaluate(b)) }
    }
    return value
  }

  /// The readout for bindings `b` (no gradient) on the backend, sampled when it has shots.
  /// Counts one execution.
  func sampledReadout(_ b: [Double], sweep: inout ParameterShiftSweep, rng: inout SeededGenerator) -> Double {
    sweep.run(b, withShifts: false)
    let shots = backend.shotsPerCircuit
    counter.record(executions: 1, shotsEach: shots ?? 0)
    return Self.sample(sweep.exact[0], shots: shots, rng: &rng)
  }

  @inline(__always)
  private static func sample(_ exact: Double, shots: Int?, rng: inout SeededGenerator) -> Double {
    guard let shots else { return exact }
    return estimateExpectation(exact, shots: shots, using: &rng)
  }
}
