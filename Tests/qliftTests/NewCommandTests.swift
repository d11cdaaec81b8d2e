import Foundation
import Testing

/// Runs the built `qlift` binary (see `QliftProcess`).
private func qlift(_ arguments: [String], cwd: URL) throws -> (status: Int32, stdout: String, stderr: String) {
  try QliftProcess.run(arguments, cwd: cwd).tuple
}

private func emptyFolder() throws -> URL {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-new-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  return dir
}

@Suite struct NewCommandTests {
  @Test("qlift new writes specs/NAME.yaml that lints clean, and refuses to overwrite it")
  func writesAndLints() throws {
    let dir = try emptyFolder()
    let r = try qlift(["new", "my-claim"], cwd: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let file = dir.appendingPathComponent("specs/my-claim.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("claim: my-claim"))
    let lint = try qlift(["lint", "specs/my-claim.yaml"], cwd: dir)
    #expect(lint.status == 0, "\(lint.stderr)")

    try "edited".write(to: file, atomically: true, encoding: .utf8)
    let again = try qlift(["new", "my-claim"], cwd: dir)
    #expect(again.status == 2)
    #expect(again.stderr.contains("already exists; not overwriting it"))
    #expect(try String(contentsOf: file, encoding: .utf8) == "edited")
  }

  @Test("--dir chooses the folder")
  func dirOption() throws {
    let dir = try emptyFolder()
    let r = try qlift(["new", "x1", "--dir", "claims/q"], cwd: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("claims/q/x1.yaml").path))
  }

  @Test("unsafe names exit 2 and write nothing", arguments: ["Bad", "../escape", "a b", "_x", "x.yaml"])
  func unsafe(name: String) throws {
    let dir = try emptyFolder()
    let r = try qlift(["new", name], cwd: dir)
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("error: '\(name)' is not a safe claim id"))
    #expect((try? FileManager.default.contentsOfDirectory(atPath: dir.path))?.isEmpty == true)
  }
}
