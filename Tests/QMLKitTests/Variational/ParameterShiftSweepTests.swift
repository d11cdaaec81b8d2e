import Foundation
import QuantumSim
import Testing

@testable import QMLKit

/// The straightforward parameter shift (as qlift ran it before prefix reuse): every circuit
/// simulated from |0...0> on its own, the unshifted one first and then +π/2 and −π/2 per trainable
/// gate, each readout sampled in that order.
private struct ReferenceParameterShift {
  let model: VariationalCircuit
  let backend: QuantumBackend

  /// The readout of the circuit with `shifts` added to the trainable gates (nil: the plain circuit).
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
    case .noisy(let noise, _), .device(_, let noise, _):
      let values = shifts ?? [Double](repeating: 0, count: model.trainableGates.count)
      let rho = try DensityMatrix(model.shiftCircuit, bindings: b + values, noise: noise)
      let qs = model.readout.qubits
      exact = model.readoutValue(marginal: noise.applyReadout(to: rho.marginal(qs), qubits: qs))
    }
    if let n = backend.shotsPerCircuit { return estimateExpectation(exact, shots: n, using: &rng) }
    return exact
  }

  /// The readout and its gradient with respect to the model's weights.
  func valueAndGradient(_ b: [Double], rng: inout SeededGenerator) throws -> (Double, [Double]) {
    let value = try readout(b, shifts: nil, rng: &rng)
    var grad = [Double](repeating: 0, count: model.weightCount)
    var shifts = [Double](repeating: 0, count: model.trainableGates.count)
    for (slot, k) in model.trainableGates.enumerated() {
      shifts[slot] = .pi / 2
      let plus = try readout(b, shifts: shifts, rng: &rng)
      shifts[slot] = -.pi / 2
      let minus = try readout(b, shifts: shifts, rng: &rng)
      shifts[slot] = 0
      for (w, d) in model.dependencies[k] { grad[w] += (plus - minus) / 2 * d.evaluate(b) }
    }
    return (value, grad)
  }
}

@Suite struct ParameterShiftSweepTests {
  static func noise() throws -> NoiseModel {
    var m = NoiseModel()
    try m.add(.depolarizing(0.02))
    try m.add(.depolarizing2(0.04), after: [.cx, .cz])
    try m.add(.amplitudeDamping(gamma: 0.03), on: [1])
    m.setReadout(try ReadoutError(p1Given0: 0.03, p0Given1: 0.05))
    return m
  }

  static func backends() throws -> [QuantumBackend] {
    [.ideal, .shots(1000), .noisy(try noise(), shots: nil), .noisy(try noise(), shots: 500)]
  }

  /// Circuits covering every trainable generator the ansätze use, cz and cx entanglers, a
  /// parity readout and re-uploading (the encoding repeated between trainable layers).
  static func models() throws -> [VariationalCircuit] {
    [
      try VariationalCircuit(
        encoding: AngleEncoding(), features: 3,
        ansatz: Ansatz(layout: .hardwareEfficient, layers: 2, pairs: .ring, entangler: .cz), readout: .z(0)),
      try VariationalCircuit(
        encoding: PauliFeatureMap.zz(reps: 1), features: 3,
        ansatz: Ansatz(layout: .efficientSU2, layers: 2, pairs: .full, entangler: .cx), readout: .parity([0, 2])),
      try VariationalCircuit(
        encoding: PauliFeatureMap.zz(reps: 1), features: 3,
        ansatz: Ansatz(layout: .realAmplitudes, layers: 2, pairs: .linear, entangler: .cx), readout: .z(1), reuploading: true),
    ]
  }

  private func evaluator(
    _ m: VariationalCircuit, _ backend: QuantumBackend, outputs: Int = 1, method: GradientMethod = .parameterShift,
    loss: LossFunction = .squared, threads: Int = 2, counter: ExecutionCounter = ExecutionCounter()
  ) -> VariationalEvaluator {
    VariationalEvaluator(
      model: m, outputs: outputs, backend: backend, method: method, loss: loss, threads: threads, counter: counter)
  }

