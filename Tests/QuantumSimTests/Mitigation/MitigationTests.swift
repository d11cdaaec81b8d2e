import Foundation
import Testing

@testable import QuantumSim

/// Readout mitigation and zero-noise extrapolation against exact values.
@Suite struct MitigationTests {
  @Test func readoutMitigationOnAKnownAssignmentMatrixRecoversTheIdealDistributionExactly() throws {
    var noise = NoiseModel()
    noise.setReadout(try ReadoutError(p1Given0: 0.02, p0Given1: 0.07), on: [0])
    noise.setReadout(try ReadoutError(p1Given0: 0.05, p0Given1: 0.03), on: [1])
    noise.setReadout(try ReadoutError(0.04), on: [2])
    let ideal = [0.4, 0.0, 0.1, 0.05, 0.0, 0.25, 0.2, 0.0]
    let measured = noise.applyReadout(to: ideal, qubits: [0, 1, 2])
    #expect(zip(measured, ideal).map { abs($0 - $1) }.max()! > 0.01)
    let mitigated = try ReadoutMitigation.mitigate(measured, qubits: [0, 1, 2], noise: noise)
    #expect(zip(mitigated, ideal).map { abs($0 - $1) }.max()! < 1e-12)
  }

  @Test func mitigatedShotEstimatesAreClippedToADistribution() throws {
    var noise = NoiseModel()
    noise.setReadout(try ReadoutError(0.1))
    // An estimate with fewer 1s than readout error alone would give: inversion goes negative.
    let estimate = [0.95, 0.05]
    let mitigated = try ReadoutMitigation.mitigate(estimate, qubits: [0], noise: noise)
    #expect(mitigated.allSatisfy { $0 >= 0 } && abs(mitigated.reduce(0, +) - 1) < 1e-12)
    #expect(mitigated == [1, 0])
    #expect(ReadoutMitigation.projectedOntoSimplex([0.2, 0.3, 0.5]) == [0.2, 0.3, 0.5])
    let p = ReadoutMitigation.projectedOntoSimplex([0.7, 0.6, -0.3])
    #expect(abs(p[0] - 0.55) < 1e-12 && abs(p[1] - 0.45) < 1e-12 && p[2] == 0)
  }

  @Test func aSingularAssignmentMatrixIsRefused() throws {
    var noise = NoiseModel()
    noise.setReadout(try ReadoutError(0.5))
    #expect(throws: NoiseError.self) { _ = try ReadoutMitigation.mitigate([0.5, 0.5], qubits: [0], noise: noise) }
  }

  @Test func richardsonExtrapolationIsExactOnQuadratics() {
    let f = { (s: Double) in 0.8 - 0.05 * s + 0.003 * s * s }
    let s = [1.0, 3, 5]
    #expect(abs(ZeroNoiseExtrapolation.extrapolate(scales: s, values: s.map(f)) - 0.8) < 1e-12)
  }

  @Test func foldingKeepsTheOperationAndMultipliesTheGates() throws {
    var c = Circuit(qubits: 2)
    c.append(.h, 0); c.append(.cx, 0, 1); c.append(.ry, 1, parameters: [.value(0.4)])
    for scale in [1, 3, 5] {
      let folded = try ZeroNoiseExtrapolation.fold(c, scale: scale)
      #expect(folded.gates.count == 3 * scale)
      let a = try DensityMatrix(c).probabilities, b = try DensityMatrix(folded).probabilities
      #expect(zip(a, b).map { abs($0 - $1) }.max()! < 1e-12)
    }
    #expect(throws: SimulationError.self) { _ = try ZeroNoiseExtrapolation.fold(c, scale: 2) }
  }

  @Test func zneOnADepolarizingChannelExtrapolatesCloserToIdealThanTheNoisyValue() throws {
    var c = Circuit(qubits: 3)
    c.append(.ry, 0, parameters: [.value(0.5)]); c.append(.cx, 0, 1); c.append(.cx, 1, 2); c.append(.ry, 2, parameters: [.value(0.9)])
    c.append(.cx, 0, 2); c.append(.rx, 1, parameters: [.value(0.3)])
    let noise = try NoiseModel(parameters: .init(depolarizing: 0.01, depolarizing2: 0.03))
    /// P(000), which depolarizing pulls towards 1/8.
    func z0(_ circuit: Circuit, _ model: NoiseModel?) throws -> Double {
      try DensityMatrix(circuit, noise: model).probabilities[0]
    }
    let ideal = try z0(c, nil)
    let values = try ZeroNoiseExtrapolation.scales.map { try z0(try ZeroNoiseExtrapolation.fold(c, scale: $0), noise) }
    let mitigated = ZeroNoiseExtrapolation.extrapolate(scales: ZeroNoiseExtrapolation.scales.map(Double.init), values: values)
    #expect(abs(mitigated - ideal) < abs(values[0] - ideal) / 5, "ideal \(ideal), noisy \(values), mitigated \(mitigated)")
  }
}
