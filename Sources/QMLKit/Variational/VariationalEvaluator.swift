import Dispatch
import Foundation
import QuantumSim

// Implementation goals, in order:
// 1. Exact gradients on the ideal backend: adjoint differentiation (Jones & Gacon 2020,
//    "Efficient calculation of gradients in classical simulations of variational quantum
//    algorithms"): one forward pass, one backward pass per sample.
// 2. Honest cost on shot and noisy backends: parameter shift, every circuit counted; the
//    shifted circuits of a sample reuse the prefix before their shifted gate
//    (`ParameterShiftSweep`), and the results equal separate runs of every circuit.
// 3. No allocation per gate: each worker keeps its own scratch states for all its samples.

/// How gradients are computed.
public enum GradientMethod: String, Sendable, Codable, CaseIterable {
  /// Adjoint differentiation on the statevector (ideal backend only).
  case adjoint
  /// Two-term parameter shift, ∂f/∂θ = [f(θ + π/2) − f(θ − π/2)] / 2, on any backend.
  case parameterShift = "parameter_shift"
}

/// Evaluates readouts, losses and gradients of one or more variational models (one per
/// one-vs-rest output) sharing a circuit layout, on a backend.
struct VariationalEvaluator: Sendable {
  let model: VariationalCircuit
  let outputs: Int
  let backend: QuantumBackend
  let method: GradientMethod
  let loss: LossFunction
  let threads: Int
  let counter: ExecutionCounter
  /// Readout mitigation of the measured Z / parity value: it is divided by this factor
  /// (Π_q (1 − p(1|0) − p(0|1)) over the readout qubits) and clipped to [−1, 1]; nil: none.
  var readoutGain: Double? = nil

  /// Weights of output k inside the flat parameter vector.
  func slice(_ w: [Double], _ k: Int) -> [Double] {
    Array(w[(k * model.weightCount)..<((k + 1) * model.weightCount)])
  }

  // MARK: - Single evaluations

  /// Readout and its gradient with respect to the model's weights by the adjoint method.
  /// `psi` and `lambda` are scratch states of the right size; `grad` receives `scale · ∂s/∂w`.
  func adjoint(_ b: [Double], psi: inout StateVector, lambda: inout StateVector, scale: Double, grad: inout [Double], gradOffset: Int) -> Double {
    psi.reset()
    let gates = model.gates
    for g in gates { psi.apply(g, parameters: Self.evaluate(g, b)) }
    let value = model.readoutValue(psi)
    lambda.assign(from: psi)
    for z in model.readoutGates { lambda.apply(z, parameters: GateParameters(repeating: 0)) }
    for k in stride(from: gates.count - 1, through: 0, by: -1) {
      if let gen = model.generators[k] {
        let term = gen.derivativeTerm(lambda: lambda, psi: psi) * scale
        for (w, d) in model.dependencies[k] {
          let dv = d.constantValue ?? d.evaluate(b)
          grad[gradOffset + w] += term * dv
        }
      }
      let inv = model.inverses[k]
      let p = Self.evaluate(inv, b)
      psi.apply(inv, parameters: p)
      lambda.apply(inv, parameters: p)
    }
    counter.record(executions: 1, shotsEach: 0)
    return value
  }

  @inline(__always)
  static func evaluate(_ g: Gate, _ b: [Double]) -> GateParameters {
    var p = GateParameters(repeating: 0)
    for (i, a) in g.parameters.enumerated() { p[i] = a.constantValue ?? a.evaluate(b) }
    return p
  }

  // MARK: - Batches

  /// Outputs s[i][k] for every sample (no gradient).
  func outputs(_ bindings: [[Double]], weights: [Double], seed: UInt64) throws -> [[Double]] {
    var rng = SeededGenerator(seed: seed)
    var psi = try StateVector(qubits: model.circuit.qubitCount)
    var sweep = try needsSweep(withGradient: false) ? ParameterShiftSweep(model: model, backend: backend) : nil
    var out: [[Double]] = []
    for x in bindings {
      var row: [Double] = []
      for k in 0..<outputs {
        row.append(try readoutOnly(x + slice(weights, k), psi: &psi, sweep: &sweep, rng: &rng))
      }
      out.append(row)
    }
    return out
  }

