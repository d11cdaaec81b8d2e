import Foundation
import Numerics
import QuantumSim
import Testing

@testable import QMLKit

@Suite struct QuantumKernelTests {
  static let configurations = [1, 2].flatMap { r in ["linear", "full", "circular"].map { (r, $0) } }

  @Test("fidelity kernel equals Qiskit's ZZ kernels to 1e-10", arguments: configurations)
  func matchesQiskit(reps: Int, entanglement: String) throws {
    let fixture = try loadQuantumFixture("zz_kernels")
    let X = try #require(fixture["inputs"] as? [[Double]])
    let kernels = try #require(fixture["kernels"] as? [String: [[Double]]])
    let want = try #require(kernels["reps=\(reps),entanglement=\(entanglement)"])
    let ent = try #require(Entanglement(rawValue: entanglement))
    for threads in [1, 2] {
      let kernel = QuantumKernel(encoding: PauliFeatureMap.zz(reps: reps, entanglement: ent), threads: threads)
      let K = try kernel.trainMatrix(X)
      for i in X.indices { for j in X.indices { #expect(abs(K[i, j] - want[i][j]) < 1e-10) } }
      let C = try kernel.crossMatrix(Array(X[0..<5]), X)
      #expect(C.rows == 5 && C.columns == X.count)
      for i in 0..<5 { for j in X.indices { #expect(abs(C[i, j] - want[i][j]) < 1e-10) } }
    }
  }

  @Test("cache-blocked train matrix equals the row-by-row cross matrix (10 qubits, several blocks)")
  func blockedGram() throws {
    var rng = SeededGenerator(seed: 21)
    let X = (0..<70).map { _ in (0..<10).map { _ in rng.nextUnit() * .pi } }
    for threads in [1, 2] {
      let kernel = QuantumKernel(encoding: PauliFeatureMap.zz(reps: 1, entanglement: .linear), threads: threads)
      let K = try kernel.trainMatrix(X)
      let C = try kernel.crossMatrix(X, X)
      for i in X.indices { for j in X.indices { #expect(abs(K[i, j] - C[i, j]) < 1e-13) } }
    }
  }

  @Test("tiled Gram matrices equal |<a_i|b_j>|^2 pair by pair; train and cross agree bit for bit", arguments: [2, 5, 13])
  func tiledGram(qubits: Int) throws {
    // N = 7: odd, so row pairs and column pairs leave edges; at 13 qubits the column blocks
    // hold 4 states, so blocks end on odd edges too.
    var rng = SeededGenerator(seed: 77)
    let X = (0..<7).map { _ in (0..<qubits).map { _ in rng.nextUnit() * .pi } }
    let encoding = PauliFeatureMap.zz(reps: 1, entanglement: .linear)
    let states = try X.map { try encoding.circuit(features: qubits).state($0) }
    func bits(_ K: Matrix) -> [UInt64] { K.values.map(\.bitPattern) }
    for threads in [1, 2] {
      // The tiles themselves (at 13 qubits the automatic choice would be the system BLAS).
      var kernel = QuantumKernel(encoding: encoding, threads: threads)
      kernel.gramMethod = .portable
      let K = try kernel.trainMatrix(X)
      for i in X.indices {
        for j in X.indices { #expect(abs(K[i, j] - states[i].inner(states[j]).lengthSquared) < 1e-13) }
      }
      #expect(bits(try kernel.crossMatrix(X, X)) == bits(K))
      // Rows 2..<7 (an odd count, starting on an odd row of the train matrix's pairs).
      let C = try kernel.crossMatrix(Array(X[2..<7]), X)
      for i in 0..<5 { for j in X.indices { #expect(C[i, j].bitPattern == K[i + 2, j].bitPattern) } }
      let D = try kernel.crossMatrix(X, Array(X[1..<6]))
      for i in X.indices { for j in 0..<5 { #expect(D[i, j].bitPattern == K[i, j + 1].bitPattern) } }
    }
  }

  @Test("states simulated on several threads give the same matrices bit for bit as on one")
  func threadsBitExact() throws {
    var rng = SeededGenerator(seed: 5)
    let X = (0..<37).map { _ in (0..<6).map { _ in rng.nextUnit() * .pi } }
    let encoding = PauliFeatureMap.zz(reps: 2, entanglement: .linear)
    func bits(_ K: Matrix) -> [UInt64] { K.values.map(\.bitPattern) }
    for kind in [KernelKind.fidelity, .projected(gamma: 0.7)] {
      let one = QuantumKernel(encoding: encoding, kind: kind, threads: 1)
      let K1 = try one.trainMatrix(X), C1 = try one.crossMatrix(Array(X[0..<9]), X)
      for threads in [2, 3, 8] {
        let many = QuantumKernel(encoding: encoding, kind: kind, threads: threads)
        #expect(bits(try many.trainMatrix(X)) == bits(K1))
        #expect(bits(try many.crossMatrix(Array(X[0..<9]), X)) == bits(C1))
      }
      // The train matrix is symmetric bit for bit (what the JSON writer exploits).
      for i in X.indices { for j in 0..<i { #expect(K1[i, j].bitPattern == K1[j, i].bitPattern) } }
    }
  }

  @Test("projected kernel equals an independent partial-trace computation")
  func projectedKernel() throws {
    var rng = SeededGenerator(seed: 11)
    let X = (0..<6).map { _ in (0..<3).map { _ in rng.nextUnit() * .pi } }
    let enc = PauliFeatureMap.zz(reps: 2, entanglement: .full)
    let gamma = 0.7
    let K = try QuantumKernel(encoding: enc, kind: .projected(gamma: gamma)).trainMatrix(X)
    let states = try X.map { try enc.circuit(features: 3).state($0) }
    // Reduced density matrix of qubit q by an explicit partial trace.
    func reduced(_ s: StateVector, _ q: Int) -> [Complex<Double>] {
      var rho = [Complex<Double>](repeating: .zero, count: 4)
      for i in 0..<s.dimension {
        for j in 0..<s.dimension where (i & ~(1 << q)) == (j & ~(1 << q)) {
          let a = (i >> q) & 1, b = (j >> q) & 1
          rho[2 * a + b] = rho[2 * a + b] + s[i] * s[j].conjugate
        }
      }
      return rho
    }
    for i in X.indices {
      for j in X.indices {
        var dist = 0.0
        for q in 0..<3 {
          let a = reduced(states[i], q), b = reduced(states[j], q)
          for k in 0..<4 { dist += (a[k] - b[k]).lengthSquared }
        }
        #expect(abs(K[i, j] - exp(-gamma * dist)) < 1e-12)
      }
    }
  }

  @Test("shot mode: unit diagonal, binomial entries, seeded, counted", arguments: [UInt64(1), 2])
  func shots(seed: UInt64) throws {
    let fixture = try loadQuantumFixture("zz_kernels")
    let X = try #require(fixture["inputs"] as? [[Double]])
    let enc = PauliFeatureMap.zz(reps: 2, entanglement: .linear)
    let exact = try QuantumKernel(encoding: enc).trainMatrix(X)
    let shots = 4000
    let kernel = QuantumKernel(encoding: enc, backend: .shots(shots), seed: seed)
    let K = try kernel.trainMatrix(X)
    let n = X.count
    for i in 0..<n {
      #expect(K[i, i] == 1)
      for j in 0..<n {
        #expect(K[i, j] == K[j, i])
        let p = exact[i, j], sd = (p * (1 - p) / Double(shots)).squareRoot()
        #expect(abs(K[i, j] - p) <= 5 * sd + 1e-12)
        #expect((K[i, j] * Double(shots)).rounded() == K[i, j] * Double(shots))
      }
    }
    #expect(kernel.counter.circuitExecutions == n * (n - 1) / 2)
    #expect(kernel.counter.totalShots == shots * n * (n - 1) / 2)
    let again = try QuantumKernel(encoding: enc, backend: .shots(shots), seed: seed).trainMatrix(X)
    #expect(again == K)
    let other = try QuantumKernel(encoding: enc, backend: .shots(shots), seed: seed + 100).trainMatrix(X)
    #expect(other != K)
  }

  @Test("bad input is rejected with a message")
  func badInput() {
    let kernel = QuantumKernel(encoding: PauliFeatureMap.zz())
    #expect(throws: ModelError.self) { try kernel.trainMatrix([[1, 2], [1]]) }
    #expect(throws: ModelError.self) { try kernel.trainMatrix([]) }
    #expect(throws: ModelError.self) { try kernel.crossMatrix([[1, 2, 3]], [[1, 2]]) }
    #expect(throws: ModelError.self) { try QuantumKernel(encoding: PauliFeatureMap.zz(), backend: .shots(0)).trainMatrix([[1, 2]]) }
  }
}
