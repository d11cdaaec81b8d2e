import Foundation
import QuantumSim
import Testing

@testable import QMLKit

private let haveBLAS = SystemBLAS.shared != nil
private let noBLAS: Comment =
  "no system BLAS loaded (not installed: apt-get install libopenblas0-pthread; or QLIFT_BLAS=off): BLAS comparison skipped"

/// Fidelity Gram matrices through the system BLAS against the portable tiles.
@Suite struct BLASGramTests {
  /// ZZ-map inputs: `count` rows of `qubits` features.
  private func inputs(_ count: Int, _ qubits: Int, seed: UInt64) -> [[Double]] {
    var rng = SeededGenerator(seed: seed)
    return (0..<count).map { _ in (0..<qubits).map { _ in rng.nextUnit() * .pi } }
  }

  private func kernel(_ method: GramMethod, threads: Int) -> QuantumKernel {
    var k = QuantumKernel(encoding: PauliFeatureMap.zz(reps: 1, entanglement: .linear), threads: threads)
    k.gramMethod = method
    return k
  }

  @Test(
    "BLAS train and test-train matrices equal the portable tiles to 1e-12; threads change no bit",
    .enabled(if: haveBLAS, noBLAS), arguments: [10, 12])
  func blasEqualsTiles(qubits: Int) throws {
    // 23 training and 9 test rows: odd counts, so no size is a multiple of a register block.
    // At 10 qubits, 133 rows: three row blocks of the blocked product.
    let X = inputs(qubits == 10 ? 133 : 23, qubits, seed: UInt64(qubits)), T = inputs(9, qubits, seed: 99)
    let tiles = kernel(.portable, threads: 1)
    let K0 = try tiles.trainMatrix(X), C0 = try tiles.crossMatrix(T, X)
    func bits(_ K: Matrix) -> [UInt64] { K.values.map(\.bitPattern) }
    var first: (K: [UInt64], C: [UInt64])?
    for threads in [1, 2, 1] {
      let blas = kernel(.systemBLAS, threads: threads)
      let K = try blas.trainMatrix(X), C = try blas.crossMatrix(T, X)
      #expect(zip(K.values, K0.values).allSatisfy { abs($0 - $1) < 1e-12 })
      #expect(zip(C.values, C0.values).allSatisfy { abs($0 - $1) < 1e-12 })
      for i in X.indices { for j in 0..<i { #expect(K[i, j].bitPattern == K[j, i].bitPattern) } }
      if let first {
        #expect(bits(K) == first.K, "train matrix on \(threads) thread(s)")
        #expect(bits(C) == first.C, "test-train matrix on \(threads) thread(s)")
      } else {
        first = (bits(K), bits(C))
      }
    }
    // The automatic choice is the BLAS from 12 qubits, the tiles below.
    let automatic = bits(try kernel(.automatic, threads: 2).trainMatrix(X))
    #expect(automatic == (1 << qubits >= GramMethod.blasMinimumDimension ? first?.K : bits(K0)))
  }

  @Test("without a BLAS, or with the portable method, the matrices are the tiles' bit for bit")
  func portableFallback() throws {
    let X = inputs(9, 10, seed: 4)
    let tiles = try kernel(.portable, threads: 1).trainMatrix(X)
    let reference = try kernel(.portable, threads: 2).trainMatrix(X)
    #expect(tiles.values.map(\.bitPattern) == reference.values.map(\.bitPattern))
    if SystemBLAS.shared == nil {
      #expect(try kernel(.systemBLAS, threads: 1).trainMatrix(X).values.map(\.bitPattern) == tiles.values.map(\.bitPattern))
    }
    // Closed form: the diagonal of a fidelity Gram matrix is 1.
    for i in X.indices { #expect(abs(tiles[i, i] - 1) < 1e-12) }
  }
}
