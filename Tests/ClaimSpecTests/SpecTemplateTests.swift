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

@Suite struct GenerativeTemplateTests {
  @Test("the generative starter spec loads as a generative claim and the other tasks keep theirs")
  func generativeStarter() throws {
    let text = try #require(SpecTemplate.starter(name: "trial", task: .generative))
    let claim = try SpecLoader.load(yaml: text, file: "trial.yaml")
    #expect(claim.task == .generative && claim.id == "trial" && claim.criteria.metric == .kl)
    #expect(claim.generative?.target == .barsAndStripes(rows: 2, cols: 2))
    #expect(SpecTemplate.starter(name: "trial", task: .classification) == SpecTemplate.starter(name: "trial"))
  }
}
