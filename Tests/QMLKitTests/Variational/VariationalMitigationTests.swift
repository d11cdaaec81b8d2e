@testable import QMLKit
import QuantumSim
import Testing

/// Readout mitigation of variational readouts (Z and parity values).
@Suite struct VariationalMitigationTests {
  static let ansatz = Ansatz(layout: .hardwareEfficient, layers: 2, pairs: .linear)

  static func circuit(_ readout: Readout) throws -> VariationalCircuit {
    try VariationalCircuit(encoding: AngleEncoding(), features: 3, ansatz: ansatz, readout: readout)
  }

  static func rows(_ c: VariationalCircuit) throws -> (bindings: [[Double]], weights: [Double]) {
    var rng = SeededGenerator(seed: 12)
    let x = try (0..<5).map { _ in try c.encoded.bindings((0..<3).map { _ in rng.nextUnit() * .pi }) }
    return (x, (0..<c.weightCount).map { _ in rng.nextUnit() * 2 * .pi })
  }

  static func outputs(_ c: VariationalCircuit, _ backend: QuantumBackend, mitigated: Bool, shots: Int? = nil) throws -> [Double] {
    var clf = VariationalClassifier(encoding: AngleEncoding(), ansatz: Self.ansatz, readout: c.readout, backend: backend, seed: 5)
    clf.mitigation = ErrorMitigation(readout: mitigated)
    var e = VariationalEvaluator(model: c, outputs: 1, backend: backend, method: .parameterShift, loss: .squared, threads: 1,
                                 counter: ExecutionCounter())
    e.readoutGain = try clf.readoutGain(c)
    let (x, w) = try rows(c)
    return try e.outputs(x, weights: w, seed: 3).map { $0[0] }
  }

  @Test(arguments: [Readout.z(0), .parity([0, 1, 2])])
  func exactReadoutMitigationRecoversTheValueWithoutReadoutError(readout: Readout) throws {
    let c = try Self.circuit(readout)
    let gates = NoiseModel.Parameters(depolarizing: 0.01, depolarizing2: 0.03)
    var withReadout = gates
    withReadout.readout = 0.06
    let reference = try Self.outputs(c, .noisy(try NoiseModel(parameters: gates), shots: nil), mitigated: false)
    let noisy = try NoiseModel(parameters: withReadout)
    let plain = try Self.outputs(c, .noisy(noisy, shots: nil), mitigated: false)
    let mitigated = try Self.outputs(c, .noisy(noisy, shots: nil), mitigated: true)
    #expect(zip(mitigated, reference).map { abs($0 - $1) }.max()! < 1e-12)
    #expect(zip(plain, reference).map { abs($0 - $1) }.max()! > 0.01)
  }

  @Test func sampledReadoutMitigationMovesTowardTheValueWithoutReadoutError() throws {
    let c = try Self.circuit(.parity([0, 1, 2]))
    let gates = NoiseModel.Parameters(depolarizing: 0.002)
    var withReadout = gates
    withReadout.readout = 0.08
    let reference = try Self.outputs(c, .noisy(try NoiseModel(parameters: gates), shots: nil), mitigated: false)
    let noisy = try NoiseModel(parameters: withReadout)
    func error(_ v: [Double]) -> Double { zip(v, reference).map { abs($0 - $1) }.reduce(0, +) }
    let plain = try Self.outputs(c, .noisy(noisy, shots: 20000), mitigated: false)
    let mitigated = try Self.outputs(c, .noisy(noisy, shots: 20000), mitigated: true)
    #expect(error(mitigated) < error(plain), "mitigated \(error(mitigated)), plain \(error(plain))")
    #expect(mitigated.allSatisfy { abs($0) <= 1 })
  }
}
