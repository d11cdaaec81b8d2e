import Dispatch
import Foundation
import QuantumSim

// Implementation goals, in order:
// 1. Exact gradients on the ideal backend: adjoint differentiation (Jones & Gacon 2020,
//    "Efficient calculation of gradients in classical simulations of variational quantum
//    algorithms"): one forward pass, one backward pass per sample.
// 2. Honest cost on shot and noisy backends: parameter shift, every circuit counted.
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

  /// Weights of output k inside the flat parameter vector.
  func slice(_ w: [Double], _ k: Int) -> [Double] {
    Array(w[(k * model.weightCount)..<((k + 1) * model.weightCount)])
  }

  // MARK: - Single evaluations

  /// The readout for bindings `b` on the backend; `shifts` (one per trainable gate) are added
  /// to the trainable gates' angles (nil: no shift).
  func readout(_ b: [Double], shifts: [Double]?, rng: inout SeededGenerator) throws -> Double {
    let exact: Double
    switch backend {
    case .ideal, .shots:
      var s = try StateVector(qubits: model.circuit.qubitCount)
      if let shifts {
        try s.apply(model.shiftCircuit, bindings: b + shifts)
      } else {
        try s.apply(model.circuit, bindings: b)
      }
      exact = model.readoutValue(s)
    case .noisy(let noise, _):
      let shiftValues = shifts ?? [Double](repeating: 0, count: model.trainableGates.count)
      let rho = try DensityMatrix(model.shiftCircuit, bindings: b + shiftValues, noise: noise)
      let qs = model.readout.qubits
      exact = model.readoutValue(marginal: noise.applyReadout(to: rho.marginal(qs), qubits: qs))
    }
    counter.record(executions: 1, shotsEach: backend.shotsPerCircuit ?? 0)
    if let n = backend.shotsPerCircuit { return estimateExpectation(exact, shots: n, using: &rng) }
    return exact
  }

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

  /// Readout and its gradient by parameter shift on the backend.
  func shifted(_ b: [Double], scale: Double, grad: inout [Double], gradOffset: Int, rng: inout SeededGenerator) throws -> Double {
    let value = try readout(b, shifts: nil, rng: &rng)
    let t = model.trainableGates.count
    var shifts = [Double](repeating: 0, count: t)
    for (slot, k) in model.trainableGates.enumerated() {
      shifts[slot] = .pi / 2
      let plus = try readout(b, shifts: shifts, rng: &rng)
      shifts[slot] = -.pi / 2
      let minus = try readout(b, shifts: shifts, rng: &rng)
      shifts[slot] = 0
      let dTheta = (plus - minus) / 2 * scale
      for (w, d) in model.dependencies[k] { grad[gradOffset + w] += dTheta * (d.constantValue ?? d.evaluate(b)) }
    }
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
    var out: [[Double]] = []
    for x in bindings {
      var row: [Double] = []
      for k in 0..<outputs {
        let b = x + slice(weights, k)
        if case .ideal = backend {
          var s = try StateVector(qubits: model.circuit.qubitCount)
          try s.apply(model.circuit, bindings: b)
          counter.record(executions: 1, shotsEach: 0)
          row.append(model.readoutValue(s))
        } else {
          row.append(try readout(b, shifts: nil, rng: &rng))
        }
      }
      out.append(row)
    }
    return out
  }

  /// Mean loss, its gradient (if `withGradient`) and the outputs, over samples with
  /// encoding bindings `xs` and per-output targets `targets[i][k]` in {−1, +1}.
  func lossAndGradient(
    _ xs: [[Double]], targets: [[Double]], weights: [Double], withGradient: Bool, seed: UInt64
  ) throws -> (loss: Double, gradient: [Double], outputs: [[Double]]) {
    let n = xs.count
    let p = weights.count
    let workers = max(1, min(threads, n))
    let lock = NSLock()
    // Per-sample results, summed afterwards in sample order, so the result does not depend on
    // the number of threads (bit-for-bit reproducible on any machine).
    nonisolated(unsafe) var sampleLoss = [Double](repeating: 0, count: n)
    nonisolated(unsafe) var sampleGrad = [[Double]](repeating: [], count: withGradient ? n : 0)
    nonisolated(unsafe) var outs = [[Double]](repeating: [], count: n)
    nonisolated(unsafe) var failure: Error?
    let slices = (0..<outputs).map { slice(weights, $0) }
    let qubits = model.circuit.qubitCount
    let pw = model.weightCount
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      do {
        var psi = try StateVector(qubits: qubits)
        var lambda = psi
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
              s = try readoutOnly(b, psi: &psi, rng: &rng)
            } else {
              for j in 0..<pw { g[j] = 0 }
              if method == .adjoint {
                s = adjoint(b, psi: &psi, lambda: &lambda, scale: 1, grad: &g, gradOffset: 0)
              } else {
                s = try shifted(b, scale: 1, grad: &g, gradOffset: 0, rng: &rng)
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
        lock.withLock {
          for (i, l, gr, row) in local {
            sampleLoss[i] = l
            outs[i] = row
            if withGradient { sampleGrad[i] = gr }
          }
        }
      } catch {
        lock.withLock { failure = error }
      }
    }
    if let failure { throw failure }
    var totalGrad = [Double](repeating: 0, count: p)
    for gr in sampleGrad { for j in 0..<p { totalGrad[j] += gr[j] } }
    return (sampleLoss.reduce(0, +) / Double(n), totalGrad, outs)
  }

  private func readoutOnly(_ b: [Double], psi: inout StateVector, rng: inout SeededGenerator) throws -> Double {
    if case .ideal = backend {
      psi.reset()
      for g in model.gates { psi.apply(g, parameters: Self.evaluate(g, b)) }
      counter.record(executions: 1, shotsEach: 0)
      return model.readoutValue(psi)
    }
    return try readout(b, shifts: nil, rng: &rng)
  }
}
