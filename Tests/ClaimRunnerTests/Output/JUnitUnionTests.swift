import ClaimRunner
import ClaimSpec
import Foundation
import Testing

/// Issue 17: runs one after another into the same reports folder leave a junit.xml that lists
/// every result kept in results/ (what index.html shows), not only the last run's claims.
@Suite struct JUnitUnionTests {
  @Test func junitListsEveryResultKeptAfterTwoRunsIntoTheSameFolder() throws {
    let dir = try SpecFixtures.project()
    func claim(_ id: String) throws -> Claim {
      try SpecFixtures.claim(
        SpecFixtures.kernelSpec(id: id, generator: "adhoc", params: "{features: 2, gap: 0.3}", samples: 40,
                                map: "zz", minLift: -1, expect: "supported"), name: id, in: dir)
    }
    _ = try SpecFixtures.run([claim("first")], in: dir)
    _ = try SpecFixtures.run([claim("second")], in: dir)
    let junit = try String(contentsOf: dir.appendingPathComponent("reports/junit.xml"), encoding: .utf8)
    #expect(junit.contains("tests=\"2\""), "\(junit.prefix(300))")
    #expect(junit.contains("classname=\"claims.first\"") && junit.contains("classname=\"claims.second\""), "\(junit.prefix(600))")
    // A damaged results file of another claim is not listed (it is not a result kept).
    try Data("{".utf8).write(to: dir.appendingPathComponent("reports/results/broken.json"))
    _ = try SpecFixtures.run([claim("second")], in: dir)
    let again = try String(contentsOf: dir.appendingPathComponent("reports/junit.xml"), encoding: .utf8)
    #expect(again.contains("tests=\"2\"") && !again.contains("broken"))
  }
}