  private func samples(_ m: VariationalCircuit, count: Int, seed: UInt64) throws -> [[Double]] {
    var rng = SeededGenerator(seed: seed)
    return try (0..<count).map { _ in try m.encoded.bindings((0..<3).map { _ in rng.nextUnit() * .pi }) }
  }

  @Test("batched parameter shift equals separate runs of every shifted circuit (values, gradients, shots, counts)",
        arguments: 0..<3, 0..<4)
  func equalsSeparateRuns(model: Int, backend: Int) throws {
    let m = try Self.models()[model]
    let be = try Self.backends()[backend]
    let counter = ExecutionCounter()
    let ev = evaluator(m, be, counter: counter)
    let reference = ReferenceParameterShift(model: m, backend: be)
    var sweep = try ParameterShiftSweep(model: m, backend: be)
    var wrng = SeededGenerator(seed: UInt64(10 * model + backend))
    let xs = try samples(m, count: 3, seed: UInt64(model) + 7)
    for (i, x) in xs.enumerated() {
      let b = x + (0..<m.weightCount).map { _ in wrng.nextGaussian() }
      var rng = SeededGenerator(seed: UInt64(i) &+ 99), refRng = rng
      var grad = [Double](repeating: 0, count: m.weightCount)
      let value = try ev.shifted(b, sweep: &sweep, scale: 1, grad: &grad, gradOffset: 0, rng: &rng)
      let (refValue, refGrad) = try reference.valueAndGradient(b, rng: &refRng)
      // Shot estimates lie on a grid of step 2/shots: any difference in sampling would show.
      #expect(abs(value - refValue) <= 1e-12, "\(be.label) sample \(i): \(value) vs \(refValue)")
      for k in grad.indices {
        #expect(abs(grad[k] - refGrad[k]) <= 1e-12, "\(be.label) sample \(i) weight \(k): \(grad[k]) vs \(refGrad[k])")
      }
      #expect(rng.next() == refRng.next(), "the random stream is consumed as by separate runs")
      // The readout alone, from the same scratch.
      var r1 = SeededGenerator(seed: 5), r2 = r1
      #expect(abs(try ev.sampledReadout(b, sweep: &sweep, rng: &r1) - (try reference.readout(b, shifts: nil, rng: &r2))) <= 1e-12)
    }
    let perSample = 2 + 2 * m.trainableGates.count
    #expect(counter.circuitExecutions == xs.count * perSample)
    #expect(counter.totalShots == xs.count * perSample * (be.shotsPerCircuit ?? 0))
  }

