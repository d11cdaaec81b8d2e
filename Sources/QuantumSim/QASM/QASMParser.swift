import Foundation

/// Reads OpenQASM 2.0 text, and the OpenQASM 3 subset qlift writes (`export-qasm`,
/// `Circuit.qasm3()`), into a `Circuit`.
///
/// OpenQASM 3 (`OPENQASM 3.0;`): `include "stdgates.inc";`, `qubit[n] q;` / `qubit q;`,
/// `bit[n] c;` / `bit c;`, `c[i] = measure q[j];` (and `c = measure q;`), `gate` definitions,
/// the `inv @` modifier on built-in gates with a built-in inverse, `gphase(θ);` (a global phase:
/// it changes no probability and is dropped), the stdgates names `phase` and `cphase`. Other
/// OpenQASM 3 features (`input`, classical types, control flow, other modifiers) are refused.
///
/// Supported: `OPENQASM 2.0;`, `include "qelib1.inc";`, `qreg`/`creg` (several registers,
/// flattened in declaration order: the first register's qubit 0 is circuit qubit 0), every
/// qelib1.inc gate plus `U`, `CX` and Qiskit's `p cp u sxdg iswap ryy cu`, parameter expressions,
/// broadcasting over whole registers, `measure`, `barrier`, comments, and user `gate`
/// definitions, which are expanded inline. Matrices follow Qiskit (u3 = u, u1 = p,
/// u2(φ,λ) = u(π/2,φ,λ), cu1 = cp, cu3(θ,φ,λ) = cu(θ,φ,λ,0)).
/// Anything else (`if`, `reset`, `opaque`, unknown gates, wrong arity, indices out of range)
/// throws a `QASMError` at the offending token.
public enum QASMParser {
  /// Largest total number of qubits or classical bits a file may declare.
  public static let maxRegisterBits = 1 << 16
  /// Largest number of operations after expanding user gates (guards against exponential definitions).
  public static let maxOperations = 1_000_000
  /// Deepest nesting in one parameter expression: parentheses, function calls, unary signs and
  /// powers each add a level (the parser recurses per level; this keeps its stack bounded).
  public static let maxExpressionDepth = 64
  /// Most operands (numbers, `pi`, parameter names) in one parameter expression (bounds the
  /// expression tree, which is evaluated and freed recursively).
  public static let maxExpressionTerms = 1_000
  /// Deepest chain of user gates calling user gates (expansion recurses per level).
  public static let maxGateNesting = 64

  /// Parses OpenQASM 2.0 source or the OpenQASM 3 subset above.
  /// - Throws: `QASMError` with the line and column of the first problem.
  public static func parse(_ text: String) throws(QASMError) -> Circuit {
    var p = try _QASMParserState(tokens: QASMLexer.tokenize(text))
    return try p.parseProgram()
  }
}

extension Circuit {
  /// The circuit described by OpenQASM 2.0 or 3 `text` (see `QASMParser` for the subset).
  /// - Throws: `QASMError` with the line and column of the first problem.
  public init(qasm text: String) throws(QASMError) {
    self = try QASMParser.parse(text)
  }
}

/// A register argument as written: `q` or `q[3]`.
private struct _Argument {
  let name: String
  let index: Int?
  let token: QASMToken
}

/// One call inside a user gate body, checked when the gate is defined.
private struct _BodyCall {
  let name: String
  let parameters: [QASMExpression]
  let arguments: [String]
  let token: QASMToken
  /// True for a call made through `inv @`: always the built-in gate, even when a user gate of
  /// the same name is being defined (`gate sxdg a { inv @ sx a; }`).
  var builtin = false
}

/// A user `gate` definition.
private struct _GateDefinition {
  let parameters: [String]
  let arguments: [String]
  let body: [_BodyCall]
  /// Gates one call expands to (saturating), so oversized expansions fail before any work.
  let size: Int
  /// Levels of user gates one call expands through (1 = only built-in gates in the body).
  let nesting: Int
}

/// A flattened register: its first index in the circuit and its size.
private struct _Register {
  let offset: Int
  let size: Int
}

private struct _QASMParserState {
  let tokens: [QASMToken]
  var index = 0
  var qregs: [String: _Register] = [:]
  var cregs: [String: _Register] = [:]
  var qubitCount = 0
  var bitCount = 0
  var definitions: [String: _GateDefinition] = [:]
  var operations: [Operation] = []
  /// Nesting level and operand count of the expression being parsed (see `QASMParser` limits).
  var expressionDepth = 0
  var expressionTerms = 0
  /// True after `OPENQASM 3...;`: the OpenQASM 3 statements of `QASMParser` are accepted.
  var version3 = false

