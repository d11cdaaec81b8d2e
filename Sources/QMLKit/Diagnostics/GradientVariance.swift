import QuantumSim

/// The spread of gradients at random initialisation: the barren-plateau check of
/// McClean et al. 2018 ("Barren plateaus in quantum neural network training landscapes").
public struct GradientVarianceReport: Sendable, Equatable {
  /// Variance of ∂⟨O⟩/∂w_k over random initialisations, per weight k.
  public var perWeight: [Double]
  /// Mean of `perWeight`.
  public var mean: Double
  /// Number of random initialisations.
  public var samples: Int
}

/// Variance of the exact (adjoint) gradient of the readout over `samples` random weight
/// vectors drawn uniformly from [0, 2π) (seeded), at the fixed input `x`.
///
/// A variance that decays exponentially with the number of qubits signals a barren plateau:
/// the optimiser would need exponentially many shots to see a gradient.
/// - Throws: `ModelError.invalidHyperparameter` for fewer than 2 samples.
public func gradientVariance(_ model: VariationalCircuit, input x: [Double], samples: Int, seed: UInt64) throws -> GradientVarianceReport {
  guard samples >= 2 else { throw ModelError.invalidHyperparameter("gradient variance needs at least 2 samples, got \(samples)") }
  let p = model.weightCount
  let evaluator = VariationalEvaluator(
    model: model, outputs: 1, backend: .ideal, method: .adjoint, loss: .squared, threads: 1, counter: ExecutionCounter())
  var rng = SeededGenerator(seed: seed)
  var psi = try StateVector(qubits: model.circuit.qubitCount)
  var lambda = psi
  let xb = try model.encoded.bindings(x)
  var sum = [Double](repeating: 0, count: p), sumSq = sum
  for _ in 0..<samples {
    let w = (0..<p).map { _ in 2 * Double.pi * rng.nextUnit() }
    var g = [Double](repeating: 0, count: p)
    _ = evaluator.adjoint(xb + w, psi: &psi, lambda: &lambda, scale: 1, grad: &g, gradOffset: 0)
    for k in 0..<p { sum[k] += g[k]; sumSq[k] += g[k] * g[k] }
  }
  let n = Double(samples)
  let variances = (0..<p).map { k in max(0, (sumSq[k] - sum[k] * sum[k] / n) / (n - 1)) }
  return GradientVarianceReport(perWeight: variances, mean: variances.reduce(0, +) / Double(max(p, 1)), samples: samples)
}
