import Foundation
import Numerics
import Testing
@testable import QuantumSim

/// Reading back the OpenQASM 3 subset qlift writes (`Circuit.qasm3()`, `qlift export-qasm`).
@Suite struct QASM3ImportTests {
  @Test("import(qasm3(c)) prepares the same state up to a global phase for random circuits", arguments: [UInt64(1), 2, 3, 4, 5])
  func roundTripRandom(seed: UInt64) throws {
    let c = SVReference.randomCircuit(n: 4, gates: 60, seed: seed)
    var kept = Circuit(qubits: 4, bits: 4)
    for g in c.gates where g.kind != .unitary2 { kept.append(g) }
    kept.barrier()
    for q in 0..<4 { kept.measure(q, into: q) }
    let text = try kept.qasm3()
    #expect(text.hasPrefix("OPENQASM 3.0;"))
    let back = try Circuit(qasm: text)
    #expect(back.qubitCount == 4 && back.bitCount == 4)
    #expect(back.measurements.map(\.qubit) == [0, 1, 2, 3] && back.measurements.map(\.bit) == [0, 1, 2, 3])
    let a = try SVReference.run(kept), b = try SVReference.run(back)
    #expect(SVReference.maxDifferenceUpToPhase(a.amplitudes, b.amplitudes) < 1e-12)
  }

  @Test func everyGateDefinitionTheExporterWritesReadsBack() throws {
    var c = Circuit(qubits: 3, bits: 3)
    c.append(.h, 0); c.append(.h, 1); c.append(.ry, 2, parameters: [0.7])
    c.append(.sxdg, 0)
    c.append(.iswap, 0, 1)
    c.append(.rxx, 1, 2, parameters: [0.3])
    c.append(.ryy, 0, 2, parameters: [-1.1])
    c.append(.rzz, 0, 1, parameters: [2.5])
    for q in 0..<3 { c.measure(q, into: q) }
    let text = try c.qasm3()
    for needed in ["gate sxdg a { inv @ sx a; }", "gate iswap", "gate rxx", "gate ryy", "gate rzz", "c[2] = measure q[2];"] {
      #expect(text.contains(needed), "\(needed) missing from:\n\(text)")
    }
    let back = try Circuit(qasm: text)
    let a = try SVReference.run(c), b = try SVReference.run(back)
    #expect(SVReference.maxDifferenceUpToPhase(a.amplitudes, b.amplitudes) < 1e-12)
  }

  @Test func declarationsAssignmentsAndInverseModifiers() throws {
    let text = """
      OPENQASM 3.0;
      include "stdgates.inc";
      qubit[2] q;
      qubit r;
      bit[2] c;
      bit d;
      h q[0];
      inv @ s q[0];
      inv @ rx(0.5) q[1];
      inv @ U(0.1, 0.2, 0.3) r;
      phase(0.25) q[1];
      cphase(0.5) q[0], q[1];
      gphase(1.5);
      c = measure q;
      d = measure r;
      """
    let circuit = try Circuit(qasm: text)
    #expect(circuit.qubitCount == 3 && circuit.bitCount == 3)
    #expect(circuit.gates.map(\.kind) == [.h, .sdg, .rx, .u, .p, .cp])
    #expect(circuit.gates[2].parameters[0].constantValue == -0.5)
    #expect(circuit.gates[3].parameters.map(\.constantValue) == [-0.1, -0.3, -0.2])
    #expect(circuit.measurements.map(\.bit) == [0, 1, 2])
  }

  @Test("OpenQASM 3 features beyond the subset are refused at their line", arguments: [
    ("input float[64] theta;\nqubit[1] q;\n", "'input' parameters are not supported", 3),
    ("qubit[1] q;\nbit[1] c;\nc[0] = 1;\n", "expected 'measure' after '='", 5),
    ("qubit[1] q;\nctrl @ x q[0];\n", "modifier 'ctrl @' is not supported", 4),
    ("qubit[1] q;\ninv @ sqrtx q[0];\n", "'inv @ sqrtx' is not supported", 4),
    ("include \"qelib1.inc\";\n", "only \"stdgates.inc\" is built in for OpenQASM 3", 3),
  ])
  func refused(_ body: String, _ message: String, _ line: Int) {
    let text = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n" + body
    do {
      _ = try Circuit(qasm: text.replacingOccurrences(of: "include \"stdgates.inc\";\ninclude", with: "include"))
      Issue.record("accepted: \(body)")
    } catch {
      #expect(error.message.contains(message), "\(error.message)")
      #expect(error.line == line - (body.hasPrefix("include") ? 1 : 0), "\(error)")
    }
  }

  @Test func openQASM2FilesCannotUseTheVersion3Statements() {
    #expect(throws: QASMError.self) { try Circuit(qasm: "OPENQASM 2.0;\nqubit[1] q;\n") }
    #expect(throws: QASMError.self) { try Circuit(qasm: "OPENQASM 2.0;\ninclude \"stdgates.inc\";\n") }
  }
}