  init(tokens: [QASMToken]) { self.tokens = tokens }

  // MARK: - Tokens

  var current: QASMToken { tokens[index] }

  mutating func advance() -> QASMToken {
    let t = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return t
  }

  func error(_ t: QASMToken, _ message: String) -> QASMError {
    QASMError(line: t.line, column: t.column, message: message)
  }

  func isSymbol(_ s: String) -> Bool { current.kind == .symbol(s) }

  mutating func expectSymbol(_ s: String, _ context: String) throws(QASMError) {
    guard isSymbol(s) else { throw error(current, "expected '\(s)' \(context), found '\(current.text)'") }
    _ = advance()
  }

  mutating func expectIdentifier(_ what: String) throws(QASMError) -> (String, QASMToken) {
    let t = advance()
    guard case .identifier(let s) = t.kind else { throw error(t, "expected \(what), found '\(t.text)'") }
    return (s, t)
  }

  mutating func expectInteger(_ what: String) throws(QASMError) -> Int {
    let t = advance()
    guard case .integer(let v) = t.kind else { throw error(t, "expected \(what), found '\(t.text)'") }
    return v
  }

  // MARK: - Program

  mutating func parseProgram() throws(QASMError) -> Circuit {
    if case .identifier("OPENQASM") = current.kind {
      let t = advance()
      let v = advance()
      switch v.kind {
      case .real(let x) where x >= 2 && x < 3: break
      case .integer(2): break
      case .real(let x) where x >= 3 && x < 4: version3 = true
      case .integer(3): version3 = true
      case .real, .integer:
        throw error(v, "OpenQASM version '\(v.text)' is not supported; only 2.0 and 3 (the subset qlift exports) can be imported")
      default: throw error(t, "expected a version number after 'OPENQASM'")
      }
      try expectSymbol(";", "after the version")
    }
    while current.kind != .end {
      try parseStatement()
    }
    var circuit = Circuit(qubits: qubitCount, bits: bitCount)
    for op in operations {
      switch op {
      case .gate(let g): circuit.append(g)
      case .measure(let q, let b): circuit.measure(q, into: b)
      case .barrier(let qs): circuit.barrier(qs)
      }
    }
    return circuit
  }

  mutating func parseStatement() throws(QASMError) {
    let t = current
    switch t.kind {
    case .identifier("OPENQASM"):
      throw error(t, "'OPENQASM' must be the first statement")
    case .identifier("include"):
      _ = advance()
      let f = advance()
      guard case .string(let name) = f.kind else { throw error(f, "expected a file name string after 'include'") }
      let builtIn = version3 ? "stdgates.inc" : "qelib1.inc"
      guard name == builtIn else {
        throw error(f, "include '\(name)' is not supported; only \"\(builtIn)\" is built in for OpenQASM \(version3 ? "3" : "2.0")")
      }
      try expectSymbol(";", "after include")
    case .identifier("qreg"), .identifier("creg"):
      _ = advance()
      let isQuantum = t.kind == .identifier("qreg")
      let (name, nameToken) = try expectIdentifier("a register name")
      guard qregs[name] == nil && cregs[name] == nil else {
        throw error(nameToken, "register '\(name)' is already declared")
      }
      try expectSymbol("[", "after the register name")
      let sizeToken = current
      let size = try expectInteger("a register size")
      try expectSymbol("]", "after the register size")
      try expectSymbol(";", "after the register declaration")
      guard size > 0 else { throw error(sizeToken, "register '\(name)' must have a positive size, got \(size)") }
      if isQuantum {
        guard qubitCount + size <= QASMParser.maxRegisterBits else {
          throw error(sizeToken, "too many qubits: at most \(QASMParser.maxRegisterBits) are allowed")
        }
        qregs[name] = _Register(offset: qubitCount, size: size)
        qubitCount += size
      } else {
        guard bitCount + size <= QASMParser.maxRegisterBits else {
          throw error(sizeToken, "too many classical bits: at most \(QASMParser.maxRegisterBits) are allowed")
        }
        cregs[name] = _Register(offset: bitCount, size: size)
        bitCount += size
      }
    case .identifier("qubit") where version3, .identifier("bit") where version3:
      try parseDeclaration3()
    case .identifier("input") where version3:
      throw error(t, "'input' parameters are not supported; bind them first (export-qasm writes bound circuits)")
    case .identifier("gphase") where version3:
      _ = advance()
      let ps = try parseParameterList(nil)
      guard ps.count == 1 else { throw error(t, "gphase takes 1 parameter, got \(ps.count)") }
      try expectSymbol(";", "after gphase")
    case .identifier(let name) where version3 && cregs[name] != nil:
      try parseMeasureAssignment()
    case .identifier("gate"):
      try parseGateDefinition()
    case .identifier("opaque"):
      throw error(t, "'opaque' gate declarations are not supported")
    case .identifier("if"):
      throw error(t, "classically controlled 'if' statements are not supported")
    case .identifier("reset"):
      throw error(t, "'reset' is not supported")
    case .identifier("measure"):
      try parseMeasure()
    case .identifier("barrier"):
      _ = advance()
      let args = try parseArguments()
      try expectSymbol(";", "after barrier")
      var qubits: [Int] = []
      for a in args { qubits += try resolveQubits(a) }
      emit(.barrier(qubits))
    case .identifier(let name):
      try parseGateCall(name)
    default:
      throw error(t, "expected a statement, found '\(t.text)'")
    }
  }

