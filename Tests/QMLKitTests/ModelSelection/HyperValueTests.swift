import Foundation
import Testing
@testable import QMLKit

@Suite struct HyperValueTests {
  @Test func codesAsBareValues() throws {
    let grid: [String: [HyperValue]] = ["C": [0.1, 10], "gamma": ["scale", 1]]
    let data = try JSONEncoder().encode(grid)
    let back = try JSONDecoder().decode([String: [HyperValue]].self, from: data)
    #expect(back == grid)
    let text = try #require(String(data: JSONEncoder().encode([HyperValue.text("scale"), .number(2)]), encoding: .utf8))
    #expect(text == "[\"scale\",2]")
  }

  @Test func describesIntegersWithoutPoint() {
    #expect(HyperValue.number(10).description == "10")
    #expect(HyperValue.number(0.01).description == "0.01")
    #expect(HyperValue.text("none").description == "none")
  }
}
