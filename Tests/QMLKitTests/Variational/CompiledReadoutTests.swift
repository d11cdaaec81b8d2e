import Foundation
import QuantumSim
import Testing

@testable import QMLKit

/// Variational, re-uploading and hybrid circuits on `.device` backends: compiled to native gates,
/// routed with swaps, scheduled, simulated under the device noise and read at the final layout.
@Suite struct CompiledReadoutTests {
  /// Models with ring/full entanglers (so a line routes them with swaps), a parity readout on
  /// qubits 0 and 2 and a re-uploading circuit.
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
        ansatz: Ansatz(layout: .realAmplitudes, layers: 2, pairs: .full, entangler: .cx), readout: .z(2), reuploading: true),
    ]
  }

  /// Encoding bindings of `count` random inputs and random weights for `m`.
  static func inputs(_ m: VariationalCircuit, count: Int, seed: UInt64) throws -> (xs: [[Double]], w: [Double]) {
    var rng = SeededGenerator(seed: seed)
    let xs = try (0..<count).map { _ in try m.encoded.bindings((0..<3).map { _ in rng.nextUnit() * .pi }) }
    return (xs, (0..<m.weightCount).map { _ in rng.nextGaussian() })
  }

  static func evaluator(_ m: VariationalCircuit, _ backend: QuantumBackend, method: GradientMethod = .parameterShift) -> VariationalEvaluator {
    VariationalEvaluator(
      model: m, outputs: 1, backend: backend, method: method, loss: .crossEntropy, threads: 2, counter: ExecutionCounter())
  }

  @Test("noiseless devices: the compiled readout equals the logical one on every gate set, with and without swaps",
        arguments: 0..<3)
  func noiselessCompiledEqualsLogical(model: Int) throws {
    let m = try Self.models()[model]
    let (xs, w) = try Self.inputs(m, count: 4, seed: UInt64(model) + 3)
    let logical = try Self.evaluator(m, .ideal, method: .adjoint).outputs(xs, weights: w, seed: 0)
    let compilers = [
      NativeCompiler(gates: .czSX), NativeCompiler(gates: .czPRX), NativeCompiler(gates: .zzGPI),
      NativeCompiler(gates: .czSX, coupling: .line(3)), NativeCompiler(gates: .czPRX, coupling: .line(5)),
    ]
    for compiler in compilers {
      let device = try Self.evaluator(m, .device(compiler, NoiseModel(), shots: nil)).outputs(xs, weights: w, seed: 0)
      for i in xs.indices {
        #expect(abs(device[i][0] - logical[i][0]) < 1e-10, "\(compiler.gates) \(String(describing: compiler.coupling)) sample \(i)")
      }
    }
    // On the line the readout qubit really moves: reading the logical position would be wrong.
    let native = try NativeCompiler(gates: .czSX, coupling: .line(3))
      .compile(m.shiftCircuit, bindings: xs[0] + w + Array(repeating: 0, count: m.trainableGates.count))
    #expect(native.swapsInserted > 0)
    #expect(m.readout.qubits.contains { native.finalLayout[$0] != $0 })
  }

  @Test("a line's swaps change the noisy readout relative to all-to-all coupling", arguments: 0..<3)
  func routingChangesTheNoisyReadout(model: Int) throws {
    let m = try Self.models()[model]
    let noise = try DeviceKernelTests.heronNoise(idle: true)
    let (xs, w) = try Self.inputs(m, count: 4, seed: UInt64(model) + 5)
    func outputs(_ map: CouplingMap) throws -> [Double] {
      try Self.evaluator(m, .device(NativeCompiler(gates: .czSX, coupling: map), noise, shots: nil))
        .outputs(xs, weights: w, seed: 0).map { $0[0] }
    }
    let line = try outputs(.line(3)), all = try outputs(.allToAll(3))
    let ideal = try Self.evaluator(m, .ideal, method: .adjoint).outputs(xs, weights: w, seed: 0).map { $0[0] }
    let gap = zip(line, all).map { abs($0 - $1) }.max()!
    #expect(gap > 1e-4, "line vs all-to-all: largest difference \(gap)")
    // The swaps make it noisier: further from the ideal readout in total.
    func distance(_ v: [Double]) -> Double { zip(v, ideal).map { abs($0 - $1) }.reduce(0, +) }
    #expect(distance(line) > distance(all), "line \(distance(line)), all-to-all \(distance(all))")
  }

  /// Device noise that commutes with every single-qubit rotation on the compiled gates:
  /// depolarizing after the pulses (rz virtual and noiseless), readout error, and idle
  /// relaxation over the ASAP schedule (it acts between runs of single-qubit gates, never inside
  /// one). Under it the shift rule stays exact for the compiled circuits.
  static func covariantNoise() throws -> NoiseModel {
    var m = try NoiseModel(parameters: NoiseModel.Parameters(
      depolarizing: 2e-3, depolarizing2: 2e-2, readout: 0.02, noiselessGates: NoiseModel.virtualZGates))
    m.setIdleRelaxation(try IdleRelaxation(
      durations: GateDurations(oneQubit: 24e-9, twoQubit: 84e-9, instantaneous: NoiseModel.virtualZGates), t1: 20e-6, t2: 15e-6))
    return m
  }

  /// The mean loss, its parameter-shift gradient and the largest gap to central finite differences.
  static func gradientGap(_ m: VariationalCircuit, _ backend: QuantumBackend, seed: UInt64) throws -> (gap: Double, norm: Double) {
    let ev = evaluator(m, backend)
    let (xs, w) = try inputs(m, count: 3, seed: seed)
    let targets: [[Double]] = [[1], [-1], [1]]
    let r = try ev.lossAndGradient(xs, targets: targets, weights: w, withGradient: true, seed: 0)
    let h = 1e-5
    var gap = 0.0
    for k in w.indices {
      var a = w, b = w
      a[k] += h
      b[k] -= h
      let fd = (try ev.lossAndGradient(xs, targets: targets, weights: a, withGradient: false, seed: 0).loss
        - ev.lossAndGradient(xs, targets: targets, weights: b, withGradient: false, seed: 0).loss) / (2 * h)
      gap = max(gap, abs(r.gradient[k] - fd))
    }
    return (gap, r.gradient.map { $0 * $0 }.reduce(0, +).squareRoot())
  }

  @Test("on a device the parameter-shift gradient equals central finite differences of the device loss", arguments: 0..<3)
  func deviceGradientMatchesFiniteDifferences(model: Int) throws {
    let m = try Self.models()[model]
    let line = NativeCompiler(gates: .czSX, coupling: .line(3))
    let exact = try Self.gradientGap(m, .device(line, try Self.covariantNoise(), shots: nil), seed: UInt64(model) + 17)
    #expect(exact.gap < 1e-6, "depolarizing + idle relaxation: largest gap \(exact.gap)")
    #expect(exact.norm > 1e-2)
    // Thermal relaxation on the pulses does not commute with the re-synthesized rotations: each
    // shifted circuit compiles to other Euler angles, so the device's shift rule is off by a
    // little (what the device would measure, not the derivative). Bounded, and not zero.
    let thermal = try Self.gradientGap(m, .device(line, try DeviceKernelTests.heronNoise(idle: true), shots: nil), seed: UInt64(model) + 17)
    #expect(thermal.gap < 1e-3 * thermal.norm, "T1/T2 pulses: largest gap \(thermal.gap), gradient norm \(thermal.norm)")
  }

  @Test("readout mitigation on a device inverts the assignment errors of the qubits the readout ends on", arguments: 0..<3)
  func readoutMitigationUsesTheFinalQubits(model: Int) throws {
    let m = try Self.models()[model]
    // Only readout error, different on every physical qubit of the line (symmetric, so the
    // tensored inverse is exact): mitigated device readouts must equal the logical ones.
    var noise = NoiseModel()
    for (q, e) in [0.05, 0.1, 0.2].enumerated() { noise.setReadout(try ReadoutError(e), on: [q]) }
    let backend = QuantumBackend.device(NativeCompiler(gates: .czSX, coupling: .line(3)), noise, shots: nil)
    var clf = VariationalClassifier(backend: backend)
    clf.mitigation = ErrorMitigation(readout: true)
    let gain = try #require(try clf.readoutGain(m))
    var ev = Self.evaluator(m, backend)
    ev.readoutGain = gain
    let (xs, w) = try Self.inputs(m, count: 4, seed: UInt64(model) + 23)
    let mitigated = try ev.outputs(xs, weights: w, seed: 0)
    let raw = try Self.evaluator(m, backend).outputs(xs, weights: w, seed: 0)
    let logical = try Self.evaluator(m, .ideal, method: .adjoint).outputs(xs, weights: w, seed: 0)
    for i in xs.indices {
      #expect(abs(mitigated[i][0] - logical[i][0]) < 1e-12, "sample \(i): \(mitigated[i][0]) vs \(logical[i][0])")
    }
    #expect(xs.indices.contains { abs(raw[$0][0] - logical[$0][0]) > 1e-3 }, "the readout error is felt")
  }

  @Test("the hybrid's per-qubit readouts on a noiseless line device equal the logical circuit's")
  func hybridReadsEveryQubitAtItsFinalPosition() throws {
    var rng = SeededGenerator(seed: 4)
    let x = (0..<4).map { _ in (0..<3).map { _ in 2 * rng.nextUnit() - 1 } }
    let labels = [0, 1, 2, 1]
    func loss(_ backend: QuantumBackend) throws -> Double {
      let clf = HybridClassifier(
        qubits: 3, ansatz: Ansatz(layout: .hardwareEfficient, layers: 2, pairs: .ring), backend: backend,
        gradientMethod: .parameterShift)
      let layers = try clf.layout(features: 3, classCount: 3)
      var r = SeededGenerator(seed: 9)
      let p = (0..<layers.count).map { _ in r.nextGaussian() }
      return try clf.loss(x, labels: labels, parameters: p, layers: layers, withGradient: false, seed: 1).loss
    }
    let logical = try loss(.ideal)
    let device = try loss(.device(NativeCompiler(gates: .czSX, coupling: .line(3)), NoiseModel(), shots: nil))
    #expect(abs(device - logical) < 1e-10, "device \(device), logical \(logical)")
    let noisy = try loss(.device(NativeCompiler(gates: .czSX, coupling: .line(3)), try DeviceKernelTests.heronNoise(idle: true), shots: nil))
    #expect(abs(noisy - logical) > 1e-5, "the device noise is felt")
  }
}
