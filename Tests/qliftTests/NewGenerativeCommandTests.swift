import Foundation
import Testing

@Suite struct NewGenerativeCommandTests {
  @Test("qlift new --task generative writes a generative spec that lints clean; an unknown task exits 2")
  func generative() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-new-gen-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let r = try QliftProcess.run(["new", "born", "--task", "generative"], cwd: dir).tuple
    #expect(r.status == 0, "\(r.stderr)")
    let text = try String(contentsOf: dir.appendingPathComponent("specs/born.yaml"), encoding: .utf8)
    #expect(text.contains("task: generative") && text.contains("kind: born_machine"))
    let lint = try QliftProcess.run(["lint", "specs/born.yaml"], cwd: dir).tuple
    #expect(lint.status == 0, "\(lint.stderr)")
    let bad = try QliftProcess.run(["new", "x", "--task", "clustering"], cwd: dir).tuple
    #expect(bad.status == 2 && bad.stderr.contains("expected one of classification"))
  }
}
