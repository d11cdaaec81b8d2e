import Numerics
import Testing
@testable import QuantumSim

/// The compiled plan (diagonal blocks + single-qubit fusion) against plain gate-by-gate runs.
@Suite struct CompiledCircuitTests {
  static let diagonalKinds: [GateKind] = [.rz, .p, .z, .s, .sdg, .t, .tdg, .cz, .cp, .crz, .rzz]

  /// A random circuit where most gates are diagonal, so blocks form, straddle splits and close.
  static func diagonalHeavyCircuit(n: Int, gates: Int, seed: UInt64) -> Circuit {
    var rng = SeededGenerator(seed: seed)
    var c = Circuit(qubits: n)
    let others: [GateKind] = [.h, .ry, .rx, .cx, .u, .swap, .unitary1, .unitary2, .ccx]
    for _ in 0..<gates {
      let pool = rng.nextUnit() < 0.75 ? Self.diagonalKinds : others
      let kind = pool[Int(rng.next() % UInt64(pool.count))]
      guard kind.arity <= n else { continue }
      c.append(SVReference.randomGate(kind, n: n, &rng))
    }
    return c
  }

  func compiledRun(_ c: Circuit, bindings: [Double] = [], threads: Int = 1) throws -> StateVector {
    var s = try StateVector(qubits: c.qubitCount)
    s.threads = threads
    s.apply(try CompiledCircuit(c, bindings: bindings))
    return s
  }

  @Test("compiled random circuits prepare the plain run's state to 1e-12", arguments: [UInt64(1), 2, 3, 4, 5, 6])
  func randomCircuits(seed: UInt64) throws {
    for n in [1, 2, 3, 5, 7] {
      for c in [SVReference.randomCircuit(n: n, gates: 60, seed: seed), Self.diagonalHeavyCircuit(n: n, gates: 80, seed: seed)] {
        let plain = try SVReference.run(c)
        let compiled = try compiledRun(c)
        let diff = SVReference.maxDifference(plain.amplitudes, compiled.amplitudes)
        #expect(diff < 1e-12, "n = \(n), seed \(seed): max difference \(diff)")
      }
    }
  }

  @Test("a layer of rz on every qubit and a cz ring becomes one block; ry stays a real lone gate")
  func layeredPlan() throws {
    let n = 8
    var c = Circuit(qubits: n)
    for q in 0..<n { c.append(.ry, q, parameters: [.value(0.1 * Double(q + 1))]) }
    for q in 0..<n { c.append(.rz, q, parameters: [.value(0.3 * Double(q + 1))]) }
    for q in 0..<n { c.append(.cz, q, (q + 1) % n) }
    c.append(.cx, 0, 1)
    let plan = try CompiledCircuit(c)
    // 8 ry passes, one block (rz x 8, cz x 8, the ring's cz(7, 0) straddles the split), one cx.
    #expect(plan.passCount == 10)
    let blocks = plan.steps.compactMap { step -> DiagonalBlock? in
      if case .diagonal(let b) = step { return b } else { return nil }
    }
    #expect(blocks.count == 1)
    #expect(blocks.first?.gateCount == 16)
    #expect(blocks.first?.qubits == Array(0..<n))
    let ryCount = plan.steps.filter { if case .gate(let g) = $0 { return g.kind == .ry } else { return false } }.count
    #expect(ryCount == n)
    let diff = SVReference.maxDifference(try SVReference.run(c).amplitudes, try compiledRun(c).amplitudes)
    #expect(diff < 1e-12)
  }

  @Test("h rz h on one qubit fuses into a single unitary1 (a lone diagonal joins its neighbours)")
  func loneDiagonalFuses() throws {
    var c = Circuit(qubits: 3)
    c.append(.h, 1)
    c.append(.rz, 1, parameters: [.value(0.7)])
    c.append(.h, 1)
    let plan = try CompiledCircuit(c)
    #expect(plan.passCount == 1)
    let diff = SVReference.maxDifference(try SVReference.run(c).amplitudes, try compiledRun(c).amplitudes)
    #expect(diff < 1e-13)
  }

  @Test("diagonal gates move only past gates on other qubits")
  func commutationRespected() throws {
    // rz(0) then h(0): must not be reordered; rz(0) then h(1): h may go first.
    var c = Circuit(qubits: 2)
    c.append(.rz, 0, parameters: [.value(0.4)])
    c.append(.cz, 0, 1)
    c.append(.h, 1)
    c.append(.p, 0, parameters: [.value(1.1)])
    c.append(.h, 0)
    let diff = SVReference.maxDifference(try SVReference.run(c).amplitudes, try compiledRun(c).amplitudes)
    #expect(diff < 1e-13)
  }

  @Test("symbols are bound at compile time; a wrong binding count is an error")
  func bindings() throws {
    var c = Circuit(qubits: 3)
    let t = c.symbol("t")
    c.append(.h, 0)
    c.append(.rz, 0, parameters: [t])
    c.append(.rzz, 0, 2, parameters: [t * 2])
    c.append(.ry, 1, parameters: [t])
    let plain = try SVReference.run(c, bindings: [0.9])
    let compiled = try compiledRun(c, bindings: [0.9])
    #expect(SVReference.maxDifference(plain.amplitudes, compiled.amplitudes) < 1e-13)
    #expect(throws: SimulationError.self) { try CompiledCircuit(c, bindings: []) }
  }

