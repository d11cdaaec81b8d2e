import Foundation
import Numerics
import Testing
@testable import QuantumSim

/// OpenQASM 2.0 import: syntax, expressions, broadcasting, gate definitions and located errors.
@Suite struct QASMParserTests {
  typealias C = Complex<Double>
  let header = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n"

  func state(_ text: String) throws -> [C] { try SVReference.run(Circuit(qasm: text)).amplitudes }

  func error(_ text: String) -> QASMError? {
    do {
      _ = try Circuit(qasm: text)
      return nil
    } catch {
      return error
    }
  }

  @Test func registersFlattenInOrder() throws {
    let c = try Circuit(qasm: header + "qreg a[2];\nqreg b[3];\ncreg m[2];\ncreg n[3];\nx b[1];\nmeasure b[1] -> n[2];\nmeasure a -> m;\n")
    #expect(c.qubitCount == 5)
    #expect(c.bitCount == 5)
    #expect(c.gates == [Gate(.x, [3])])
    #expect(c.measurements.map { [$0.qubit, $0.bit] } == [[3, 4], [0, 0], [1, 1]])
  }

  @Test func broadcasting() throws {
    let c = try Circuit(qasm: header + "qreg a[3];\nqreg b[3];\nh a;\ncx a,b;\ncx a[0],b;\nbarrier a,b[1];\n")
    #expect(c.gates.map(\.kind) == [.h, .h, .h, .cx, .cx, .cx, .cx, .cx, .cx])
    #expect(c.gates[3].qubits == [0, 3] && c.gates[5].qubits == [2, 5])
    #expect(c.gates[6].qubits == [0, 3] && c.gates[8].qubits == [0, 5])
    #expect(c.operations.last == .barrier([0, 1, 2, 4]))
  }

  static let expressionCases: [(String, Double)] = [
    ("pi/2", Double.pi / 2), ("-pi", -Double.pi), ("2^3", 8), ("2^-1", 0.5), ("-2^2", -4),
    ("1+2*3", 7), ("(1+2)*3", 9), ("10/4-1", 1.5), ("sin(pi/6)", sin(Double.pi / 6)),
    ("cos(0.3)", cos(0.3)), ("tan(0.3)", tan(0.3)), ("exp(1)", exp(1.0)), ("ln(2)", log(2.0)),
    ("sqrt(2)", 2.0.squareRoot()), ("--1.5", 1.5), ("1.5e-3", 1.5e-3), ("2E2", 200), (".5", 0.5),
    ("3*-pi/4", -3 * Double.pi / 4), ("+1", 1),
  ]

  @Test("parameter expressions", arguments: expressionCases)
  func expressions(text: String, value: Double) throws {
    let c = try Circuit(qasm: header + "qreg q[1];\nrz(\(text)) q[0];\n")
    let got = try #require(c.gates.first?.parameters.first?.constantValue)
    #expect(abs(got - value) < 1e-15 * max(1, abs(value)), "\(text) = \(got)")
  }

  @Test func qelib1Aliases() throws {
    let pairs = [
      ("u1(0.3) q[0];", "p(0.3) q[0];"),
      ("u2(0.3,0.4) q[0];", "u(pi/2,0.3,0.4) q[0];"),
      ("u3(0.3,0.4,0.5) q[0];", "u(0.3,0.4,0.5) q[0];"),
      ("U(0.3,0.4,0.5) q[0];", "u(0.3,0.4,0.5) q[0];"),
      ("CX q[0],q[1];", "cx q[0],q[1];"),
      ("cu1(0.7) q[1],q[0];", "cp(0.7) q[1],q[0];"),
      ("cu3(0.3,0.4,0.5) q[1],q[0];", "cu(0.3,0.4,0.5,0) q[1],q[0];"),
      ("sxdg q[1];", "sx q[1]; sx q[1]; sx q[1];"),
    ]
    let prep = "qreg q[2];\nh q[0]; ry(0.4) q[1]; cx q[0],q[1];\n"
    for (a, b) in pairs {
      let x = try state(header + prep + a), y = try state(header + prep + b)
      #expect(SVReference.maxDifference(x, y) < 1e-12, "\(a) vs \(b)")
    }
  }

  @Test func gateDefinitionsExpandInline() throws {
    let text = header + """
      // a comment
      /* a block
         comment */
      gate bell a, b { h a; cx a, b; }
      gate twice(theta) a { rz(theta/2) a; barrier a; rz(theta/2) a; }
      gate outer(x, y) p, q { bell p, q; twice(x*y) q; u2(x, -y) p; }
      qreg q[3];
      outer(0.5, 2) q[2], q[0];
      """
    let c = try Circuit(qasm: text)
    #expect(c.gates.map(\.kind) == [.h, .cx, .rz, .rz, .u])
    #expect(c.gates[1].qubits == [2, 0])
    #expect(c.gates[2].parameters == [.value(0.5)])
    #expect(c.gates[4].parameters == [.value(Double.pi / 2), .value(0.5), .value(-2)])
  }

  @Test func userGateShadowsBuiltin() throws {
    // Qiskit's qasm2.dumps writes definitions for non-qelib1 gates; a definition wins over a built-in.
    let text = header + "gate rzz(t) a,b { cx a,b; rz(t) b; cx a,b; }\nqreg q[2];\nrzz(0.3) q[0],q[1];\n"
    #expect(try Circuit(qasm: text).gates.map(\.kind) == [.cx, .rz, .cx])
  }

