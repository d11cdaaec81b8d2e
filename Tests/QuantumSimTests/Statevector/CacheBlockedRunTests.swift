import Numerics
import Testing
@testable import QuantumSim

/// Cache-blocked runs of compiled circuits against the plain gate-by-gate run.
@Suite struct CacheBlockedRunTests {
  /// The plain run of `c` from `start`, gate by gate.
  func plain(_ c: Circuit, from start: StateVector) throws -> StateVector {
    var s = start
    try s.apply(c)
    return s
  }

  /// The compiled run of `c` from `start`, blocked over 2^k amplitudes.
  func blocked(_ c: Circuit, from start: StateVector, k: Int, threads: Int = 1) throws -> StateVector {
    var s = start
    s.threads = threads
    s.apply(try CompiledCircuit(c), blockQubits: k)
    return s
  }

  /// Random circuits where most gates are diagonal (blocks with tables and straddling gates)
  /// and random circuits over every gate kind.
  static func circuits(n: Int, seed: UInt64) -> [Circuit] {
    let mixed = SVReference.randomCircuit(n: n, gates: 80, seed: seed)
    return [mixed, CompiledCircuitTests.diagonalHeavyCircuit(n: n, gates: 100, seed: seed)]
  }

  @Test("blocked runs equal the plain run to 1e-12 for 1-12 qubits and blocks of 2^4-2^7", arguments: [UInt64(11), 12, 13])
  func randomCircuits(seed: UInt64) throws {
    for n in 1...12 {
      let start = SVReference.randomState(n, seed: seed &+ UInt64(n))
      for c in Self.circuits(n: n, seed: seed) {
        let reference = try plain(c, from: start)
        for k in [4, 5, 7] {
          let s = try blocked(c, from: start, k: k)
          let diff = SVReference.maxDifference(reference.amplitudes, s.amplitudes)
          #expect(diff < 1e-12, "n = \(n), k = \(k), seed \(seed): max difference \(diff)")
        }
      }
    }
  }

  @Test("1 and 2 threads give bit-identical blocked runs")
  func threadCountIndependent() throws {
    for n in [8, 11, 12] {
      let start = SVReference.randomState(n, seed: 5)
      for c in Self.circuits(n: n, seed: 21) {
        for k in [4, 6] {
          let one = try blocked(c, from: start, k: k, threads: 1)
          let two = try blocked(c, from: start, k: k, threads: 2)
          #expect(one == two, "n = \(n), k = \(k)")
        }
      }
    }
  }

  /// B1's layered circuit: ry and rz on every qubit, then a cx chain.
  static func layered(_ n: Int, layers: Int) -> Circuit {
    var c = Circuit(qubits: n)
    for l in 0..<layers {
      for q in 0..<n { c.append(.ry, q, parameters: [.value(0.3 + 0.1 * Double(q + l))]) }
      for q in 0..<n { c.append(.rz, q, parameters: [.value(0.7 - 0.05 * Double(q * l))]) }
      for q in 0..<(n - 1) { c.append(.cx, q, q + 1) }
    }
    return c
  }

  @Test("the layered circuit on 20 qubits takes about two passes per layer over blocks of 2^15 (not one per gate)")
  func layeredPlan() throws {
    let n = 20, k = 15
    let compiled = try CompiledCircuit(Self.layered(n, layers: 10))
    let plan = CacheBlockPlan(steps: compiled.steps, qubitCount: n, blockQubits: k)
    #expect(plan.passes.count <= 22, "\(plan.passes.count) passes")
    var stepCount = 0
    for pass in plan.passes {
      #expect(pass.blockQubits == k)
      #expect(pass.lowCount >= CacheBlockPlan.minimumLow(blockQubits: k))
      for op in pass.ops {
        switch op {
        case .gate(let g, _):
          stepCount += 1
          #expect(g.qubits.allSatisfy { $0 < k })
        case .group(let group): stepCount += group.gateCount
        case .tables: stepCount += 1
        }
      }
    }
    #expect(stepCount == compiled.steps.count)  // no straddling gates here
  }

  @Test("the default apply blocks a 16-qubit layered circuit and matches the plain run")
  func defaultBlocking() throws {
    let c = Self.layered(16, layers: 2)
    let start = SVReference.randomState(16, seed: 3)
    var s = start
    s.apply(try CompiledCircuit(c))
    let diff = SVReference.maxDifference(try plain(c, from: start).amplitudes, s.amplitudes)
    #expect(diff < 1e-12)
  }

  @Test("a block layout keeps the gate's qubits and at least the minimum low qubits")
  func layouts() {
    #expect(CacheBlockPlan.layout([0, 3], blockQubits: 4)! == (4, []))
    let l = CacheBlockPlan.layout([0, 5, 9], blockQubits: 4)!
    #expect(l.lowCount == 2 && l.high == [5, 9])
    // Four qubits above the low ones cannot share a 4-qubit block with a low run.
    #expect(CacheBlockPlan.layout([5, 6, 7, 8], blockQubits: 4).map(\.lowCount) == nil)
  }
}
