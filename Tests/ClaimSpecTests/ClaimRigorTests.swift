import ClaimSpec
import Foundation
import Testing

/// Lint's seed rule: fewer than 2 seeds is an error, 2 seeds a warning, 3 or more clean.
@Suite struct ClaimRigorTests {
  func lint(seeds: String) throws -> SpecSet {
    let p = try makeProject()
    let text = spec().replacingOccurrences(of: "seeds: [1, 2, 3]", with: "seeds: \(seeds)")
    #expect(text.contains("seeds: \(seeds)"))
    try text.write(to: p.specs.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
    return SpecLinter.lint(paths: ["specs/s.yaml"], base: p.root)
  }

  @Test func oneSeedIsALocatedError() throws {
    let r = try lint(seeds: "[7]")
    let e = try #require(r.errors.first { $0.field == "seeds" })
    #expect(e.headline.hasPrefix("specs/s.yaml:") && e.headline.contains(": error: seeds:"))
    #expect(e.message.contains("at least 3"))
  }

  @Test func twoSeedsWarnButLintClean() throws {
    let r = try lint(seeds: "[7, 8]")
    #expect(r.isClean, "\(r.errors.map(\.description))")
    let w = try #require(r.warnings.first { $0.field == "seeds" })
    #expect(w.headline.contains(": warning: seeds:"))
    #expect(w.sourceLine?.contains("seeds") == true)
  }

  @Test func threeSeedsAreClean() throws {
    let r = try lint(seeds: "[7, 8, 9]")
    #expect(r.isClean && !r.warnings.contains { $0.field == "seeds" })
  }
}