  mutating func emit(_ op: Operation) {
    operations.append(op)
  }

  // MARK: - Arguments and registers

  mutating func parseArgument() throws(QASMError) -> _Argument {
    let (name, t) = try expectIdentifier("a register or qubit")
    if isSymbol("[") {
      _ = advance()
      let i = try expectInteger("an index")
      try expectSymbol("]", "after the index")
      return _Argument(name: name, index: i, token: t)
    }
    return _Argument(name: name, index: nil, token: t)
  }

  mutating func parseArguments() throws(QASMError) -> [_Argument] {
    var args = [try parseArgument()]
    while isSymbol(",") {
      _ = advance()
      args.append(try parseArgument())
    }
    return args
  }

  func register(_ a: _Argument, quantum: Bool) throws(QASMError) -> _Register {
    let table = quantum ? qregs : cregs
    guard let r = table[a.name] else {
      let other = quantum ? cregs[a.name] : qregs[a.name]
      if other != nil {
        throw error(a.token, "'\(a.name)' is a \(quantum ? "classical" : "quantum") register; expected a \(quantum ? "qubit" : "classical bit")")
      }
      throw error(a.token, "unknown \(quantum ? "quantum" : "classical") register '\(a.name)'")
    }
    if let i = a.index, i < 0 || i >= r.size {
      throw error(a.token, "index \(i) is out of range for register '\(a.name)' of size \(r.size)")
    }
    return r
  }

  func resolveQubits(_ a: _Argument) throws(QASMError) -> [Int] {
    let r = try register(a, quantum: true)
    if let i = a.index { return [r.offset + i] }
    return Array(r.offset..<(r.offset + r.size))
  }

  // MARK: - OpenQASM 3 declarations

  /// `qubit[n] name;`, `qubit name;`, `bit[n] name;`, `bit name;` (a register of size 1 without `[n]`).
  mutating func parseDeclaration3() throws(QASMError) {
    let t = advance()
    let isQuantum = t.kind == .identifier("qubit")
    var size = 1
    var sizeToken = t
    if isSymbol("[") {
      _ = advance()
      sizeToken = current
      size = try expectInteger("a register size")
      try expectSymbol("]", "after the register size")
    }
    let (name, nameToken) = try expectIdentifier("a register name")
    try expectSymbol(";", "after the register declaration")
    guard qregs[name] == nil && cregs[name] == nil else { throw error(nameToken, "register '\(name)' is already declared") }
    guard size > 0 else { throw error(sizeToken, "register '\(name)' must have a positive size, got \(size)") }
    let count = isQuantum ? qubitCount : bitCount
    guard count + size <= QASMParser.maxRegisterBits else {
      throw error(sizeToken, "too many \(isQuantum ? "qubits" : "classical bits"): at most \(QASMParser.maxRegisterBits) are allowed")
    }
    if isQuantum {
      qregs[name] = _Register(offset: qubitCount, size: size)
      qubitCount += size
    } else {
      cregs[name] = _Register(offset: bitCount, size: size)
      bitCount += size
    }
  }

  /// OpenQASM 3's `c[i] = measure q[j];` or `c = measure q;`.
  mutating func parseMeasureAssignment() throws(QASMError) {
    let c = try parseArgument()
    try expectSymbol("=", "after the classical bit")
    let t = current
    guard t.kind == .identifier("measure") else {
      throw error(t, "expected 'measure' after '=': only measurement results can be assigned")
    }
    _ = advance()
    let q = try parseArgument()
    try expectSymbol(";", "after measure")
    try emitMeasure(q, c, t)
  }

