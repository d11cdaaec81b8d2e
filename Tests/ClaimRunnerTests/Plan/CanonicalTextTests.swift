import ClaimSpec
import Foundation
import Testing

@testable import ClaimRunner

/// Cache keys must not depend on the process: dictionaries and sets are written sorted.
@Suite struct CanonicalTextTests {
  struct Profile { var name: String; var sources: [String: String]; var figures: [Int: Double]; var tags: Set<String>; var note: String? }

  @Test func dictionariesAndSetsAreSortedWhateverTheirOrder() {
    let keys = (0..<40).map { "k\($0)" }
    var forward: [String: String] = [:], backward: [String: String] = [:]
    for k in keys { forward[k] = "v" + k }
    for k in keys.reversed() { backward[k] = "v" + k }
    let a = Profile(name: "p", sources: forward, figures: [3: 0.5, 1: 0.25], tags: ["b", "a"], note: nil)
    let b = Profile(name: "p", sources: backward, figures: [1: 0.25, 3: 0.5], tags: ["a", "b"], note: nil)
    #expect(CanonicalText.of(a) == CanonicalText.of(b))
    let text = CanonicalText.of(a)
    #expect(text.contains("figures: [1: 0.25, 3: 0.5]") && text.contains("tags: Set[\"a\", \"b\"]") && text.contains("note: nil"))
    // A changed value changes the text.
    var c = a
    c.figures[3] = 0.51
    #expect(CanonicalText.of(c) != text)
  }
}
