import Testing
@testable import QuantumSim

/// Huge-page advice leaves contents alone.
@Suite struct HugePagesTests {
  @Test("zeros are zeros, for buffers below and above the huge-page threshold, on 1 and 2 threads")
  func zeros() {
    for count in [0, 1, 1000, HugePages.minimumBytes / 8 + 12345] {
      for threads in [1, 2] {
        let z = HugePages.zeros(count, threads: threads)
        #expect(z.count == count)
        #expect(z.allSatisfy { $0 == 0 })
      }
    }
  }

  @Test("a 20-qubit state starts in |0...0>")
  func largeState() throws {
    let s = try StateVector(qubits: 20)
    #expect(s.re[0] == 1 && s.normSquared == 1)
    #expect(s.re.dropFirst().allSatisfy { $0 == 0 } && s.im.allSatisfy { $0 == 0 })
  }
}
