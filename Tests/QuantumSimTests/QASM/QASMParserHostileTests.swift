import Foundation
import Testing
@testable import QuantumSim

/// Hostile OpenQASM: inputs built to exhaust the parser's stack (deep nesting, very long
/// expressions, long chains of user gates) fail with a located `QASMError`, never a crash.
@Suite struct QASMParserHostileTests {
  let header = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\n"

  /// The error `text` fails with (nil when it parses).
  func error(_ text: String) -> QASMError? {
    do {
      _ = try QASMParser.parse(text)
      return nil
    } catch {
      return error
    }
  }

  /// The 1-based column of the `n`-th (1-based) occurrence of `c` on the line.
  func column(of n: Int, _ c: Character, in line: String) -> Int {
    var seen = 0
    for (i, x) in line.enumerated() where x == c {
      seen += 1
      if seen == n { return i + 1 }
    }
    return 0
  }

  @Test func hundredThousandNestedParenthesesFailAtTheFirstLevelTooDeep() throws {
    let n = 100_000
    let line = "rz(" + String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n) + ") q[0];"
    let e = try #require(error(header + line + "\n"))
    #expect(e.line == 4)
    // The call's own "(" is not a level; the 65th nested "(" is the first one too deep.
    #expect(e.column == column(of: QASMParser.maxExpressionDepth + 2, "(", in: line))
    #expect(e.message.contains("nested too deeply"), "\(e)")
  }

  @Test func hundredThousandTermSumFailsAtTheFirstTermTooMany() throws {
    let n = 100_000
    let line = "rz(" + Array(repeating: "1", count: n).joined(separator: "+") + ") q[0];"
    let e = try #require(error(header + line + "\n"))
    #expect(e.line == 4)
    // Operand k (1-based) starts at column 4 + 2 (k - 1).
    #expect(e.column == 4 + 2 * QASMParser.maxExpressionTerms)
    #expect(e.message.contains("too long"), "\(e)")
  }

  @Test("long chains of signs, powers and functions", arguments: [
    String(repeating: "-", count: 100_000) + "1",
    Array(repeating: "2", count: 100_000).joined(separator: "^"),
    String(repeating: "sin(", count: 100_000) + "1" + String(repeating: ")", count: 100_000),
    Array(repeating: "1", count: 100_000).joined(separator: "*"),
  ])
  func deepChainsFailLocated(_ expression: String) throws {
    let e = try #require(error(header + "rz(" + expression + ") q[0];\n"))
    #expect(e.line == 4 && e.column > 3, "\(e)")
  }

  @Test func userGateExpressionsAreBoundedToo() throws {
    let body = Array(repeating: "a", count: 100_000).joined(separator: "+")
    let e = try #require(error(header + "gate g(a) x { rz(\(body)) x; }\n"))
    #expect(e.line == 4 && e.message.contains("too long"), "\(e)")
  }

  @Test func expressionsAtTheLimitsParse() throws {
    let depth = QASMParser.maxExpressionDepth
    let nested = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
    let sum = Array(repeating: "1", count: QASMParser.maxExpressionTerms).joined(separator: "+")
    let c = try QASMParser.parse(header + "rz(\(nested)) q[0];\nrz(\(sum)) q[0];\n")
    #expect(c.gates.count == 2)
    #expect(c.gates[1].parameters.first?.constantValue == Double(QASMParser.maxExpressionTerms))
  }

  @Test func hundredThousandNestedUserGatesFailAtTheFirstTooDeep() throws {
    var text = header + "gate g0 x { h x; }\n"
    for k in 1..<100_000 { text += "gate g\(k) x { g\(k - 1) x; }\n" }
    text += "g99999 q[0];\n"
    let e = try #require(error(text))
    // g0 is level 1, so g64 is the first definition one level too deep (header: 3 lines).
    #expect(e.line == 4 + QASMParser.maxGateNesting && e.column == 6, "\(e)")
    #expect(e.message.contains("nests user gates"), "\(e)")
  }

  @Test func userGatesAtTheNestingLimitExpand() throws {
    var text = header + "gate g1 x { h x; }\n"
    for k in 2...QASMParser.maxGateNesting { text += "gate g\(k) x { g\(k - 1) x; }\n" }
    text += "g\(QASMParser.maxGateNesting) q[0];\n"
    let c = try QASMParser.parse(text)
    #expect(c.gates.map(\.kind) == [.h])
  }
}
