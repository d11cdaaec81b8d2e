import Foundation
import Testing
@testable import QuantumSim

/// The arithmetic of the statevector run's memory guard, with the available memory injected.
@Suite struct StatevectorRunMemoryTests {
  let gib = 1_073_741_824.0

  @Test("30 qubits with 1000 shots over every qubit: the state plus 8 bytes a shot and one pair an outcome")
  func thirtyQubits() throws {
    let m = StatevectorRunMemory(qubits: 30, planBytes: 1_048_576, shots: 1000, measured: Array(0..<30))
    #expect(m.stateBytes == 16 * gib)
    #expect(m.samplingBytes == 8 * 1000 + StatevectorRunMemory.bytesPerOutcome * 1000)
    #expect(m.totalBytes == 16 * gib + 1048576 + 72_000)
    try m.check(available: 24 * gib)  // this machine and CI: 24 GiB
    try m.check(available: 17.9 * gib)  // fits in 90% of it
    #expect(throws: SimulationError.self) { try m.check(available: 17.7 * gib) }
  }

  @Test func theRefusalNamesTheQubitsThePartsAndTheMemory() {
    let m = StatevectorRunMemory(qubits: 30, planBytes: 1_048_576, shots: 1000, measured: Array(0..<30))
    do {
      try m.check(available: 12 * gib)
      Issue.record("12 GiB should not be enough")
    } catch let e as SimulationError {
      guard case .insufficientMemory(let q, let need, let have, _) = e else {
        Issue.record("wrong error \(e)")
        return
      }
      #expect(q == 30 && need == m.totalBytes && have == 12 * gib)
      let text = e.description
      for part in ["30-qubit", "state 16.0 GiB", "compiled plan 1.0 MiB", "sampling 70.3 KiB", "needs 16.0 GiB", "only 12.0 GiB", "90%"] {
        #expect(text.contains(part), "\(part) in \(text)")
      }
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test("a partial or reordered measurement adds its 2^k-double marginal; outcomes are at most 2^k")
  func marginals() {
    let partial = StatevectorRunMemory(qubits: 20, planBytes: 0, shots: 10_000, measured: [3, 1, 7])
    #expect(partial.samplingBytes == 8 * 10_000 + StatevectorRunMemory.bytesPerOutcome * 8 + 8 * 8)
    let reordered = StatevectorRunMemory(qubits: 4, planBytes: 0, shots: 2, measured: [1, 0, 2, 3])
    #expect(reordered.samplingBytes == 16 + StatevectorRunMemory.bytesPerOutcome * 2 + 8 * 16)
    let none = StatevectorRunMemory(qubits: 4, planBytes: 0, shots: nil, measured: [0, 1, 2, 3])
    #expect(none.samplingBytes == 0 && none.totalBytes == 256)
  }

  @Test func impossibleSizesAreRefused() {
    #expect(throws: SimulationError.self) {
      try StatevectorRunMemory(qubits: 60, planBytes: 0, shots: nil, measured: []).check(available: 1e15)
    }
    #expect(throws: SimulationError.self) {
      try StatevectorRunMemory(qubits: 2000, planBytes: 0, shots: 1, measured: Array(0..<2000)).check(available: 1e15)
    }
  }

  @Test("the plan's bytes are its diagonal tables: 2 doubles per entry of 2^split + 2^(n-split)")
  func planTableBytes() throws {
    var c = Circuit(qubits: 10)
    for q in 0..<10 { c.append(.rz, q, parameters: [.value(0.1 * Double(q + 1))]) }
    let compiled = try CompiledCircuit(c)
    // No gate straddles, so the split is the middle (5): 2 * (32 + 32) doubles.
    #expect(compiled.tableBytes == 8 * 2 * 64)
    var h = Circuit(qubits: 10)
    for q in 0..<10 { h.append(.h, q) }
    #expect(try CompiledCircuit(h).tableBytes == 0)
  }
}
