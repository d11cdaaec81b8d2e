import ClaimSpec
import Foundation
import Testing

/// The checked read and the reports-folder write check, on real links, pipes and sparse files
/// in a temporary folder.
@Suite struct ProjectFileTests {
  let fm = FileManager.default

  func folder() throws -> URL {
    let url = fm.temporaryDirectory.appendingPathComponent("qlift-files-\(UUID().uuidString)")
    try fm.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func aRegularFileInsideIsRead() throws {
    let root = try folder()
    try fm.createDirectory(at: root.appendingPathComponent("a"), withIntermediateDirectories: true)
    try "hello".write(to: root.appendingPathComponent("a/f.txt"), atomically: true, encoding: .utf8)
    // A link that stays inside the root is fine.
    try fm.createSymbolicLink(atPath: root.appendingPathComponent("link.txt").path, withDestinationPath: "a/f.txt")
    #expect(try ProjectFile.readText(root.appendingPathComponent("a/f.txt"), root: root, maxBytes: 100) == "hello")
    #expect(try ProjectFile.readText(root.appendingPathComponent("link.txt"), root: root, maxBytes: 100) == "hello")
  }

  @Test(arguments: ["/proc/self/environ", "/etc/hostname", "../outside.txt"])
  func aLinkLeavingTheRootIsRefusedWithoutReading(_ target: String) throws {
    let parent = try folder()
    let root = parent.appendingPathComponent("project")
    try fm.createDirectory(at: root, withIntermediateDirectories: true)
    try "secret".write(to: parent.appendingPathComponent("outside.txt"), atomically: true, encoding: .utf8)
    let link = root.appendingPathComponent("x.yaml")
    try fm.createSymbolicLink(atPath: link.path, withDestinationPath: target)
    guard fm.fileExists(atPath: link.path) else { return }  // /etc/hostname may be absent in a container
    #expect {
      _ = try ProjectFile.read(link, root: root, maxBytes: 1 << 20, shown: "specs/x.yaml")
    } throws: { e in
      guard let r = e as? ProjectFile.Refusal else { return false }
      return r.path == "specs/x.yaml" && r.reason.contains("symbolic link") && r.reason.contains("outside") && !r.isMissing
    }
  }

  @Test func pipesFoldersDanglingLinksAndMissingFilesAreRefusedPlainly() throws {
    let root = try folder()
    let pipe = root.appendingPathComponent("p")
    #expect(mkfifo(pipe.path, 0o644) == 0)
    let start = Date()
    #expect(throws: ProjectFile.Refusal.self) { try ProjectFile.read(pipe, root: root, maxBytes: 100) }
    #expect(Date().timeIntervalSince(start) < 5, "opening the pipe waited for a writer")
    do { _ = try ProjectFile.read(pipe, root: root, maxBytes: 100) } catch { #expect(error.reason.contains("pipe")) }
    do { _ = try ProjectFile.read(root, root: root, maxBytes: 100) } catch { #expect(error.reason.contains("folder")) }
    try fm.createSymbolicLink(atPath: root.appendingPathComponent("d").path, withDestinationPath: "nowhere")
    do { _ = try ProjectFile.read(root.appendingPathComponent("d"), root: root, maxBytes: 100) } catch {
      #expect(error.reason.contains("dangling") && !error.isMissing)
    }
    do { _ = try ProjectFile.read(root.appendingPathComponent("none"), root: root, maxBytes: 100) } catch { #expect(error.isMissing) }
  }

  @Test func anOversizedFileIsRefusedFromItsSizeBeforeReading() throws {
    let root = try folder()
    let big = root.appendingPathComponent("big.csv")
    #expect(fm.createFile(atPath: big.path, contents: nil))
    #expect(truncate(big.path, ProjectFile.maxDataBytes + 1) == 0)  // sparse: nothing to read
    let start = Date()
    #expect {
      try ProjectFile.check(big, root: root, maxBytes: ProjectFile.maxDataBytes)
    } throws: { e in
      (e as? ProjectFile.Refusal)?.reason.contains("\(ProjectFile.maxDataBytes + 1) bytes, more than the 256 MB") == true
    }
    #expect(Date().timeIntervalSince(start) < 1)
  }

  @Test func outputEntriesRefuseLinksOnTheWayButNotOutItself() throws {
    let parent = try folder()
    let real = parent.appendingPathComponent("real")
    try fm.createDirectory(at: real, withIntermediateDirectories: true)
    let out = parent.appendingPathComponent("out")
    try fm.createSymbolicLink(atPath: out.path, withDestinationPath: real.path)  // --out itself: the user's choice
    try OutputEntry.check(out.appendingPathComponent("results/a.json"), in: out, as: .file)
    try fm.createSymbolicLink(atPath: real.appendingPathComponent("results").path, withDestinationPath: parent.path)
    #expect {
      try OutputEntry.check(out.appendingPathComponent("results/a.json"), in: out, as: .file)
    } throws: { e in
      guard let r = e as? ProjectFile.Refusal else { return false }
      return r.path.hasSuffix("out/results") && r.reason.contains("symbolic link")
    }
    try fm.createDirectory(at: real.appendingPathComponent("claims/x.html"), withIntermediateDirectories: true)
    #expect(throws: ProjectFile.Refusal.self) {
      try OutputEntry.check(out.appendingPathComponent("claims/x.html"), in: out, as: .file)
    }
    #expect(throws: ProjectFile.Refusal.self) {
      try OutputEntry.check(parent.appendingPathComponent("elsewhere"), in: out, as: .file)
    }
  }
}
