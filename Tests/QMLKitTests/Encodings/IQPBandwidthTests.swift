import Testing
@testable import QMLKit

/// The IQP bandwidth: scaling the encoding by α is scaling the features by α.
@Suite struct IQPBandwidthTests {
  @Test func scaleActsOnTheFeatures() throws {
    let x: [[Double]] = [[0.3, 1.2, 2.0], [1.1, 0.4, 0.9], [2.5, 0.2, 1.7]]
    let a = 0.37
    let scaled = try QuantumKernel(encoding: IQPEncoding(reps: 2, entanglement: .full, scale: a), kind: .fidelity,
                                   backend: .ideal, seed: 1).trainMatrix(x)
    let plain = try QuantumKernel(encoding: IQPEncoding(reps: 2, entanglement: .full), kind: .fidelity,
                                  backend: .ideal, seed: 1).trainMatrix(x.map { $0.map { a * $0 } })
    let unscaled = try QuantumKernel(encoding: IQPEncoding(reps: 2, entanglement: .full), kind: .fidelity,
                                     backend: .ideal, seed: 1).trainMatrix(x)
    var moved = 0.0
    for i in 0..<3 {
      for j in 0..<3 {
        #expect(abs(scaled[i, j] - plain[i, j]) < 1e-12)
        moved = max(moved, abs(scaled[i, j] - unscaled[i, j]))
      }
    }
    #expect(moved > 1e-3)
  }

  @Test func theSpecNameMakesAScaledIQP() throws {
    let e = try #require(try EncodingName.make("iqp", reps: 1, entanglement: "full", alpha: 0.5) as? IQPEncoding)
    #expect(e.scale == 0.5)
  }
}
