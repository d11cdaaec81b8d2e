@testable import QMLKit
import QuantumSim
import Testing

/// Kernels on `.device` backends: compiled circuits, routing and native-gate noise.
@Suite struct DeviceKernelTests {
  static func inputs(_ n: Int, _ d: Int, seed: UInt64) -> [[Double]] {
    var rng = SeededGenerator(seed: seed)
    return (0..<n).map { _ in (0..<d).map { _ in rng.nextUnit() * .pi } }
  }

  /// Heron-like figures: T1/T2, gate times, total gate errors, readout; rz virtual.
  /// With `idle`, idle qubits also relax over the ASAP schedule (the device backends' model).
  static func heronNoise(idle: Bool = false) throws -> NoiseModel {
    var p = NoiseModel.Parameters(
      readout: 0.01, t1: 145e-6, t2: 88e-6, gateTime1q: 24e-9, gateTime2q: 84e-9,
      gateError1q: 2.3e-4, gateError2q: 3.9e-3, noiselessGates: NoiseModel.virtualZGates)
    p.idleRelaxation = idle
    return try NoiseModel(parameters: p)
  }

  @Test func noiselessDeviceKernelsEqualTheExactKernelOnEveryGateSetAndMap() throws {
    let encoding = PauliFeatureMap.zz(reps: 2, entanglement: .full, alpha: 2)
    let X = Self.inputs(5, 4, seed: 3), Y = Self.inputs(3, 4, seed: 4)
    let exact = QuantumKernel(encoding: encoding)
    let compilers = [
      NativeCompiler(gates: .czSX, coupling: .line(4)), NativeCompiler(gates: .czPRX, coupling: .grid(rows: 2, cols: 3)),
      NativeCompiler(gates: .zzGPI),
    ]
    for compiler in compilers {
      let device = QuantumKernel(encoding: encoding, backend: .device(compiler, NoiseModel(), shots: nil))
      let a = try exact.crossMatrix(Y, X), b = try device.crossMatrix(Y, X)
      #expect(zip(a.values, b.values).map { abs($0 - $1) }.max()! < 1e-9, "\(compiler.gates)")
      let pa = try QuantumKernel(encoding: encoding, kind: .projected(gamma: 0.5)).trainMatrix(X)
      let pb = try QuantumKernel(encoding: encoding, kind: .projected(gamma: 0.5), backend: .device(compiler, NoiseModel(), shots: nil))
        .trainMatrix(X)
      #expect(zip(pa.values, pb.values).map { abs($0 - $1) }.max()! < 1e-9, "projected, \(compiler.gates)")
    }
  }

  @Test(arguments: [false, true])
  func routingOnALineMakesTheSameKernelNoisierThanAllToAll(idle: Bool) throws {
    let noise = try Self.heronNoise(idle: idle)
    let encoding = PauliFeatureMap.zz(reps: 2, entanglement: .full, alpha: 2)
    let X = Self.inputs(6, 4, seed: 11)
    func kernel(_ map: CouplingMap) throws -> Matrix {
      var k = QuantumKernel(encoding: encoding, backend: .device(NativeCompiler(gates: .czSX, coupling: map), noise, shots: nil))
      k.measureDiagonal = true  // the diagonal is compared below
      return try k.trainMatrix(X)
    }
    let line = try kernel(.line(4)), all = try kernel(.allToAll(4))
    let ideal = try QuantumKernel(encoding: encoding).trainMatrix(X)
    let diagLine = (0..<6).map { line[$0, $0] }, diagAll = (0..<6).map { all[$0, $0] }
    // Every diagonal entry (1 in exact arithmetic) is lower on the line: its swaps add cz gates.
    for i in 0..<6 { #expect(diagLine[i] < diagAll[i] && diagAll[i] < 1) }
    let meanLine = diagLine.reduce(0, +) / 6, meanAll = diagAll.reduce(0, +) / 6
    #expect(meanAll - meanLine > 0.01, "all-to-all \(meanAll), line \(meanLine)")
    // And the whole kernel sits further from the ideal one.
    func distance(_ k: Matrix) -> Double { zip(k.values, ideal.values).map { abs($0 - $1) }.reduce(0, +) }
    #expect(distance(line) > distance(all))
    let swaps = try NativeCompiler(gates: .czSX, coupling: .line(4)).compile(encoding.circuit(features: 4).circuit,
      bindings: Array(repeating: 0.3, count: 4)).swapsInserted
    #expect(swaps > 0)
  }
}