  /// Whether evaluations need parameter-shift scratch: gradients by parameter shift, or any
  /// readout on a shot or noisy backend.
  private func needsSweep(withGradient: Bool) -> Bool {
    if case .ideal = backend { return withGradient && method == .parameterShift }
    return true
  }

  /// Mean loss, its gradient (if `withGradient`) and the outputs, over samples with
  /// encoding bindings `xs` and per-output targets `targets[i][k]` in {−1, +1}.
  func lossAndGradient(
    _ xs: [[Double]], targets: [[Double]], weights: [Double], withGradient: Bool, seed: UInt64
  ) throws -> (loss: Double, gradient: [Double], outputs: [[Double]]) {
    let n = xs.count
    let p = weights.count
    let workers = max(1, min(threads, n))
    // Per-sample results, summed afterwards in sample order, so the result does not depend on
    // the number of threads (bit-for-bit reproducible on any machine).
    var sampleLoss = [Double](repeating: 0, count: n)
    var sampleGrad = [[Double]](repeating: [], count: withGradient ? n : 0)
    var outs = [[Double]](repeating: [], count: n)
    let slices = (0..<outputs).map { slice(weights, $0) }
    let qubits = model.circuit.qubitCount
    let pw = model.weightCount
    let needsSweep = needsSweep(withGradient: withGradient)
    // Worker w takes samples w, w + workers, ...; each keeps its own scratch states.
    let perWorker = Parallel.map(workers, workers: workers) { w in
      var psi = try StateVector(qubits: qubits)
      var lambda = psi
      var sweep = needsSweep ? try ParameterShiftSweep(model: model, backend: backend) : nil
      var g = [Double](repeating: 0, count: pw)
      var local: [(Int, Double, [Double], [Double])] = []
      var i = w
      while i < n {
        // One stream per sample: shot noise does not depend on the thread count either.
        var rng = SeededGenerator(seed: seed &+ UInt64(i) &* 0x9E37_79B9_7F4A_7C15)
        var row = [Double](repeating: 0, count: outputs)
        var grad = withGradient ? [Double](repeating: 0, count: p) : []
        var lossSum = 0.0
        for k in 0..<outputs {
          let b = xs[i] + slices[k]
          let s: Double
          if !withGradient {
            s = try readoutOnly(b, psi: &psi, sweep: &sweep, rng: &rng)
          } else {
            for j in 0..<pw { g[j] = 0 }
            if method == .adjoint {
              s = adjoint(b, psi: &psi, lambda: &lambda, scale: 1, grad: &g, gradOffset: 0)
            } else {
              s = try shifted(b, sweep: &sweep!, scale: 1, grad: &g, gradOffset: 0, rng: &rng)
            }
            let f = loss.valueAndDerivative(output: s, target: targets[i][k]).1 / Double(n)
            for j in 0..<pw { grad[k * pw + j] = f * g[j] }
          }
          row[k] = s
          lossSum += loss.valueAndDerivative(output: s, target: targets[i][k]).0
        }
        local.append((i, lossSum, grad, row))
        i += workers
      }
      return local
    }
    for outcome in perWorker {
      for (i, l, gr, row) in try outcome.get() {
        sampleLoss[i] = l
        outs[i] = row
        if withGradient { sampleGrad[i] = gr }
      }
    }
    var totalGrad = [Double](repeating: 0, count: p)
    for gr in sampleGrad { for j in 0..<p { totalGrad[j] += gr[j] } }
    return (sampleLoss.reduce(0, +) / Double(n), totalGrad, outs)
  }

  /// The readout for bindings `b`, sampled on a shot backend; `psi` is scratch for the ideal
  /// backend, `sweep` (non-nil on the others) for the rest.
  private func readoutOnly(
    _ b: [Double], psi: inout StateVector, sweep: inout ParameterShiftSweep?, rng: inout SeededGenerator
  ) throws -> Double {
    if case .ideal = backend {
      psi.reset()
      for g in model.gates { psi.apply(g, parameters: Self.evaluate(g, b)) }
      counter.record(executions: 1, shotsEach: 0)
      return model.readoutValue(psi)
    }
    return try sampledReadout(b, sweep: &sweep!, rng: &rng)
  }
}
