import Testing
@testable import ReportKit

@Suite struct NumberTextTests {
  @Test func formats() {
    #expect(NumberText.fixed(0.91234) == "0.912")
    #expect(NumberText.fixed(-0.0001) == "0.000")
    #expect(NumberText.fixed(.nan) == "n/a")
    #expect(NumberText.signed(0.105) == "+0.105")
    #expect(NumberText.signed(-0.02) == "\u{2212}0.020")
    #expect(NumberText.signed(0) == "0.000")
    #expect(NumberText.interval(0.08, 0.13, signed: true) == "[+0.080, +0.130]")
    #expect(NumberText.count(1_234_567) == "1,234,567")
    #expect(NumberText.count(999) == "999")
    #expect(NumberText.usd(12.4) == "$12.40")
    #expect(NumberText.usd(0) == "$0")
    #expect(NumberText.usd(0.001) == "<$0.01")
    #expect(NumberText.seconds(8.1) == "8.10 s")
    #expect(NumberText.seconds(125) == "2 min 05 s")
    #expect(NumberText.tick(0.2) == "0.2")
    #expect(NumberText.tick(1) == "1")
    #expect(NumberText.tick(0.15) == "0.15")
    #expect(NumberText.tick(-0.05) == "-0.05")
    #expect(ClaimPage.boundText(1e8) == "100,000,000")
    #expect(ClaimPage.boundText(41.5812) == "41.581")
    #expect(ClaimPage.boundText(8) == "8")
  }
}
