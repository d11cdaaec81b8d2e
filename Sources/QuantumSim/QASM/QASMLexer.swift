/// One token of OpenQASM source, with where it starts.
struct QASMToken: Equatable, Sendable {
  /// The kinds of token OpenQASM 2.0 uses.
  enum Kind: Equatable, Sendable {
    case identifier(String)
    case integer(Int)
    case real(Double)
    case string(String)
    /// Punctuation and operators: ; , ( ) [ ] { } + - * / ^ -> == = @
    case symbol(String)
    case end
  }
  let kind: Kind
  let line: Int
  let column: Int

  /// The token as the user wrote it, for messages.
  var text: String {
    switch kind {
    case .identifier(let s): return s
    case .integer(let i): return String(i)
    case .real(let d): return "\(d)"
    case .string(let s): return "\"\(s)\""
    case .symbol(let s): return s
    case .end: return "end of file"
    }
  }
}

/// A hand-written OpenQASM 2.0 lexer: identifiers, numbers (integers and reals with exponents),
/// strings, punctuation, `//` and `/* */` comments. Columns count Unicode scalars.
struct QASMLexer {
  private let scalars: [Unicode.Scalar]
  private var pos = 0
  private var line = 1
  private var column = 1

  init(_ text: String) { scalars = Array(text.unicodeScalars) }

  /// All tokens, ending with `.end`.
  /// - Throws: `QASMError` at an unexpected character, an unterminated string or comment.
  static func tokenize(_ text: String) throws(QASMError) -> [QASMToken] {
    var lexer = QASMLexer(text)
    var tokens: [QASMToken] = []
    while true {
      let t = try lexer.next()
      tokens.append(t)
      if t.kind == .end { return tokens }
    }
  }

  private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    pos + offset < scalars.count ? scalars[pos + offset] : nil
  }

  private mutating func advance() {
    if scalars[pos] == "\n" {
      line += 1
      column = 1
    } else {
      column += 1
    }
    pos += 1
  }

  private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
  }
  private static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

  private mutating func skipTrivia() throws(QASMError) {
    while let c = peek() {
      if c == " " || c == "\t" || c == "\n" || c == "\r" {
        advance()
      } else if c == "/" && peek(1) == "/" {
        while let d = peek(), d != "\n" { advance() }
      } else if c == "/" && peek(1) == "*" {
        let (l, col) = (line, column)
        advance(); advance()
        var closed = false
        while let d = peek() {
          if d == "*" && peek(1) == "/" {
            advance(); advance()
            closed = true
            break
          }
          advance()
        }
        if !closed { throw QASMError(line: l, column: col, message: "unterminated comment '/*'") }
      } else {
        return
      }
    }
  }

  mutating func next() throws(QASMError) -> QASMToken {
    try skipTrivia()
    let (l, col) = (line, column)
    guard let c = peek() else { return QASMToken(kind: .end, line: l, column: col) }
    func token(_ k: QASMToken.Kind) -> QASMToken { QASMToken(kind: k, line: l, column: col) }

    if Self.isIdentifierStart(c) {
      var s = ""
      while let d = peek(), Self.isIdentifierStart(d) || Self.isDigit(d) {
        s.unicodeScalars.append(d)
        advance()
      }
      return token(.identifier(s))
    }
    if Self.isDigit(c) || (c == "." && peek(1).map(Self.isDigit) == true) {
      var s = ""
      var isReal = false
      while let d = peek(), Self.isDigit(d) { s.unicodeScalars.append(d); advance() }
      if peek() == "." {
        isReal = true
        s.unicodeScalars.append("."); advance()
        while let d = peek(), Self.isDigit(d) { s.unicodeScalars.append(d); advance() }
      }
      if let e = peek(), e == "e" || e == "E" {
        let sign = peek(1)
        let hasSign = sign == "+" || sign == "-"
        if let d = peek(hasSign ? 2 : 1), Self.isDigit(d) {
          isReal = true
          s.unicodeScalars.append("e"); advance()
          if hasSign { s.unicodeScalars.append(sign!); advance() }
          while let d = peek(), Self.isDigit(d) { s.unicodeScalars.append(d); advance() }
        }
      }
      if isReal {
        guard let v = Double(s.hasPrefix(".") ? "0" + s : s) else {
          throw QASMError(line: l, column: col, message: "malformed number '\(s)'")
        }
        return token(.real(v))
      }
      guard let v = Int(s) else {
        throw QASMError(line: l, column: col, message: "integer '\(s)' is too large")
      }
      return token(.integer(v))
    }
    if c == "\"" {
      advance()
      var s = ""
      while let d = peek(), d != "\"", d != "\n" { s.unicodeScalars.append(d); advance() }
      guard peek() == "\"" else { throw QASMError(line: l, column: col, message: "unterminated string") }
      advance()
      return token(.string(s))
    }
    if c == "-" && peek(1) == ">" { advance(); advance(); return token(.symbol("->")) }
    if c == "=" && peek(1) == "=" { advance(); advance(); return token(.symbol("==")) }
    if ";,()[]{}+-*/^=@".unicodeScalars.contains(c) {
      advance()
      return token(.symbol(String(Character(c))))
    }
    throw QASMError(line: l, column: col, message: "unexpected character '\(Character(c))'")
  }
}
