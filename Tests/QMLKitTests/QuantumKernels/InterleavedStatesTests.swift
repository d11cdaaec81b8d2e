import QuantumSim
import Testing

@testable import QMLKit

/// The interleaved states the BLAS path reads, against the split bank and against plain
/// gate-by-gate simulation.
@Suite struct InterleavedStatesTests {
  private func inputs(_ count: Int, _ features: Int, seed: UInt64) -> [[Double]] {
    var rng = SeededGenerator(seed: seed)
    return (0..<count).map { _ in (0..<features).map { _ in rng.nextUnit() * .pi } }
  }

  @Test(
    "interleaved rows hold the bank's amplitudes bit for bit, on 1 and 2 threads",
    arguments: [6, 10, StateBank.compiledMinimumQubits])
  func interleavedEqualsBank(qubits: Int) throws {
    let encoded = try PauliFeatureMap.zz(reps: 2, entanglement: .linear).circuit(features: qubits)
    let X = inputs(19, qubits, seed: UInt64(qubits))
    let bank = try StateBank(encoded, X, threads: 1)
    for threads in [1, 2] {
      let states = try InterleavedStates(encoded, X, threads: threads)
      #expect(states.count == X.count && states.dimension == 1 << qubits)
      var same = true
      for s in X.indices {
        for k in 0..<(1 << qubits) {
          let (re, im) = bank.amplitude(s, k)
          let row = states.rows + 2 * (s * states.dimension + k)
          same = same && row[0].bitPattern == re.bitPattern && row[1].bitPattern == im.bitPattern
        }
      }
      #expect(same, "\(qubits) qubits, \(threads) thread(s)")
    }
  }

  @Test(
    "bank states (compiled from 12 qubits) equal gate-by-gate simulation of the whole circuit to 1e-12",
    arguments: [8, 12, 13])
  func bankEqualsGateByGate(qubits: Int) throws {
    for map in [PauliFeatureMap.zz(reps: 2, entanglement: .linear), PauliFeatureMap.zz(reps: 3, entanglement: .full)] {
      let encoded = try map.circuit(features: qubits)
      let X = inputs(5, qubits, seed: 7)
      let bank = try StateBank(encoded, X, threads: 2)
      for (s, x) in X.enumerated() {
        var reference = try StateVector(qubits: qubits)
        try reference.apply(encoded.circuit, bindings: try encoded.bindings(x))
        var worst = 0.0
        for k in 0..<(1 << qubits) {
          let (re, im) = bank.amplitude(s, k)
          worst = max(worst, abs(re - reference.re[k]), abs(im - reference.im[k]))
        }
        #expect(worst < 1e-12, "\(qubits) qubits, input \(s): \(worst)")
      }
    }
  }
}
