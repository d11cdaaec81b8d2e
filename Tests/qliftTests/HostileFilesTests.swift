import Foundation
import Testing

/// Issue 17, "never read or write outside the project and the output folder": real symbolic
/// links, pipes and oversized files planted in a temporary project, run through the built binary.
@Suite struct HostileFilesTests {
  let fm = FileManager.default

  /// A valid one-claim project (`specs/h.yaml`) in a fresh folder.
  func project() throws -> URL {
    let dir = try QliftProcess.project()
    let c = HostileCase(name: "valid", dataset: "{generator: adhoc, params: {features: 2}, samples: 40}", mentions: [])
    try c.spec.write(to: dir.appendingPathComponent("specs/h.yaml"), atomically: true, encoding: .utf8)
    return dir
  }

  func link(_ dir: URL, _ path: String, to target: String) throws {
    let url = dir.appendingPathComponent(path)
    try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try fm.createSymbolicLink(atPath: url.path, withDestinationPath: target)
  }

  /// No environment variable (the content of /proc/self/environ) reaches the output.
  func expectNoEnvironment(_ r: QliftProcess.Output) {
    let all = r.stdout + r.stderr
    #expect(!all.contains("PATH=") && !all.contains("HOME="), "leaked: \(all.prefix(400))")
    #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("internal error"), "\(r.stderr)")
  }

