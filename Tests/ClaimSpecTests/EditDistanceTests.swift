import ClaimSpec
import Testing

@Suite struct EditDistanceTests {
  @Test("Levenshtein distances of textbook pairs", arguments: [
    ("kitten", "sitting", 3), ("flaw", "lawn", 2), ("", "abc", 3), ("same", "same", 0), ("Gamma", "gamma", 0),
  ])
  func distance(a: String, b: String, d: Int) {
    #expect(EditDistance.distance(a, b) == d)
    #expect(EditDistance.distance(b, a) == d)
  }

  @Test("suggestions for typos, none for unrelated words")
  func suggestions() {
    let keys = ["generator", "params", "samples", "test_fraction", "preprocess"]
    #expect(EditDistance.suggestion(for: "test_fracton", among: keys) == "test_fraction")
    #expect(EditDistance.suggestion(for: "sample", among: keys) == "samples")
    #expect(EditDistance.suggestion(for: "preproc", among: keys) == "preprocess")
    #expect(EditDistance.suggestion(for: "colour", among: keys) == nil)
  }
}