  @Test("a 17-qubit block on 1 and 3 threads gives identical amplitudes, equal to gate by gate")
  func parallelBlock() throws {
    let n = 17
    var c = SVReference.randomCircuit(n: n, gates: 30, seed: 8)
    var rng = SeededGenerator(seed: 9)
    for _ in 0..<40 {
      let kind = Self.diagonalKinds[Int(rng.next() % UInt64(Self.diagonalKinds.count))]
      c.append(SVReference.randomGate(kind, n: n, &rng))
    }
    let one = try compiledRun(c, threads: 1)
    let three = try compiledRun(c, threads: 3)
    #expect(one.re == three.re && one.im == three.im)
    #expect(SVReference.maxDifference(one.amplitudes, try SVReference.run(c).amplitudes) < 1e-12)
  }
}

/// The cx · phase · cx rewrite (Pauli feature maps' ZZ rotations).
@Suite struct CompiledCircuitSandwichTests {
  func run(_ c: Circuit, compiled: Bool, bindings: [Double] = []) throws -> StateVector {
    var s = try StateVector(qubits: c.qubitCount)
    if compiled { s.apply(try CompiledCircuit(c, bindings: bindings)) } else { try s.apply(c, bindings: bindings) }
    return s
  }

  /// Qiskit's ZZ feature map (linear entanglement, `reps` repetitions) on symbols x0..x(n-1);
  /// `afterRep` appends more gates after each repetition.
  static func zzFeatureMap(
    qubits n: Int, reps: Int, afterRep: (inout Circuit, Int, [Angle]) -> Void = { _, _, _ in }
  ) -> Circuit {
    var c = Circuit(qubits: n)
    let x = (0..<n).map { c.symbol("x\($0)") }
    for rep in 0..<reps {
      for q in 0..<n { c.append(.h, q) }
      for q in 0..<n { c.append(.p, q, parameters: [x[q] * 2]) }
      for q in 0..<(n - 1) {
        c.append(.cx, q, q + 1)
        c.append(.p, q + 1, parameters: [(Angle.value(.pi) - x[q]) * (Angle.value(.pi) - x[q + 1]) * 2])
        c.append(.cx, q, q + 1)
      }
      afterRep(&c, rep, x)
    }
    return c
  }

  @Test("a ZZ feature map (h, p, cx p cx ladders, 2 reps) compiles to h passes and one block per rep")
  func zzFeatureMap() throws {
    let n = 6
    let c = Self.zzFeatureMap(qubits: n, reps: 2)
    let values = [0.3, 1.9, 2.7, 0.8, 1.1, 2.2]
    let plan = try CompiledCircuit(c, bindings: values)
    #expect(plan.passCount == 2 * (n + 1))
    let diff = SVReference.maxDifference(
      try run(c, compiled: false, bindings: values).amplitudes, try run(c, compiled: true, bindings: values).amplitudes)
    #expect(diff < 1e-12)
  }

  @Test("one template compiled under many bindings equals compiling the circuit with those angles written in, bit for bit")
  func templateReplay() throws {
    let n = 7
    let c = Self.zzFeatureMap(qubits: n, reps: 2) { c, rep, x in
      c.append(.ry, rep, parameters: [x[rep]])
      c.append(.cz, 0, n - 1)
      c.append(.rz, n - 1, parameters: [x[2] + x[3]])
    }
    let template = CompiledCircuit.Template(c)
    var rng = SeededGenerator(seed: 31)
    for _ in 0..<5 {
      let values = (0..<n).map { _ in rng.nextUnit() * .pi }
      // The same circuit with the angles as constants: compiled from scratch, no symbols.
      var written = Circuit(qubits: n)
      for case .gate(let g) in c.operations { written.append(g.bound(values)) }
      let replayed = try CompiledCircuit(template, bindings: values)
      let fresh = try CompiledCircuit(written)
      #expect(replayed.passCount == fresh.passCount)
      var a = try StateVector(qubits: n), b = try StateVector(qubits: n)
      a.apply(replayed)
      b.apply(fresh)
      #expect(a == b)
      #expect(SVReference.maxDifference(a.amplitudes, try run(c, compiled: false, bindings: values).amplitudes) < 1e-12)
    }
    #expect(throws: SimulationError.self) { try CompiledCircuit(template, bindings: [1]) }
  }

  @Test("sandwiches that are not the pattern are left alone", arguments: [0, 1, 2, 3])
  func nearMisses(variant: Int) throws {
    var c = Circuit(qubits: 3)
    c.append(.h, 0)
    c.append(.h, 1)
    c.append(.ry, 2, parameters: [.value(0.4)])
    switch variant {
    case 0:  // phase on the control, not the target
      c.append(.cx, 0, 1); c.append(.rz, 0, parameters: [.value(0.7)]); c.append(.cx, 0, 1)
    case 1:  // different cx pairs
      c.append(.cx, 0, 1); c.append(.rz, 1, parameters: [.value(0.7)]); c.append(.cx, 2, 1)
    case 2:  // reversed second cx
      c.append(.cx, 0, 1); c.append(.t, 1); c.append(.cx, 1, 0)
    default:  // non-diagonal middle
      c.append(.cx, 0, 1); c.append(.rx, 1, parameters: [.value(0.7)]); c.append(.cx, 0, 1)
    }
    let diff = SVReference.maxDifference(try run(c, compiled: false).amplitudes, try run(c, compiled: true).amplitudes)
    #expect(diff < 1e-13)
  }
}
