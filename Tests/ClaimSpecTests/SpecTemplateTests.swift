import ClaimSpec
import Foundation
import Testing

@Suite struct SpecTemplateTests {
  @Test("the starter spec loads, states every fact and carries the name")
  func starter() throws {
    let claim = try SpecLoader.load(yaml: SpecTemplate.starter(name: "my-claim"), file: "my-claim.yaml")
    #expect(claim.id == "my-claim")
    #expect(ClaimCompleteness.check(claim).isEmpty)
    #expect(SpecTemplate.starter(name: "x").components(separatedBy: "#").count > 10)
  }

  @Test("safe ids", arguments: [
    ("abc", true), ("a-b_c9", true), ("9lives", true), ("", false), ("-a", false), ("_a", false), ("A", false),
    ("a b", false), ("a/b", false), ("..", false), ("é", false),
  ])
  func safeID(id: String, ok: Bool) { #expect(SpecVocabulary.isSafeID(id) == ok) }
}
