import Foundation
import Numerics
import Testing
@testable import QuantumSim

/// OpenQASM 2.0 / 3.0 export and round trips.
@Suite struct QASMExportTests {
  @Test("import(qasm2(c)) prepares the same state for random circuits over every exportable gate", arguments: [UInt64(1), 2, 3, 4, 5])
  func roundTripRandom(seed: UInt64) throws {
    var c = SVReference.randomCircuit(n: 4, gates: 60, seed: seed)
    // unitary2 has no OpenQASM form; drop it.
    var kept = Circuit(qubits: 4)
    for g in c.gates where g.kind != .unitary2 { kept.append(g) }
    kept.barrier()
    kept.measure(1, into: 0)
    c = kept
    let text = try c.qasm2()
    let back = try Circuit(qasm: text)
    #expect(back.measurements.count == 1)
    let a = try SVReference.run(c), b = try SVReference.run(back)
    // unitary1 and the device-native prx, gpi, gpi2 (exported as u3) lose their global phase
    // in OpenQASM 2, so compare up to a global phase too.
    let hasUnitary1 = c.gates.contains { [.unitary1, .prx, .gpi, .gpi2].contains($0.kind) }
    let d = hasUnitary1
      ? SVReference.maxDifferenceUpToPhase(a.amplitudes, b.amplitudes)
      : SVReference.maxDifference(a.amplitudes, b.amplitudes)
    #expect(d < 1e-12)
  }

  @Test func fullPrecisionNumbers() throws {
    var c = Circuit(qubits: 1)
    c.append(.rz, 0, parameters: [.value(0.1 + 0.2)])
    c.append(.rx, 0, parameters: [.value(1e-300)])
    let text = try c.qasm2()
    #expect(text.contains("rz(0.30000000000000004) q[0];"))
    let back = try Circuit(qasm: text)
    #expect(back.gates[0].parameters[0].constantValue == 0.1 + 0.2)
    #expect(back.gates[1].parameters[0].constantValue == 1e-300)
  }

  @Test func qasm2Text() throws {
    var c = Circuit(qubits: 2, bits: 2)
    c.append(.h, 0)
    c.append(.p, 1, parameters: [0.5])
    c.append(.cp, 0, 1, parameters: [0.25])
    c.append(.u, 1, parameters: [1, 2, 3])
    c.append(.iswap, 0, 1)
    c.measure(0, into: 1)
    let expected = """
      OPENQASM 2.0;
      include "qelib1.inc";
      gate iswap a,b { s a; s b; h a; cx a,b; cx b,a; h b; }
      qreg q[2];
      creg c[2];
      h q[0];
      u1(0.5) q[1];
      cu1(0.25) q[0],q[1];
      u3(1,2,3) q[1];
      iswap q[0],q[1];
      measure q[0] -> c[1];

      """
    #expect(try c.qasm2() == expected)
  }

  @Test func qasm2NeedsBoundSymbols() throws {
    var c = Circuit(qubits: 1)
    let x = c.symbol("x")
    c.append(.rz, 0, parameters: [2 * x])
    #expect(throws: SimulationError.unboundSymbol("x")) { try c.qasm2() }
    let text = try c.qasm2(binding: ["x": 0.25])
    #expect(text.contains("rz(0.5) q[0];"))
  }

  @Test func qasm3Text() throws {
    var c = Circuit(qubits: 2)
    let x = c.symbol("x"), w = c.symbol("w[0]")
    c.append(.h, 0)
    c.append(.rz, 0, parameters: [2 * x])
    c.append(.u, 1, parameters: [x, w, 0.5])
    c.append(.rzz, 0, 1, parameters: [w])
    c.append(.sxdg, 1)
    c.measure(1, into: 0)
    let text = try c.qasm3()
    let expected = """
      OPENQASM 3.0;
      include "stdgates.inc";
      gate sxdg a { inv @ sx a; }
      gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }
      input float[64] x_1;
      input float[64] w_0_;
      qubit[2] q;
      bit[1] c;
      h q[0];
      rz(2*x_1) q[0];
      U(x_1,w_0_,0.5) q[1];
      rzz(w_0_) q[0],q[1];
      sxdg q[1];
      c[0] = measure q[1];

      """
    #expect(text == expected)
  }

  @Test func unitary2CannotBeExported() {
    var rng = SeededGenerator(seed: 1)
    var c = Circuit(qubits: 2)
    c.append(SVReference.randomGate(.unitary2, n: 2, &rng))
    #expect(throws: SimulationError.self) { try c.qasm2() }
    #expect(throws: SimulationError.self) { try c.qasm3() }
  }

  @Test("unitary1 exports as U with gphase in 3.0 and as u3 in 2.0 (same state up to global phase)")
  func unitary1Angles() throws {
    var rng = SeededGenerator(seed: 6)
    for _ in 0..<20 {
      let m = SVReference.randomUnitary1(&rng)
      let (t, p, l, a) = _zyzAngles(m)
      let u = GateMatrices.single(.u, gateParameters([t, p, l])).flat.map { $0 * Complex(cos(a), sin(a)) }
      #expect(SVReference.maxDifference(u, m) < 1e-12)
    }
    // Degenerate cases: diagonal and anti-diagonal.
    for m in [GateMatrices.single(.s, gateParameters([])).flat, GateMatrices.single(.y, gateParameters([])).flat] {
      let (t, p, l, a) = _zyzAngles(m)
      let u = GateMatrices.single(.u, gateParameters([t, p, l])).flat.map { $0 * Complex(cos(a), sin(a)) }
      #expect(SVReference.maxDifference(u, m) < 1e-12)
    }
  }
}