  @Test("ideal backend: batched parameter shift equals the adjoint gradient, one and three outputs", arguments: 0..<3)
  func equalsAdjoint(model: Int) throws {
    let m = try Self.models()[model]
    let xs = try samples(m, count: 5, seed: 3)
    for outputs in [1, 3] {
      var rng = SeededGenerator(seed: UInt64(model * 10 + outputs))
      let w = (0..<(outputs * m.weightCount)).map { _ in rng.nextGaussian() }
      let targets = xs.indices.map { i in (0..<outputs).map { $0 == i % outputs ? 1.0 : -1.0 } }
      for loss in LossFunction.allCases {
        let adj = try evaluator(m, .ideal, outputs: outputs, method: .adjoint, loss: loss)
          .lossAndGradient(xs, targets: targets, weights: w, withGradient: true, seed: 1)
        let ps = try evaluator(m, .ideal, outputs: outputs, loss: loss)
          .lossAndGradient(xs, targets: targets, weights: w, withGradient: true, seed: 1)
        #expect(abs(adj.loss - ps.loss) < 1e-12)
        for k in w.indices { #expect(abs(adj.gradient[k] - ps.gradient[k]) < 1e-10, "\(loss) weight \(k)") }
        for i in xs.indices { for j in 0..<outputs { #expect(abs(adj.outputs[i][j] - ps.outputs[i][j]) < 1e-12) } }
      }
    }
  }

  @Test("noisy backend: the parameter-shift gradient equals central finite differences of the noisy loss", arguments: 0..<3)
  func noisyMatchesFiniteDifferences(model: Int) throws {
    let m = try Self.models()[model]
    let be = QuantumBackend.noisy(try Self.noise(), shots: nil)
    let xs = try samples(m, count: 4, seed: 11)
    let targets: [[Double]] = [[1], [-1], [1], [-1]]
    var rng = SeededGenerator(seed: UInt64(model) + 21)
    let w = (0..<m.weightCount).map { _ in rng.nextGaussian() }
    let ev = evaluator(m, be, loss: .crossEntropy)
    let r = try ev.lossAndGradient(xs, targets: targets, weights: w, withGradient: true, seed: 0)
    let h = 1e-5
    for k in w.indices {
      var a = w, b = w
      a[k] += h
      b[k] -= h
      let fd = (try ev.lossAndGradient(xs, targets: targets, weights: a, withGradient: false, seed: 0).loss
        - ev.lossAndGradient(xs, targets: targets, weights: b, withGradient: false, seed: 0).loss) / (2 * h)
      #expect(abs(r.gradient[k] - fd) < 1e-7, "weight \(k): shift \(r.gradient[k]) vs fd \(fd)")
    }
    // The noise is felt: readouts (and so the gradient above) differ from the ideal circuit's.
    let ideal = try evaluator(m, .ideal, method: .adjoint).outputs(xs, weights: w, seed: 0)
    let noisy = try ev.outputs(xs, weights: w, seed: 0)
    #expect(xs.indices.contains { abs(noisy[$0][0] - ideal[$0][0]) > 1e-3 })
  }

  @Test("shot backends: loss, gradient, outputs and counts are identical for 1 and 3 threads", arguments: [1, 3])
  func threadIndependence(backend: Int) throws {
    let be = try Self.backends()[backend]
    let m = try Self.models()[1]
    let xs = try samples(m, count: 7, seed: 4)
    let targets = xs.indices.map { i in (0..<2).map { $0 == i % 2 ? 1.0 : -1.0 } }
    var rng = SeededGenerator(seed: 8)
    let w = (0..<(2 * m.weightCount)).map { _ in rng.nextGaussian() }
    var results: [(loss: Double, gradient: [Double], outputs: [[Double]])] = []
    var counts: [(Int, Int)] = []
    for threads in [1, 3] {
      let counter = ExecutionCounter()
      let ev = evaluator(m, be, outputs: 2, loss: .hinge, threads: threads, counter: counter)
      results.append(try ev.lossAndGradient(xs, targets: targets, weights: w, withGradient: true, seed: 77))
      counts.append((counter.circuitExecutions, counter.totalShots))
    }
    #expect(results[0].loss == results[1].loss)
    #expect(results[0].gradient == results[1].gradient)
    #expect(results[0].outputs == results[1].outputs)
    #expect(results[0].gradient.contains { $0 != 0 })
    let executions = xs.count * 2 * (1 + 2 * m.trainableGates.count)
    for (e, s) in counts {
      #expect(e == executions)
      #expect(s == executions * be.shotsPerCircuit!)
    }
  }

  @Test("outputs on shot and noisy backends equal separate runs with one random stream", arguments: 1..<4)
  func outputsEqualSeparateRuns(backend: Int) throws {
    let be = try Self.backends()[backend]
    let m = try Self.models()[2]
    let xs = try samples(m, count: 4, seed: 6)
    var rng = SeededGenerator(seed: 2)
    let w = (0..<(2 * m.weightCount)).map { _ in rng.nextGaussian() }
    let counter = ExecutionCounter()
    let out = try evaluator(m, be, outputs: 2, counter: counter).outputs(xs, weights: w, seed: 13)
    let reference = ReferenceParameterShift(model: m, backend: be)
    var refRng = SeededGenerator(seed: 13)
    for (i, x) in xs.enumerated() {
      for k in 0..<2 {
        let b = x + Array(w[(k * m.weightCount)..<((k + 1) * m.weightCount)])
        #expect(abs(out[i][k] - (try reference.readout(b, shifts: nil, rng: &refRng))) <= 1e-12)
      }
    }
    #expect(counter.circuitExecutions == 2 * xs.count)
  }
}
