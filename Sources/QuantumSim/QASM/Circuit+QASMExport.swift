import Foundation
import Numerics

// OpenQASM export. Numbers are written at full round-trip precision (Swift's shortest
// representation that reads back to the same Double). Gates outside qelib1.inc / stdgates.inc
// get a `gate` definition (Qiskit's decompositions, exact up to rounding).

extension Circuit {
  /// OpenQASM 2.0 text for this circuit (`qreg q[n]; creg c[m];`), with `values` binding symbols by name.
  ///
  /// `p`, `cp` and `u` are written as qelib1's `u1`, `cu1` and `u3` (the same matrices);
  /// `iswap` and `ryy` get gate definitions; a `unitary1` becomes `u3` (its global phase, which
  /// OpenQASM 2 cannot express, is dropped).
  /// - Throws: `SimulationError.unboundSymbol` when a symbol has no value, and
  ///   `SimulationError.invalidRequest` for a `unitary2` or a non-finite parameter.
  public func qasm2(binding values: [String: Double] = [:]) throws -> String {
    let c = binding(values)
    var header = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n"
    var body = ""
    var needed: Set<String> = []
    for op in c.operations {
      switch op {
      case .gate(let g):
        let ps = try g.parameters.map { a throws -> String in
          guard let v = a.constantValue else {
            let names = a.symbolIndices.sorted().map { c.symbols[$0] }
            throw SimulationError.unboundSymbol(names.first ?? "?")
          }
          return try _qasmNumber(v)
        }
        let (name, params) = try _qasm2Name(g, ps)
        if name == "iswap" || name == "ryy" { needed.insert(name) }
        body += _qasmCall(name, params, g.qubits) + "\n"
      case .measure(let q, let b):
        body += "measure q[\(q)] -> c[\(b)];\n"
      case .barrier(let qs):
        if !qs.isEmpty { body += "barrier " + qs.map { "q[\($0)]" }.joined(separator: ",") + ";\n" }
      }
    }
    if needed.contains("iswap") {
      header += "gate iswap a,b { s a; s b; h a; cx a,b; cx b,a; h b; }\n"
    }
    if needed.contains("ryy") {
      header += "gate ryy(theta) a,b { rx(pi/2) a; rx(pi/2) b; cx a,b; rz(theta) b; cx a,b; rx(-pi/2) a; rx(-pi/2) b; }\n"
    }
    header += "qreg q[\(qubitCount)];\n"
    if bitCount > 0 { header += "creg c[\(bitCount)];\n" }
    return header + body
  }

  /// OpenQASM 3.0 text (`qubit[n] q; bit[m] c;`); free symbols become `input float[64] name;`.
  ///
  /// `u` is written as the built-in `U` (the same matrix as Qiskit's `u`); `sxdg`, `iswap`,
  /// `rxx`, `ryy` and `rzz` get gate definitions; a `unitary1` becomes `U` plus `gphase`.
  /// Symbol names that are not identifiers are rewritten (other characters become `_`).
  /// - Throws: `SimulationError.invalidRequest` for a `unitary2` or a non-finite parameter.
  public func qasm3() throws -> String {
    let names = _qasmIdentifiers(symbols)
    var header = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n"
    var body = ""
    var needed: Set<String> = []
    for op in operations {
      switch op {
      case .gate(let g):
        for a in g.parameters { if let v = a.constantValue { _ = try _qasmNumber(v) } }
        let ps = g.parameters.map { $0.render { names[$0] } }
        switch g.kind {
        case .u: body += _qasmCall("U", ps, g.qubits) + "\n"
        case .unitary1, .prx, .gpi, .gpi2:
          let m = g.kind == .unitary1 ? (g.matrix ?? Matrix2.identity.flat) : _boundMatrix(g)
          let (theta, phi, lambda, alpha) = _zyzAngles(m)
          body += _qasmCall("U", try [theta, phi, lambda].map(_qasmNumber), g.qubits) + "\n"
          if alpha != 0 { body += "gphase(\(try _qasmNumber(alpha)));\n" }
        case .unitary2:
          throw SimulationError.invalidRequest("a 'unitary2' gate cannot be exported to OpenQASM; decompose it first")
        case .sxdg, .iswap, .rxx, .ryy, .rzz:
          needed.insert(g.kind.rawValue)
          body += _qasmCall(g.kind.rawValue, ps, g.qubits) + "\n"
        default:
          body += _qasmCall(g.kind.rawValue, ps, g.qubits) + "\n"
        }
      case .measure(let q, let b):
        body += "c[\(b)] = measure q[\(q)];\n"
      case .barrier(let qs):
        if !qs.isEmpty { body += "barrier " + qs.map { "q[\($0)]" }.joined(separator: ", ") + ";\n" }
      }
    }
    let definitions: [(String, String)] = [
      ("sxdg", "gate sxdg a { inv @ sx a; }"),
      ("iswap", "gate iswap a, b { s a; s b; h a; cx a, b; cx b, a; h b; }"),
      ("rxx", "gate rxx(theta) a, b { h a; h b; cx a, b; rz(theta) b; cx a, b; h a; h b; }"),
      ("ryy", "gate ryy(theta) a, b { rx(pi/2) a; rx(pi/2) b; cx a, b; rz(theta) b; cx a, b; rx(-pi/2) a; rx(-pi/2) b; }"),
      ("rzz", "gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }"),
    ]
    for (name, text) in definitions where needed.contains(name) { header += text + "\n" }
    for n in names { header += "input float[64] \(n);\n" }
    header += "qubit[\(qubitCount)] q;\n"
    if bitCount > 0 { header += "bit[\(bitCount)] c;\n" }
    return header + body
  }
}

