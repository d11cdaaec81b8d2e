import Foundation
import QuantumSim
import Testing

@testable import QMLKit

/// Readouts and parameter-shift gradients of a variational circuit on the ideal, shot and plain
/// noisy backends, pinned bit for bit (values recorded before device backends compiled
/// variational circuits; those backends must not move when the device path changes).
@Suite struct VariationalBackendPinTests {
  static func model() throws -> VariationalCircuit {
    try VariationalCircuit(
      encoding: PauliFeatureMap.zz(reps: 1), features: 3,
      ansatz: Ansatz(layout: .efficientSU2, layers: 1, pairs: .full, entangler: .cx), readout: .parity([0, 2]))
  }

  static func backends() throws -> [QuantumBackend] {
    var noise = NoiseModel()
    try noise.add(.depolarizing(0.02))
    try noise.add(.depolarizing2(0.04), after: [.cx, .cz])
    try noise.add(.amplitudeDamping(gamma: 0.03), on: [1])
    noise.setReadout(try ReadoutError(p1Given0: 0.03, p0Given1: 0.05))
    return [.ideal, .shots(500), .noisy(noise, shots: nil), .noisy(noise, shots: 300)]
  }

  /// Loss, first two gradient entries and first output, as bit patterns, per backend.
  static func fingerprint(_ backend: QuantumBackend) throws -> [UInt64] {
    let m = try model()
    var rng = SeededGenerator(seed: 31)
    let xs = try (0..<3).map { _ in try m.encoded.bindings((0..<3).map { _ in rng.nextUnit() * .pi }) }
    let w = (0..<m.weightCount).map { _ in rng.nextGaussian() }
    let ev = VariationalEvaluator(
      model: m, outputs: 1, backend: backend, method: .parameterShift, loss: .crossEntropy, threads: 2, counter: ExecutionCounter())
    let r = try ev.lossAndGradient(xs, targets: [[1], [-1], [1]], weights: w, withGradient: true, seed: 5)
    return [r.loss, r.gradient[0], r.gradient[1], r.outputs[0][0]].map(\.bitPattern)
  }

  static let pinned: [[UInt64]] = [
    [4604466662128800767, 4593720761715335612, 13792150240784083684, 4593808017105617779],  // ideal
    [4604386458093593792, 4593257337202137524, 4582129457889401942, 4595653203753948936],  // shots=500
    [4604545302541644148, 4586038567921199206, 4563771757852754922, 4584419512953463000],  // noisy
    [4604481642856373715, 4588898523842245429, 13808606193941388767, 4593971859893063952],  // noisy,shots=300
  ]

  @Test("ideal, shot and noisy backends give the pinned values bit for bit", arguments: 0..<4)
  func pinned(backend: Int) throws {
    let b = try Self.backends()[backend]
    let f = try Self.fingerprint(b)
    #expect(f == Self.pinned[backend], "\(b.label)")
  }
}
