import Testing

@testable import QuantumSim

/// The all-zeros state zeroed on several threads (and on huge pages) against the serial one.
@Suite struct StateVectorAllocationTests {
  @Test("a wide state zeroed on 2 threads is |0...0>, equal to the serial one, with its threads set")
  func parallelZeroing() throws {
    let n = 19  // 2^19 amplitudes, 4 MiB an array: zeroed in parallel (HugePages.minimumBytes)
    #expect((1 << n) * 8 >= HugePages.minimumBytes)
    let serial = try StateVector(qubits: n)
    let parallel = try StateVector(qubits: n, threads: 2)
    #expect(parallel.threads == 2)
    #expect(parallel == serial)
    #expect(parallel.re[0] == 1 && parallel.re.dropFirst().allSatisfy { $0 == 0 } && parallel.im.allSatisfy { $0 == 0 })
  }

  @Test("a narrow state takes the same path on any thread count; zero threads count as one")
  func narrowState() throws {
    let s = try StateVector(qubits: 3, threads: 0)
    #expect(s.threads == 1)
    #expect(s == (try StateVector(qubits: 3)))
  }

  @Test("zeroing refuses nothing new: a state too large for memory still fails up front")
  func memoryGuardStillApplies() {
    #expect(throws: SimulationError.self) { try StateVector(qubits: 61, threads: 2) }
  }
}