/// A number as OpenQASM text at full precision; non-finite values cannot be written.
func _qasmNumber(_ v: Double) throws -> String {
  guard v.isFinite else { throw SimulationError.invalidRequest("cannot export the non-finite parameter \(v) to OpenQASM") }
  return formatNumber(v)
}

/// `name(p0,p1) q[a],q[b];`
func _qasmCall(_ name: String, _ params: [String], _ qubits: [Int]) -> String {
  let p = params.isEmpty ? "" : "(" + params.joined(separator: ",") + ")"
  return name + p + " " + qubits.map { "q[\($0)]" }.joined(separator: ",") + ";"
}

/// The qelib1.inc name and parameters for a gate.
func _qasm2Name(_ g: Gate, _ ps: [String]) throws -> (String, [String]) {
  switch g.kind {
  case .p: return ("u1", ps)
  case .cp: return ("cu1", ps)
  case .u: return ("u3", ps)
  case .unitary1, .prx, .gpi, .gpi2:
    let (theta, phi, lambda, _) = _zyzAngles(g.kind == .unitary1 ? (g.matrix ?? Matrix2.identity.flat) : _boundMatrix(g))
    return ("u3", try [theta, phi, lambda].map(_qasmNumber))
  case .unitary2:
    throw SimulationError.invalidRequest("a 'unitary2' gate cannot be exported to OpenQASM; decompose it first")
  default: return (g.kind.rawValue, ps)
  }
}

/// The matrix of a native device gate with bound (numeric) parameters.
func _boundMatrix(_ g: Gate) -> [Complex<Double>] {
  GateMatrices.single(g.kind, gateParameters(g.parameters.map { $0.constantValue ?? 0 })).flat
}

/// Angles with m = e^{iα} u(θ, φ, λ) for a 2x2 unitary given row-major.
func _zyzAngles(_ m: [Complex<Double>]) -> (Double, Double, Double, Double) {
  let c = m[0].length, s = m[2].length
  let theta = 2 * atan2(s, c)
  if s < 1e-15 {
    let alpha = m[0].phase
    return (theta, 0, m[3].phase - alpha, alpha)
  }
  if c < 1e-15 {
    let alpha = m[2].phase
    return (theta, 0, (-m[1]).phase - alpha, alpha)
  }
  let alpha = m[0].phase
  return (theta, m[2].phase - alpha, (-m[1]).phase - alpha, alpha)
}

/// Distinct OpenQASM identifiers for symbol names (other characters become `_`).
func _qasmIdentifiers(_ names: [String]) -> [String] {
  // Names a symbol must not take: the registers, stdgates.inc and our gate definitions, and
  // OpenQASM 3 keywords, constants and built-in functions.
  var used: Set<String> = [
    "q", "c", "p", "x", "y", "z", "h", "s", "sdg", "t", "tdg", "sx", "sxdg", "rx", "ry", "rz", "cx",
    "cy", "cz", "cp", "crx", "cry", "crz", "ch", "swap", "iswap", "rxx", "ryy", "rzz", "ccx", "cswap",
    "cu", "CX", "phase", "cphase", "id", "u1", "u2", "u3", "U", "gphase", "inv", "pow", "ctrl",
    "negctrl", "input", "output", "float", "int", "uint", "bit", "bool", "qubit", "qreg", "creg",
    "angle", "complex", "duration", "stretch", "const", "let", "measure", "reset", "barrier", "gate",
    "def", "defcal", "cal", "extern", "box", "delay", "if", "else", "for", "while", "in", "return",
    "break", "continue", "end", "include", "OPENQASM", "pi", "tau", "euler", "true", "false", "sin",
    "cos", "tan", "arcsin", "arccos", "arctan", "exp", "log", "sqrt", "ceiling", "floor", "mod",
    "popcount", "rotl", "rotr", "real", "imag", "sizeof", "durationof", "array", "void", "switch",
    "case", "default", "nop", "pragma",
  ]
  return names.map { name in
    var s = String(name.unicodeScalars.map { c -> Character in
      let ok = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_"
      return ok ? Character(c) : "_"
    })
    if s.isEmpty || s.first!.isNumber { s = "_" + s }
    var candidate = s, k = 1
    while used.contains(candidate) { candidate = "\(s)_\(k)"; k += 1 }
    used.insert(candidate)
    return candidate
  }
}
