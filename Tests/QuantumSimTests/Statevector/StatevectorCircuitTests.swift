import Foundation
import Numerics
import Testing
@testable import QuantumSim

/// Whole circuits: inverses, norm, symbol binding, fusion and the memory guard.
@Suite struct StatevectorCircuitTests {
  typealias C = Complex<Double>

  @Test("U U† = I over seeded random circuits", arguments: [UInt64(1), 2, 3, 4])
  func inverseCircuit(seed: UInt64) throws {
    let c = SVReference.randomCircuit(n: 5, gates: 80, seed: seed)
    var both = c
    both.append(c.inverse)
    let s = try SVReference.run(both)
    var zero = [C](repeating: .zero, count: 32)
    zero[0] = .one
    #expect(SVReference.maxDifference(s.amplitudes, zero) < 1e-12)
  }

  @Test("every gate's inverse undoes it", arguments: GateKind.allCases)
  func gateInverse(kind: GateKind) throws {
    var rng = SeededGenerator(seed: 8)
    let g = SVReference.randomGate(kind, n: 3, &rng)
    var s = SVReference.randomState(3, seed: 31)
    let start = s.amplitudes
    s.apply(g)
    s.apply(g.inverse)
    #expect(SVReference.maxDifference(s.amplitudes, start) < 1e-12)
  }

  @Test("norm is preserved over seeded random circuits", arguments: [UInt64(10), 11, 12, 13, 14])
  func normPreserved(seed: UInt64) throws {
    let c = SVReference.randomCircuit(n: 7, gates: 300, seed: seed)
    let s = try SVReference.run(c)
    #expect(abs(s.normSquared - 1) < 1e-12)
  }

  @Test("a symbolic circuit built once evaluates like a rebuilt numeric circuit for many inputs")
  func symbolBinding() throws {
    var c = Circuit(qubits: 3)
    let x = c.symbol("x"), y = c.symbol("y"), w = c.symbol("w")
    c.append(.h, 0); c.append(.h, 1); c.append(.h, 2)
    c.append(.rz, 0, parameters: [2 * x])
    c.append(.p, 1, parameters: [2 * y])
    c.append(.cx, 0, 1)
    c.append(.p, 1, parameters: [2 * (Double.pi - x) * (Double.pi - y)])
    c.append(.cx, 0, 1)
    c.append(.ry, 2, parameters: [w + .cosine(x)])
    c.append(.crx, 2, 0, parameters: [-w * .sine(y)])
    c.append(.u, 1, parameters: [x, y, w])
    var rng = SeededGenerator(seed: 3)
    var state = try StateVector(qubits: 3)
    for _ in 0..<25 {
      let (xv, yv, wv) = (rng.nextUnit() * 3, rng.nextUnit() * 3, rng.nextUnit() * 3)
      state.reset()
      try state.apply(c, bindings: [xv, yv, wv])
      var n = Circuit(qubits: 3)
      n.append(.h, 0); n.append(.h, 1); n.append(.h, 2)
      n.append(.rz, 0, parameters: [.value(2 * xv)])
      n.append(.p, 1, parameters: [.value(2 * yv)])
      n.append(.cx, 0, 1)
      n.append(.p, 1, parameters: [.value(2 * (Double.pi - xv) * (Double.pi - yv))])
      n.append(.cx, 0, 1)
      n.append(.ry, 2, parameters: [.value(wv + cos(xv))])
      n.append(.crx, 2, 0, parameters: [.value(-wv * sin(yv))])
      n.append(.u, 1, parameters: [.value(xv), .value(yv), .value(wv)])
      let expected = try SVReference.run(n)
      #expect(SVReference.maxDifference(state.amplitudes, expected.amplitudes) < 1e-13)
      // Binding by name gives the same.
      let byName = try SVReference.run(c, bindings: try c.bindings(["x": xv, "y": yv, "w": wv]))
      #expect(byName == state)
    }
    #expect(throws: SimulationError.bindingCount(expected: 3, got: 1)) { try state.apply(c, bindings: [1]) }
    #expect(throws: SimulationError.unboundSymbol("w")) { try c.bindings(["x": 1, "y": 2]) }
  }

  @Test("fusion (opt-in) prepares the same state", arguments: [false, true])
  func fusion(absorb: Bool) throws {
    for seed in UInt64(1)...4 {
      var c = SVReference.randomCircuit(n: 6, gates: 150, seed: seed)
      c.measure(2)
      let plain = try SVReference.run(c)
      let f = try c.fused(absorbIntoTwoQubit: absorb)
      #expect(f.gates.count < c.gates.count)
      #expect(f.measurements.count == 1)
      let fused = try SVReference.run(f)
      #expect(SVReference.maxDifference(plain.amplitudes, fused.amplitudes) < 1e-12)
    }
    // Symbolic circuits fuse after binding.
    var c = Circuit(qubits: 2)
    let t = c.symbol("t")
    c.append(.ry, 0, parameters: [t]); c.append(.rz, 0, parameters: [2 * t]); c.append(.cx, 0, 1)
    let f = try c.fused(bindings: [0.4], absorbIntoTwoQubit: absorb)
    let a = try SVReference.run(c, bindings: [0.4]), b = try SVReference.run(f)
    #expect(SVReference.maxDifference(a.amplitudes, b.amplitudes) < 1e-14)
    #expect(f.gates.count == (absorb ? 1 : 2))
  }

  @Test("the memory guard refuses a 60-qubit state with qubits and bytes in the message")
  func memoryGuard() {
    do {
      _ = try StateVector(qubits: 60)
      Issue.record("a 60-qubit state should not be allocated")
    } catch let e as SimulationError {
      guard case .insufficientMemory(let q, let need, let have, _) = e else {
        Issue.record("wrong error \(e)")
        return
      }
      #expect(q == 60)
      #expect(need == 16 * pow(2, 60))
      #expect(have > 0)
      let text = e.description
      #expect(text.contains("60-qubit"))
      #expect(text.contains("16.0 EiB"))
      #expect(text.contains("available"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
    #expect(throws: SimulationError.self) { try StateVector(qubits: 70) }
    #expect(throws: SimulationError.self) { try StateVector(qubits: -1) }
  }

  @Test func resetAndInner() throws {
    var s = SVReference.randomState(3, seed: 4)
    let t = SVReference.randomState(3, seed: 5)
    let expected = zip(s.amplitudes, t.amplitudes).reduce(C.zero) { $0 + $1.0.conjugate * $1.1 }
    #expect((s.inner(t) - expected).length < 1e-14)
    #expect(abs(s.fidelity(s) - 1) < 1e-12)
    s.reset()
    #expect(s.amplitudes[0] == .one)
    #expect(s.normSquared == 1)
  }
}
