import ClaimRunner
import ClaimSpec
import Foundation
import Testing

/// No design chosen on the test data (issue 13): a design that changes while its seeds stay the
/// same is flagged until it is accepted on seeds no earlier acceptance saw.
@Suite struct DesignChangeTests {
  func claim(_ dir: URL, seeds: String, C: String = "[0.1, 1, 10]", hypothesis: String = "a test hypothesis") throws -> Claim {
    let text = SpecFixtures.kernelSpec(id: "dc", generator: "moons", params: "{noise: 0.2}", samples: 30, map: "zz",
                                       minLift: -1, expect: "supported", seeds: seeds)
      .replacingOccurrences(of: "svm: {C: [0.1, 1, 10]}", with: "svm: {C: \(C)}")
      .replacingOccurrences(of: "hypothesis: a test hypothesis", with: "hypothesis: \(hypothesis)")
    return try SpecFixtures.claim(text, name: "dc", in: dir)
  }

  func accept(_ c: Claim, in dir: URL) throws -> AcceptedSnapshot {
    let result = try SpecFixtures.run([c], in: dir)[0]
    let store = SnapshotStore(folder: SuiteRunner.acceptedFolder(for: c))
    let snapshot = AcceptedSnapshot(result: result, claim: c, date: "2026-12-02T00:00:00Z", previous: try store.load(c.id))
    try store.save(snapshot)
    return snapshot
  }

  func warnings(_ c: Claim, in dir: URL) throws -> [String] {
    [try SpecFixtures.run([c], in: dir)[0].designWarning].compactMap { $0 }
  }

  @Test func aChangedDesignOnSeenSeedsIsFlaggedUntilConfirmedOnFreshSeeds() throws {
    let dir = try SpecFixtures.project()
    _ = try accept(try claim(dir, seeds: "[1, 2, 3]"), in: dir)
    #expect(try warnings(try claim(dir, seeds: "[1, 2, 3]"), in: dir).isEmpty)
    // Only the prose changed: the same experiment.
    #expect(try warnings(try claim(dir, seeds: "[1, 2, 3]", hypothesis: "reworded"), in: dir).isEmpty)
    // The SVM grid changed on the same seeds: flagged.
    let changed = try claim(dir, seeds: "[1, 2, 3]", C: "[1, 100]")
    let w = try warnings(changed, in: dir)
    #expect(w.count == 1 && w[0].contains("changed after its results were seen on these seeds: confirm on fresh seeds"))
    // Accepting it on the same seeds keeps the flag.
    let reaccepted = try accept(changed, in: dir)
    #expect(reaccepted.unconfirmed == true)
    #expect(try warnings(changed, in: dir).first?.contains("confirm on fresh seeds") == true)
    // Accepted on seeds none of the acceptances saw: confirmed, clean.
    let fresh = try claim(dir, seeds: "[7, 8, 9]", C: "[1, 100]")
    let confirmed = try accept(fresh, in: dir)
    #expect(confirmed.unconfirmed == nil)
    #expect(confirmed.seenSeeds == [1, 2, 3, 7, 8, 9])
    #expect(try warnings(fresh, in: dir).isEmpty)
  }

  @Test func aChangedDesignOnFreshSeedsIsNotFlagged() throws {
    let dir = try SpecFixtures.project()
    _ = try accept(try claim(dir, seeds: "[1, 2, 3]"), in: dir)
    #expect(try warnings(try claim(dir, seeds: "[4, 5, 6]", C: "[1, 100]"), in: dir).isEmpty)
  }

  @Test func aHashOfAnotherDesignFormatIsNotADesignChange() throws {
    let dir = try SpecFixtures.project()
    var old = try accept(try claim(dir, seeds: "[1, 2, 3]"), in: dir)
    old.designHash = "an older format's hash"
    old.designVersion = Claim.designVersion - 1
    try SnapshotStore(folder: SuiteRunner.acceptedFolder(for: try claim(dir, seeds: "[1, 2, 3]"))).save(old)
    #expect(try warnings(try claim(dir, seeds: "[1, 2, 3]"), in: dir).isEmpty)
    let next = try accept(try claim(dir, seeds: "[1, 2, 3]"), in: dir)
    #expect(next.unconfirmed == nil && next.designVersion == Claim.designVersion)
  }
}