  // MARK: - Measure

  mutating func parseMeasure() throws(QASMError) {
    let t = advance()
    let q = try parseArgument()
    try expectSymbol("->", "between the qubit and the classical bit of 'measure'")
    let c = try parseArgument()
    try expectSymbol(";", "after measure")
    try emitMeasure(q, c, t)
  }

  /// Measures qubit (or register) `q` into bit (or register) `c`.
  mutating func emitMeasure(_ q: _Argument, _ c: _Argument, _ t: QASMToken) throws(QASMError) {
    let qr = try register(q, quantum: true), cr = try register(c, quantum: false)
    switch (q.index, c.index) {
    case (let qi?, let ci?): emit(.measure(qubit: qr.offset + qi, bit: cr.offset + ci))
    case (nil, nil):
      guard qr.size == cr.size else {
        throw error(t, "measure of register '\(q.name)' (\(qr.size) qubits) into '\(c.name)' (\(cr.size) bits): sizes differ")
      }
      for k in 0..<qr.size { emit(.measure(qubit: qr.offset + k, bit: cr.offset + k)) }
    default:
      throw error(t, "measure must map a qubit to a bit or a whole register to a whole register")
    }
  }

  // MARK: - Expressions

  /// Parses one whole parameter expression, with fresh depth and operand counts.
  mutating func parseTopExpression(_ scope: [String]?) throws(QASMError) -> QASMExpression {
    expressionDepth = 0
    expressionTerms = 0
    return try parseExpression(scope)
  }

  /// Enters one nesting level at `t`, refusing expressions nested deeper than the limit.
  mutating func enterNesting(_ t: QASMToken) throws(QASMError) {
    expressionDepth += 1
    guard expressionDepth <= QASMParser.maxExpressionDepth else {
      throw error(t, "expression nested too deeply: at most \(QASMParser.maxExpressionDepth) levels of parentheses, functions, signs and powers are allowed")
    }
  }

  mutating func parseExpression(_ scope: [String]?) throws(QASMError) -> QASMExpression {
    var lhs = try parseTerm(scope)
    while isSymbol("+") || isSymbol("-") {
      let op: Character = isSymbol("+") ? "+" : "-"
      _ = advance()
      lhs = .binary(op, lhs, try parseTerm(scope))
    }
    return lhs
  }

  mutating func parseTerm(_ scope: [String]?) throws(QASMError) -> QASMExpression {
    var lhs = try parseUnary(scope)
    while isSymbol("*") || isSymbol("/") {
      let op: Character = isSymbol("*") ? "*" : "/"
      _ = advance()
      lhs = .binary(op, lhs, try parseUnary(scope))
    }
    return lhs
  }

  mutating func parseUnary(_ scope: [String]?) throws(QASMError) -> QASMExpression {
    if isSymbol("-") || isSymbol("+") {
      let sign = advance()
      try enterNesting(sign)
      defer { expressionDepth -= 1 }
      let operand = try parseUnary(scope)
      return sign.kind == .symbol("-") ? .negate(operand) : operand
    }
    let base = try parsePrimary(scope)
    if isSymbol("^") {
      try enterNesting(advance())
      defer { expressionDepth -= 1 }
      return .binary("^", base, try parseUnary(scope))
    }
    return base
  }

  mutating func parsePrimary(_ scope: [String]?) throws(QASMError) -> QASMExpression {
    let t = advance()
    expressionTerms += 1
    guard expressionTerms <= QASMParser.maxExpressionTerms else {
      throw error(t, "expression too long: at most \(QASMParser.maxExpressionTerms) operands are allowed in one parameter")
    }
    switch t.kind {
    case .integer(let v): return .number(Double(v))
    case .real(let v): return .number(v)
    case .identifier("pi"): return .number(.pi)
    case .identifier(let name) where QASMExpression.functions.contains(name):
      try expectSymbol("(", "after '\(name)'")
      try enterNesting(t)
      defer { expressionDepth -= 1 }
      let e = try parseExpression(scope)
      try expectSymbol(")", "to close '\(name)('")
      return .function(name, e)
    case .identifier(let name):
      guard let scope, scope.contains(name) else {
        throw error(t, "unknown parameter '\(name)' in expression")
      }
      return .parameter(name)
    case .symbol("("):
      try enterNesting(t)
      defer { expressionDepth -= 1 }
      let e = try parseExpression(scope)
      try expectSymbol(")", "to close '('")
      return e
    default:
      throw error(t, "expected an expression, found '\(t.text)'")
    }
  }