  @Test func versionIsOptionalButChecked() throws {
    #expect(try Circuit(qasm: "qreg q[1];\nx q[0];\n").gates.count == 1)
    #expect(error("OPENQASM 4.0;\nqubit[2] q;\n")?.message.contains("only 2.0 and 3") == true)
    // OpenQASM 3 reads the subset qlift exports (QASM3ImportTests).
    #expect(try Circuit(qasm: "OPENQASM 3.0;\nqubit[2] q;\n").qubitCount == 2)
  }

  static let errorCases: [(String, Int, Int, String)] = [
    ("qreg q[2];\nfoo q[0];\n", 2, 1, "unknown gate 'foo'"),
    ("qreg q[2];\ncx q[0];\n", 2, 1, "gate 'cx' takes 2 qubit argument(s), got 1"),
    ("qreg q[2];\nrx q[0];\n", 2, 1, "gate 'rx' takes 1 parameter(s), got 0"),
    ("qreg q[2];\nh(0.1) q[0];\n", 2, 1, "gate 'h' takes 0 parameter(s), got 1"),
    ("qreg q[2];\n  x q[5];\n", 2, 5, "index 5 is out of range for register 'q' of size 2"),
    ("qreg q[2];\ncreg c[2];\nif (c==1) x q[0];\n", 3, 1, "classically controlled 'if' statements are not supported"),
    ("qreg q[2];\nreset q[0];\n", 2, 1, "'reset' is not supported"),
    ("opaque g a;\n", 1, 1, "'opaque' gate declarations are not supported"),
    ("qreg q[2];\nx r[0];\n", 2, 3, "unknown quantum register 'r'"),
    ("qreg q[2];\ncx q[1],q[1];\n", 2, 1, "gate 'cx' is given the same qubit twice"),
    ("qreg q[2];\nx q[0]\nx q[1];\n", 3, 1, "expected ';' after the gate call, found 'x'"),
    ("qreg q[2];\nrz(pi/2 q[0];\n", 2, 9, "expected ')' to close the parameter list, found 'q'"),
    ("qreg q[2];\nrz(theta) q[0];\n", 2, 4, "unknown parameter 'theta' in expression"),
    ("qreg q[2];\n/* open\n", 2, 1, "unterminated comment '/*'"),
    ("qreg q[2];\nx q[0]; #\n", 2, 9, "unexpected character '#'"),
    ("qreg q[2];\nx q[0]; @\n", 2, 9, "expected a statement, found '@'"),
    ("include \"other.inc\";\n", 1, 9, "include 'other.inc' is not supported; only \"qelib1.inc\" is built in for OpenQASM 2.0"),
    ("qreg q[2];\nqreg q[3];\n", 2, 6, "register 'q' is already declared"),
    ("qreg q[0];\n", 1, 8, "register 'q' must have a positive size, got 0"),
    ("qreg a[2];\nqreg b[3];\ncx a,b;\n", 3, 1, "registers given to gate 'cx' differ in size: [2, 3]"),
    ("qreg q[2];\ncreg c[1];\nmeasure q -> c;\n", 3, 1, "measure of register 'q' (2 qubits) into 'c' (1 bits): sizes differ"),
    ("gate g a { x b; }\n", 1, 14, "unknown qubit argument 'b' in the body of gate 'g'"),
    ("gate g a { measure a -> c; }\n", 1, 12, "'measure' is not allowed in the body of gate 'g'"),
    ("qreg q[1];\nrz(1/0) q[0];\n", 2, 1, "parameter of gate 'rz' evaluates to inf"),
    ("qreg q[2];\ncreg c[2];\nmeasure c[0] -> q[0];\n", 3, 9, "'c' is a classical register; expected a qubit"),
  ]

  @Test("errors carry line, column and a message", arguments: errorCases)
  func locatedErrors(source: String, line: Int, column: Int, message: String) {
    let e = error(header.replacingOccurrences(of: "\n", with: " ") + source)
    // The header is folded onto line 1 above; shift expectations for line 1 by its width.
    let shift = line == 1 ? header.replacingOccurrences(of: "\n", with: " ").unicodeScalars.count : 0
    #expect(e == QASMError(line: line, column: column + shift, message: message), "got \(String(describing: e))")
  }

  @Test func errorDescription() {
    let e = error("OPENQASM 2.0;\nqreg q[1];\n    foo q[0];\n")
    #expect(e?.description == "line 3, column 5: unknown gate 'foo'")
    #expect(e?.located(in: "bad.qasm") == "bad.qasm:3:5: error: unknown gate 'foo'")
  }

  @Test func columnsCountUnicodeScalars() {
    let e = error("qreg q[1]; // ünïcode\n/* é */ foo q[0];\n")
    #expect(e == QASMError(line: 2, column: 9, message: "unknown gate 'foo'"))
  }

  @Test func exponentialExpansionIsBounded() {
    var text = header + "qreg q[1];\ngate g0 a { x a; x a; }\n"
    for k in 1...30 { text += "gate g\(k) a { g\(k - 1) a; g\(k - 1) a; }\n" }
    text += "g30 q[0];\n"
    #expect(error(text)?.message.contains("expands to more than") == true)
  }
}
