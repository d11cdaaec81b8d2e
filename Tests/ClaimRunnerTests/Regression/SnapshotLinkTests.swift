import ClaimRunner
import ClaimSpec
import Foundation
import Testing

/// Issue 17: accepting a claim never writes through a linked `accepted/` folder.
@Suite struct SnapshotLinkTests {
  @Test func aLinkedAcceptedFolderIsRefusedAndNothingIsWrittenThere() throws {
    let dir = try SpecFixtures.project()
    let outside = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-outside-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    let claim = try SpecFixtures.claim(
      SpecFixtures.kernelSpec(id: "acc", generator: "adhoc", params: "{features: 2, gap: 0.3}", samples: 40,
                              map: "zz", minLift: -1, expect: "supported"), name: "acc", in: dir)
    let folder = SuiteRunner.acceptedFolder(for: claim)
    try FileManager.default.createSymbolicLink(atPath: folder.path, withDestinationPath: outside.path)
    let r = try #require(SpecFixtures.run([claim], in: dir).first)
    #expect(throws: ProjectFile.Refusal.self) {
      try SnapshotStore(folder: folder, root: claim.projectRoot).save(AcceptedSnapshot(result: r, date: "x"))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
  }
}