  mutating func parseParameterList(_ scope: [String]?) throws(QASMError) -> [QASMExpression] {
    guard isSymbol("(") else { return [] }
    _ = advance()
    if isSymbol(")") { _ = advance(); return [] }
    var list = [try parseTopExpression(scope)]
    while isSymbol(",") {
      _ = advance()
      list.append(try parseTopExpression(scope))
    }
    try expectSymbol(")", "to close the parameter list")
    return list
  }

  // MARK: - Gates

  /// Arity and parameter count of a built-in or user gate, or nil if unknown.
  func signature(_ name: String) -> (arity: Int, parameters: Int)? {
    if let d = definitions[name] { return (d.arguments.count, d.parameters.count) }
    if let b = QASMBuiltinGate.table[name] { return (b.arity, b.parameterCount) }
    return nil
  }

  func checkSignature(_ name: String, _ t: QASMToken, parameters: Int, arguments: Int) throws(QASMError) {
    guard let sig = signature(name) else { throw error(t, "unknown gate '\(name)'") }
    guard sig.parameters == parameters else {
      throw error(t, "gate '\(name)' takes \(sig.parameters) parameter(s), got \(parameters)")
    }
    guard sig.arity == arguments else {
      throw error(t, "gate '\(name)' takes \(sig.arity) qubit argument(s), got \(arguments)")
    }
  }

  mutating func parseGateDefinition() throws(QASMError) {
    _ = advance()
    let (name, nameToken) = try expectIdentifier("a gate name")
    guard definitions[name] == nil else { throw error(nameToken, "gate '\(name)' is already defined") }
    var params: [String] = []
    if isSymbol("(") {
      _ = advance()
      if !isSymbol(")") {
        params.append(try expectIdentifier("a parameter name").0)
        while isSymbol(",") {
          _ = advance()
          params.append(try expectIdentifier("a parameter name").0)
        }
      }
      try expectSymbol(")", "to close the parameter list")
    }
    var args = [try expectIdentifier("a qubit argument name").0]
    while isSymbol(",") {
      _ = advance()
      args.append(try expectIdentifier("a qubit argument name").0)
    }
    try expectSymbol("{", "to open the body of gate '\(name)'")
    var body: [_BodyCall] = []
    while !isSymbol("}") {
      let t = current
      guard case .identifier(let first) = t.kind else {
        throw error(t, "expected a gate call or '}' in the body of gate '\(name)', found '\(t.text)'")
      }
      _ = advance()
      var callee = first
      var inverted = false
      if version3 && callee == "inv" && isSymbol("@") {
        _ = advance()
        let (g, _) = try expectIdentifier("a gate name after 'inv @'")
        callee = g
        inverted = true
      }
      if callee == "barrier" {
        while !isSymbol(";") && current.kind != .end { _ = advance() }
        try expectSymbol(";", "after barrier")
        continue
      }
      if ["measure", "reset", "if", "opaque", "gate", "qreg", "creg"].contains(callee) {
        throw error(t, "'\(callee)' is not allowed in the body of gate '\(name)'")
      }
      var ps = try parseParameterList(params)
      if inverted {
        guard let (g, qs) = QASMBuiltinGate.inverse(callee, ps) else {
          throw error(t, "'inv @ \(callee)' is not supported: only built-in gates with a built-in inverse can be inverted")
        }
        callee = g
        ps = qs
      }
      var callArgs: [String] = []
      repeat {
        if !callArgs.isEmpty { _ = advance() }
        let (a, at) = try expectIdentifier("a qubit argument")
        guard args.contains(a) else { throw error(at, "unknown qubit argument '\(a)' in the body of gate '\(name)'") }
        if isSymbol("[") { throw error(current, "qubit arguments inside a gate body cannot be indexed") }
        callArgs.append(a)
      } while isSymbol(",")
      try expectSymbol(";", "after the gate call")
      if inverted {
        guard let b = QASMBuiltinGate.table[callee], b.parameterCount == ps.count, b.arity == callArgs.count else {
          throw error(t, "gate '\(callee)' takes a different number of parameters or qubits")
        }
      } else {
        try checkSignature(callee, t, parameters: ps.count, arguments: callArgs.count)
      }
      if Set(callArgs).count != callArgs.count {
        throw error(t, "gate '\(callee)' is given the same qubit twice")
      }
      body.append(_BodyCall(name: callee, parameters: ps, arguments: callArgs, token: t, builtin: inverted))
    }
    _ = advance()
    if Set(params).count != params.count || Set(args).count != args.count {
      throw error(nameToken, "gate '\(name)' repeats a parameter or argument name")
    }
    var size = 0, nesting = 1
    for call in body {
      let callee = call.builtin ? nil : definitions[call.name]
      let (sum, overflow) = size.addingReportingOverflow(callee?.size ?? 1)
      size = overflow ? Int.max : sum
      nesting = max(nesting, 1 + (callee?.nesting ?? 0))
    }
    guard nesting <= QASMParser.maxGateNesting else {
      throw error(nameToken, "gate '\(name)' nests user gates \(nesting) deep; at most \(QASMParser.maxGateNesting) levels are allowed")
    }
    definitions[name] = _GateDefinition(parameters: params, arguments: args, body: body, size: size, nesting: nesting)
  }

