import ClaimSpec
import Foundation
import Testing
import TestSupport

@Suite struct SpecFuzzTests {
  /// Replaces, deletes or inserts a few characters drawn from YAML's syntax and the spec's vocabulary.
  static func mutate(_ text: String, seed: UInt64) -> String {
    var rng = SplitMix64(state: seed)
    var chars = Array(text)
    let pieces = ["{", "}", "[", "]", ":", "-", " ", "\n", "#", "&a", "*a", "'", "\"", "0", "-1", "1e9", "pi", "null", "~",
      "exact", "csv: ../x", "\t", "é", "? ", "!!str "]
    for _ in 0..<Int.random(in: 1...4, using: &rng) where !chars.isEmpty {
      let i = Int.random(in: 0..<chars.count, using: &rng)
      switch Int.random(in: 0..<3, using: &rng) {
      case 0: chars.remove(at: i)
      case 1: chars.insert(contentsOf: pieces.randomElement(using: &rng)!, at: i)
      default: chars.replaceSubrange(i...i, with: pieces.randomElement(using: &rng)!)
      }
    }
    return String(chars)
  }

  @Test("mutated specs never crash: they load, or fail with located errors inside the file", arguments: 0..<4)
  func mutations(batch: Int) throws {
    let base = try String(contentsOf: fixtureURL("specs/design-example.yaml"), encoding: .utf8)
    for seed in UInt64(batch * 250)..<UInt64(batch * 250 + 250) {
      let text = Self.mutate(base, seed: seed)
      let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
      do {
        _ = try SpecLoader.load(yaml: text, file: "fuzz.yaml")
      } catch {
        #expect(!error.errors.isEmpty, "seed \(seed)")
        for e in error.errors {
          #expect(e.line >= 1 && e.line <= lineCount + 1 && e.column >= 1, "seed \(seed): \(e)")
          #expect(!e.message.isEmpty && e.file == "fuzz.yaml", "seed \(seed)")
        }
      }
    }
  }
}
