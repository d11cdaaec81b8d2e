import ClaimSpec
import Foundation
import QuantumSim
import Testing
import TestSupport

/// A seeded mutation fuzzer over the spec loader and the OpenQASM importer, fed from the
/// corpus in `Tests/ClaimRunnerTests/Fuzz/corpus/{spec,qasm}/`. Every input must load or fail with a located error
/// (a line and column inside the input), and no input may take longer than `slowLimit`.
/// `make fuzz` runs it for `QLIFT_FUZZ_SECONDS` (default here: 2 s per target, so `make test` stays quick).
@Suite struct ReliabilityFuzzTests {
  /// Seconds each target runs.
  static var budget: Double {
    Double(ProcessInfo.processInfo.environment["QLIFT_FUZZ_SECONDS"] ?? "") ?? 2
  }
  /// The longest one input may take.
  static let slowLimit = 2.0

  /// The corpus folder of a target.
  static func corpus(_ name: String) throws -> [String] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fuzz/corpus/\(name)")
    let files = try FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil)
      .filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }
    return try files.map { try String(contentsOf: $0, encoding: .utf8) }
  }

  /// The shared seeded generator, for reproducible mutations.
  typealias Rng = SplitMix64

  /// Deletes, inserts, replaces or duplicates pieces; splices in a second corpus entry now and then.
  static func mutate(_ text: String, other: String, pieces: [String], rng: inout Rng) -> String {
    var chars = Array(text)
    for _ in 0..<Int.random(in: 1...6, using: &rng) {
      if chars.isEmpty { chars = Array(pieces.randomElement(using: &rng)!); continue }
      let i = Int.random(in: 0..<chars.count, using: &rng)
      switch Int.random(in: 0..<6, using: &rng) {
      case 0: chars.remove(at: i)
      case 1: chars.insert(contentsOf: pieces.randomElement(using: &rng)!, at: i)
      case 2: chars.replaceSubrange(i...i, with: pieces.randomElement(using: &rng)!)
      case 3:
        let j = min(chars.count, i + Int.random(in: 1...40, using: &rng))
        chars.insert(contentsOf: chars[i..<j], at: j)
      case 4:
        let o = Array(other)
        if !o.isEmpty {
          let a = Int.random(in: 0..<o.count, using: &rng)
          chars.insert(contentsOf: o[a..<min(o.count, a + Int.random(in: 1...80, using: &rng))], at: i)
        }
      default: chars.removeSubrange(i..<min(chars.count, i + Int.random(in: 1...20, using: &rng)))
      }
    }
    return String(chars)
  }

  /// The deep-nesting OpenQASM mutator: builds a parameter expression nested or chained up to
  /// 200,000 levels deep (parentheses, signs, powers, function calls, long sums and products)
  /// or a chain of user gates, and puts it into a gate call or a gate definition, or anywhere in
  /// the text. The parser must refuse it with a located error instead of exhausting its stack.
  static func deepen(_ text: String, rng: inout Rng) -> String {
    let n = 1 << Int.random(in: 0...17, using: &rng) + Int.random(in: 0...1, using: &rng)
    func nest(_ open: String, _ close: String) -> String {
      String(repeating: open, count: n) + "0.5" + String(repeating: close, count: n)
    }
    let expression: String
    switch Int.random(in: 0..<7, using: &rng) {
    case 0: expression = nest("(", ")")
    case 1: expression = nest("-", "")
    case 2: expression = nest("sin(", ")")
    case 3: expression = Array(repeating: "2", count: n).joined(separator: "^")
    case 4: expression = Array(repeating: "pi", count: n).joined(separator: "+")
    case 5: expression = Array(repeating: "1", count: n).joined(separator: ["*", "/", "-"].randomElement(using: &rng)!)
    default:
      var chain = "gate d0 a { h a; }\n"
      for k in 1..<min(n, 20_000) { chain += "gate d\(k) a { d\(k - 1) a; }\n" }
      return text + chain + "d\(min(n, 20_000) - 1) q[0];\n"
    }
    switch Int.random(in: 0..<3, using: &rng) {
    case 0: return text + "rz(\(expression)) q[0];\n"
    case 1: return text + "gate deep(t) a { rz(t * \(expression)) a; }\ndeep(1) q[0];\n"
    default:
      var chars = Array(text)
      chars.insert(contentsOf: expression, at: Int.random(in: 0...chars.count, using: &rng))
      return String(chars)
    }
  }

  /// Figures of one fuzz run.
  struct Stats { var executions = 0, accepted = 0, rejected = 0, slowest = 0.0, seconds = 0.0 }

  /// Runs `check` on mutated corpus entries for `budget` seconds; `check` returns true when accepted.
  /// `deep` is the share of inputs made by `deepen` (after the ordinary mutations) instead.
  static func fuzz(
    _ corpus: [String], pieces: [String], seed: UInt64, deep: Double = 0, _ check: (String) throws -> Bool
  ) rethrows -> Stats {
    var rng = Rng(state: seed)
    var stats = Stats()
    let start = Date()
    var pool = corpus
    while Date().timeIntervalSince(start) < budget {
      let base = pool.randomElement(using: &rng)!
      var input = mutate(base, other: corpus.randomElement(using: &rng)!, pieces: pieces, rng: &rng)
      if Double.random(in: 0..<1, using: &rng) < deep { input = deepen(Bool.random(using: &rng) ? base : input, rng: &rng) }
      let t0 = Date()
      if try check(input) { stats.accepted += 1; if pool.count < 64 { pool.append(input) } } else { stats.rejected += 1 }
      let dt = Date().timeIntervalSince(t0)
      stats.slowest = max(stats.slowest, dt)
      #expect(dt < slowLimit, "input took \(dt) s:\n\(input)")
      stats.executions += 1
    }
    stats.seconds = Date().timeIntervalSince(start)
    return stats
  }

  static func report(_ name: String, _ s: Stats) {
    print(String(format: "fuzz %@: %d executions in %.1f s (%d accepted, %d rejected with located errors), slowest input %.1f ms",
                 name, s.executions, s.seconds, s.accepted, s.rejected, s.slowest * 1000))
  }

  @Test func specLoader() throws {
    let pieces = ["{", "}", "[", "]", ":", "- ", " ", "\n", "#", "&a ", "*a", "'", "\"", "0", "-1", "1e308", "nan", ".inf",
      "null", "~", "exact", "csv: ../../etc/passwd", "\t", "é", "? ", "!!str ", "<script>", "samples: 1e12", "qubits: 10000",
      "&a [*a, *a, *a, *a]", "[[[[[[[[", "shots: -1", "seeds: []", "\u{0}", "%YAML 1.2\n---\n", "...\n"]
    let stats = try Self.fuzz(try Self.corpus("spec"), pieces: pieces, seed: 0x5EC) { text in
      do {
        _ = try SpecLoader.load(yaml: text, file: "fuzz.yaml")
        return true
      } catch let error as SpecErrors {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(!error.errors.isEmpty)
        for e in error.errors {
          #expect(e.file == "fuzz.yaml" && e.line >= 1 && e.line <= lines + 1 && e.column >= 1 && !e.message.isEmpty,
                  "unlocated: \(e.description)")
        }
        return false
      } catch {
        Issue.record("not a located error: \(error)")
        return false
      }
    }
    Self.report("spec", stats)
    #expect(stats.executions > 0)
  }

  @Test func qasmImporter() throws {
    let stats = Self.fuzz(try Self.corpus("qasm"), pieces: Self.qasmPieces, seed: 0x0A5, Self.checkQASM)
    Self.report("qasm", stats)
    #expect(stats.executions > 0)
  }

  /// The deep-nesting mutator's run: every input deepened, none may crash or go unlocated.
  @Test func qasmDeepNesting() throws {
    let stats = Self.fuzz(try Self.corpus("qasm"), pieces: Self.qasmPieces, seed: 0xDEE9, deep: 1, Self.checkQASM)
    Self.report("qasm deep nesting", stats)
    #expect(stats.executions > 0)
  }

  /// Hostile pieces the QASM mutations insert.
  static let qasmPieces = ["(", ")", "[", "]", ";", ",", "->", " ", "\n", "//", "/*", "pi", "-", "*", "/", "^", "1e308", "0",
    "99999999999", "q[", "qreg q[40];", "creg c[", "gate g(a) x { h x; }", "g(", "measure ", "barrier ", "cx ", "u3(",
    "include \"other.inc\";", "OPENQASM 3.0;", "\"", "é", "\u{0}", "if(c==1) ", "opaque o q;", "reset q;"]

  /// Parses `text`: true when accepted; a rejection must be a located `QASMError`.
  static func checkQASM(_ text: String) -> Bool {
    do {
      let c = try QASMParser.parse(text)
      #expect(c.qubitCount >= 0)
      return true
    } catch {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
      #expect(error.line >= 1 && error.line <= lines + 1 && error.column >= 1 && !error.message.isEmpty,
              "unlocated: \(error.description.prefix(500))")
      return false
    }
  }
}