  mutating func parseGateCall(_ name: String) throws(QASMError) {
    let t = advance()
    var name = name
    var builtin = false
    if version3 && isSymbol("@") {
      guard name == "inv" else { throw error(t, "the gate modifier '\(name) @' is not supported; only 'inv @' is") }
      _ = advance()
      name = try expectIdentifier("a gate name after 'inv @'").0
      builtin = true
    }
    var params = try parseParameterList(nil)
    let args = try parseArguments()
    try expectSymbol(";", "after the gate call")
    if builtin {
      guard let (g, qs) = QASMBuiltinGate.inverse(name, params) else {
        throw error(t, "'inv @ \(name)' is not supported: only built-in gates with a built-in inverse can be inverted")
      }
      name = g
      params = qs
      guard let b = QASMBuiltinGate.table[name], b.parameterCount == params.count, b.arity == args.count else {
        throw error(t, "gate '\(name)' takes a different number of parameters or qubits")
      }
    } else {
      try checkSignature(name, t, parameters: params.count, arguments: args.count)
    }
    let values = params.map { $0.evaluate([:]) }
    if let bad = values.first(where: { !$0.isFinite }) {
      throw error(t, "parameter of gate '\(name)' evaluates to \(bad)")
    }
    // Broadcast: whole registers must agree in size; single qubits repeat.
    var resolved: [[Int]] = []
    for a in args { resolved.append(try resolveQubits(a)) }
    let sizes = Set(resolved.map(\.count).filter { $0 > 1 })
    guard sizes.count <= 1 else {
      throw error(t, "registers given to gate '\(name)' differ in size: \(sizes.sorted())")
    }
    let repeats = args.contains { $0.index == nil } ? (resolved.map(\.count).max() ?? 1) : 1
    let size = builtin ? 1 : (definitions[name]?.size ?? 1)
    if size > (QASMParser.maxOperations - operations.count) / repeats {
      throw error(t, "the circuit expands to more than \(QASMParser.maxOperations) operations")
    }
    for k in 0..<repeats {
      let qubits = resolved.map { $0.count == 1 ? $0[0] : $0[k] }
      guard Set(qubits).count == qubits.count else {
        throw error(t, "gate '\(name)' is given the same qubit twice")
      }
      try expand(name, values, qubits, t, builtin: builtin)
    }
  }

  mutating func expand(_ name: String, _ values: [Double], _ qubits: [Int], _ t: QASMToken, builtin: Bool = false) throws(QASMError) {
    if !builtin, let d = definitions[name] {
      var env: [String: Double] = [:]
      for (p, v) in zip(d.parameters, values) { env[p] = v }
      var map: [String: Int] = [:]
      for (a, q) in zip(d.arguments, qubits) { map[a] = q }
      for call in d.body {
        let vs = call.parameters.map { $0.evaluate(env) }
        try expand(call.name, vs, call.arguments.map { map[$0]! }, t, builtin: call.builtin)
      }
      return
    }
    guard let b = QASMBuiltinGate.table[name] else { throw error(t, "unknown gate '\(name)'") }
    guard operations.count < QASMParser.maxOperations else {
      throw error(t, "the circuit expands to more than \(QASMParser.maxOperations) operations")
    }
    if let bad = values.first(where: { !$0.isFinite }) {
      throw error(t, "parameter of gate '\(name)' evaluates to \(bad)")
    }
    emit(.gate(Gate(b.kind, qubits, b.convert(values).map { .value($0) })))
  }
}
