import Numerics
import Testing
@testable import QuantumSim

/// Circuits compiled from |0...0> (leading single-qubit gates as a product state) against the
/// plain gate-by-gate run.
@Suite struct ProductStateTests {
  /// Opening layers of single-qubit gates of every kind (diagonal ones included) on some qubits,
  /// then a random circuit, a barrier and a measurement in the middle, and more single-qubit
  /// gates on a qubit no multi-qubit gate touches.
  static func openingLayers(n: Int, seed: UInt64) -> Circuit {
    var rng = SeededGenerator(seed: seed)
    let kinds = GateKind.allCases.filter { $0.arity == 1 && $0 != .id }
    var c = Circuit(qubits: n)
    for _ in 0..<3 {
      for q in 0..<n where rng.next() % 4 != 0 {
        var g = SVReference.randomGate(kinds[Int(rng.next() % UInt64(kinds.count))], n: n, &rng)
        g.qubits = [q]
        c.append(g)
      }
    }
    c.append(.rz, 1, parameters: [.value(0.7)])
    c.append(.cz, 0, 1)
    c.append(.rzz, 2, 3, parameters: [.value(-1.1)])
    c.barrier()
    c.append(SVReference.randomCircuit(n: n - 1, gates: 6 * n, seed: seed), qubitMap: Array(0..<(n - 1)))
    c.measure(2)
    c.append(.ry, n - 1, parameters: [.value(0.4)])
    c.append(.p, n - 1, parameters: [.value(1.3)])
    c.append(.h, 0)
    return c
  }

  @Test("the product state and the remaining steps equal the plain run to 1e-12, below and above the cache-blocked size",
    arguments: [(5, UInt64(1)), (9, 2), (16, 3), (17, 4)])
  func equalsPlainRun(n: Int, seed: UInt64) throws {
    let c = Self.openingLayers(n: n, seed: seed)
    let plain = try SVReference.run(c)
    let compiled = try CompiledCircuit(c, fromZero: true)
    #expect(compiled.initialState != nil)
    #expect(compiled.passCount < (try CompiledCircuit(c)).passCount)
    for threads in [1, 2] {
      let run = try StateVector(running: compiled, threads: threads)
      let diff = SVReference.maxDifference(plain.amplitudes, run.amplitudes)
      #expect(diff < 1e-12, "n = \(n), \(threads) threads: max difference \(diff)")
    }
  }

  @Test("a layer of ry and rz on every qubit before a cx chain costs no pass; the first cx is the first step")
  func openingLayerAbsorbed() throws {
    let n = 6
    var c = Circuit(qubits: n)
    for q in 0..<n { c.append(.ry, q, parameters: [.value(0.3 + Double(q))]) }
    for q in 0..<n { c.append(.rz, q, parameters: [.value(1.1 * Double(q))]) }
    for q in 0..<(n - 1) { c.append(.cx, q, q + 1) }
    let compiled = try CompiledCircuit(c, fromZero: true)
    #expect(compiled.passCount == n - 1)
    guard case .gate(let first) = compiled.steps.first else {
      Issue.record("the first step is not a gate")
      return
    }
    #expect(first.kind == .cx && first.qubits == [0, 1])
    // Qubit 2's factor is rz · ry |0>.
    let (a, b) = compiled.initialState!.factors[2]
    let (cos, sin) = (Double.cos(1.15), Double.sin(1.15)), phase = Complex(length: 1, phase: 1.1)
    #expect((a - Complex(cos, 0) * phase.conjugate).length < 1e-15)
    #expect((b - Complex(sin, 0) * phase).length < 1e-15)
  }

  @Test("a circuit that opens with an entangling gate starts from |0...0> and keeps every step")
  func nothingToAbsorb() throws {
    var c = Circuit(qubits: 3)
    c.append(.cx, 0, 1)
    c.append(.h, 0)
    c.append(.ccx, 0, 1, 2)
    let compiled = try CompiledCircuit(c, fromZero: true)
    #expect(compiled.initialState == ProductState(qubits: 3))
    #expect(compiled.passCount == 3)
  }

  @Test("a wide product state is written by 1 and 2 threads bit-identically")
  func threadCountIndependent() throws {
    let n = 19  // 4 MiB per array: the fill is split between threads
    var c = Circuit(qubits: n)
    for q in 0..<n { c.append(.u, q, parameters: [.value(0.1 * Double(q)), .value(0.7), .value(-0.2 * Double(q))]) }
    c.append(.cx, 0, n - 1)
    let compiled = try CompiledCircuit(c, fromZero: true)
    let one = try StateVector(running: compiled, threads: 1), two = try StateVector(running: compiled, threads: 2)
    #expect(one == two)
    #expect(abs(one.normSquared - 1) < 1e-12)
  }
}
