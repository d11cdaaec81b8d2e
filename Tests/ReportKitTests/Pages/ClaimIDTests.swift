import Testing
@testable import ReportKit

@Suite struct ClaimIDTests {
  @Test(arguments: ["adhoc-zz-kernel", "iris_vqc.v2", "A1", String(repeating: "a", count: 128)])
  func safe(_ id: String) { #expect(ClaimID.isSafe(id)) }

  @Test(arguments: ["", "../x", "a/b", "a\\b", "..", "a..b", ".x", "-x", "a b", "é", "a\0b", "x%2F", String(repeating: "a", count: 129)])
  func unsafe(_ id: String) { #expect(!ClaimID.isSafe(id)) }
}
