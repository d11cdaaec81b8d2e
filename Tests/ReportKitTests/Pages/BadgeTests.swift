import ClaimSpec
import Testing
@testable import ReportKit

@Suite struct BadgeTests {
  @Test func claimBadgeShowsVerdictAndExpectation() throws {
    let badge = Badge.claim(SampleResults.refuted)
    #expect(badge.label == "iris_vqc.v2")
    #expect(badge.value == "refuted (expected supported)")
    #expect(badge.colour == Palette.refuted)
    let svg = try #require(badge.document().root)
    // Width is label + value text at 6.6 px a character plus 14 px padding each.
    let expected = (6.6 * 11 + 14).rounded() + (6.6 * 28 + 14).rounded()
    #expect(svg.attribute("width") == SVGCanvas.num(expected))
    #expect(try svg.select(".//*[local-name()='text']").map(\.textContent) == ["iris_vqc.v2", "refuted (expected supported)"])
  }

  @Test func suiteBadgeIsGreenOnlyWhenAllPass() {
    #expect(Badge.suite([SampleResults.supported]).colour == Palette.supported)
    #expect(Badge.suite([SampleResults.supported]).value == "1 supported; all as expected")
    #expect(Badge.suite([SampleResults.supported, SampleResults.refuted]).colour == Palette.refuted)
    #expect(Badge.suite([]).value == "no claims; all as expected")
  }
}
