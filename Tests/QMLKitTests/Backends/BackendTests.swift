import Foundation
import QuantumSim
import Testing

@testable import QMLKit

@Suite struct BackendTests {
  @Test("binomial sampling has the right mean and variance, and p = 0 or 1 are exact")
  func binomial() {
    var rng = SeededGenerator(seed: 8)
    let n = 50, p = 0.3, m = 4000
    let draws = (0..<m).map { _ in Double(sampleBinomial(trials: n, probability: p, using: &rng)) }
    let mean = draws.reduce(0, +) / Double(m)
    let v = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(m - 1)
    #expect(abs(mean - 15) < 5 * (10.5 / Double(m)).squareRoot())
    #expect(abs(v - 10.5) < 1.0)
    #expect(sampleBinomial(trials: 7, probability: 1, using: &rng) == 7)
    #expect(sampleBinomial(trials: 7, probability: 0, using: &rng) == 0)
  }

  @Test("counter adds executions and shots; labels name the backend")
  func counter() {
    let c = ExecutionCounter()
    c.record(executions: 3, shotsEach: 100)
    c.record(executions: 2, shotsEach: 0)
    #expect(c.circuitExecutions == 5 && c.totalShots == 300)
    #expect(QuantumBackend.shots(1024).label == "shots=1024")
    #expect(QuantumBackend.noisy(NoiseModel(), shots: nil).label == "noisy")
    #expect(throws: ModelError.self) { try QuantumBackend.shots(-1).validate() }
  }

  @Test("noisy kernel: zero noise equals the exact kernel; depolarizing lowers the diagonal")
  func noisyKernel() throws {
    var rng = SeededGenerator(seed: 2)
    let X = (0..<4).map { _ in (0..<3).map { _ in rng.nextUnit() * .pi } }
    let enc = PauliFeatureMap.zz(reps: 1, entanglement: .linear)
    let exact = try QuantumKernel(encoding: enc).trainMatrix(X)
    let quiet = QuantumKernel(encoding: enc, backend: .noisy(NoiseModel(), shots: nil))
    let K = try quiet.trainMatrix(X)
    for i in 0..<4 { for j in 0..<4 { #expect(abs(K[i, j] - exact[i, j]) < 1e-12) } }
    // The 6 pairs i < j; the diagonal is 1 and not run unless measured.
    #expect(quiet.counter.circuitExecutions == 6)
    var noise = NoiseModel()
    try noise.add(.depolarizing2(0.05), after: [.cx])
    var measured = QuantumKernel(encoding: enc, backend: .noisy(noise, shots: nil))
    measured.measureDiagonal = true
    let noisy = try measured.trainMatrix(X)
    for i in 0..<4 { #expect(noisy[i, i] < 1 - 1e-3) }
    let C = try QuantumKernel(encoding: enc, backend: .noisy(NoiseModel(), shots: nil)).crossMatrix(Array(X[0..<2]), X)
    for i in 0..<2 { for j in 0..<4 { #expect(abs(C[i, j] - exact[i, j]) < 1e-12) } }
  }
}