  @Test func aSpecLinkedToProcSelfEnvironIsRefusedAndNotEchoed() throws {
    let dir = try project()
    try link(dir, "specs/leak.yaml", to: "/proc/self/environ")
    let r = try QliftProcess.run(["lint", "specs"], cwd: dir)
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderr.contains("specs/leak.yaml") && r.stderr.contains("outside"), "\(r.stderr)")
    expectNoEnvironment(r)
  }

  @Test func aDeviceProfileLinkedOutsideIsRefused() throws {
    let dir = try project()
    try link(dir, "specs/devices/leak.yaml", to: "/proc/self/environ")
    let r = try QliftProcess.run(["lint", "specs"], cwd: dir)
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderr.contains("specs/devices/leak.yaml") && r.stderr.contains("outside"), "\(r.stderr)")
    expectNoEnvironment(r)
  }

  @Test func aLinkedSpecFolderDoesNotMoveTheProjectRoot() throws {
    let dir = try project()
    let elsewhere = try QliftProcess.project()
    let c = HostileCase(name: "valid", dataset: "{generator: adhoc, params: {features: 2}, samples: 40}", mentions: [])
    try c.spec.write(to: elsewhere.appendingPathComponent("x.yaml"), atomically: true, encoding: .utf8)
    try link(dir, "specs/linked", to: elsewhere.path)
    let r = try QliftProcess.run(["lint", "specs/linked/x.yaml"], cwd: dir)
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderr.contains("specs/linked/x.yaml") && r.stderr.contains("outside"), "\(r.stderr)")
  }

  @Test func aPipeAsASpecIsRefusedWithoutWaiting() throws {
    let dir = try project()
    #expect(mkfifo(dir.appendingPathComponent("specs/pipe.yaml").path, 0o644) == 0)
    let start = Date()
    let r = try QliftProcess.run(["lint", "specs/pipe.yaml"], cwd: dir)
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderr.contains("pipe.yaml") && r.stderr.contains("not a regular file"), "\(r.stderr)")
    #expect(Date().timeIntervalSince(start) < 20)
  }

  @Test func aLongRegularLineIsEchoedOnlyAsAShortExcerpt() throws {
    let dir = try project()
    let secret = String(repeating: "s", count: 5000)
    try "claim: [\(secret)\n".write(to: dir.appendingPathComponent("specs/long.yaml"), atomically: true, encoding: .utf8)
    let r = try QliftProcess.run(["lint", "specs/long.yaml"], cwd: dir)
    #expect(r.status == 2)
    #expect(!r.stderr.contains(String(repeating: "s", count: 200)), "\(r.stderr.prefix(500))")
  }

  @Test func aDataFileLinkedToADeviceOrLargerThanTheLimitIsRefusedBeforeReading() throws {
    let dir = try project()
    let spec = { (csv: String) in
      HostileCase(name: "csv", dataset: "{csv: \(csv), target: y}", mentions: []).spec
    }
    // A pipe inside the project (reading it would block forever).
    #expect(mkfifo(dir.appendingPathComponent("specs/pipe.csv").path, 0o644) == 0)
    try spec("pipe.csv").write(to: dir.appendingPathComponent("specs/h.yaml"), atomically: true, encoding: .utf8)
    var r = try QliftProcess.run(["lint", "specs/h.yaml"], cwd: dir)
    #expect(r.status == 2 && r.stderr.contains("dataset.csv") && r.stderr.contains("not a regular file"), "\(r.stderr)")
    // A sparse 300 MB file: refused from its size, never read.
    let big = dir.appendingPathComponent("specs/big.csv")
    #expect(fm.createFile(atPath: big.path, contents: Data("a,y\n".utf8)))
    #expect(truncate(big.path, 300 * 1024 * 1024) == 0)
    try spec("big.csv").write(to: dir.appendingPathComponent("specs/h.yaml"), atomically: true, encoding: .utf8)
    let start = Date()
    r = try QliftProcess.run(["run", "specs/h.yaml", "--out", "out"], cwd: dir)
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderr.contains("dataset.csv") && r.stderr.contains("314572800 bytes") && r.stderr.contains("256 MB"), "\(r.stderr)")
    #expect(Date().timeIntervalSince(start) < 20)
  }

  @Test func aTemplateLinkedOutsideIsRefusedAndNotPublished() throws {
    let dir = try project()
    let templates = dir.appendingPathComponent("templates")
    try fm.createDirectory(at: templates, withIntermediateDirectories: true)
    for name in ["index.html", "claim.html"] { try "<html></html>".write(to: templates.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    try link(dir, "templates/report.css", to: "/proc/self/environ")
    let r = try QliftProcess.run(["run", "specs/h.yaml", "--out", "reports", "--jobs", "1"], cwd: dir)
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderr.contains("templates/report.css") && r.stderr.contains("outside"), "\(r.stderr)")
    #expect(!fm.fileExists(atPath: dir.appendingPathComponent("reports/report.css").path))
    expectNoEnvironment(r)
  }

  @Test func aForceAddedHistoryLinkIsRefused() throws {
    let dir = try project()
    try link(dir, "reports/history.jsonl", to: "/proc/self/environ")
    let r = try QliftProcess.run(["run", "specs/h.yaml", "--out", "reports", "--jobs", "1"], cwd: dir)
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderr.contains("history.jsonl") && r.stderr.contains("symbolic link"), "\(r.stderr)")
    expectNoEnvironment(r)
    let report = try QliftProcess.run(["report", "reports"], cwd: dir)
    #expect(report.status == 2 && report.stderr.contains("history.jsonl"), "\(report.stderr)")
    expectNoEnvironment(report)
  }

  @Test(arguments: ["results", "claims", "badges", "junit.xml", "index.html"])
  func aLinkInsideOutIsRefusedAndNothingOutsideChanges(_ name: String) throws {
    let dir = try project()
    let outside = try QliftProcess.project()
    let victim = outside.appendingPathComponent("victim")
    try fm.createDirectory(at: victim, withIntermediateDirectories: true)
    try "precious".write(to: victim.appendingPathComponent("h.json"), atomically: true, encoding: .utf8)
    try "precious".write(to: victim.appendingPathComponent("old.html"), atomically: true, encoding: .utf8)
    let isFolder = ["results", "claims", "badges"].contains(name)
    try link(dir, "reports/\(name)", to: isFolder ? victim.path : victim.appendingPathComponent("h.json").path)
    let r = try QliftProcess.run(["run", "specs/h.yaml", "--out", "reports", "--jobs", "1"], cwd: dir)
    #expect(r.status == 2, "\(name): \(r.stderr)")
    #expect(r.stderr.contains("reports/\(name)") && r.stderr.contains("symbolic link"), "\(name): \(r.stderr)")
    #expect(try fm.contentsOfDirectory(atPath: victim.path).sorted() == ["h.json", "old.html"], "\(name)")
    #expect(try String(contentsOf: victim.appendingPathComponent("h.json"), encoding: .utf8) == "precious")
  }
}
