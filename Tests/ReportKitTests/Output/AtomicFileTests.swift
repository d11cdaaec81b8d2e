import Foundation
import Testing
@testable import ReportKit

@Suite struct AtomicFileTests {
  @Test func writesAndReplacesWholeLeavingNoTemporaryFiles() throws {
    let folder = try SampleResults.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("page.html")
    try AtomicFile.write(String(repeating: "old content\n", count: 1000), to: url)
    try AtomicFile.write("new", to: url)
    #expect(try String(contentsOf: url, encoding: .utf8) == "new")
    #expect(SampleResults.files(under: folder) == ["page.html"])
  }

  @Test func replacingKeepsOtherHardLinksOnTheOldFile() throws {
    // rename(2) swaps in a new inode: a reader holding the old file sees the old content whole.
    let folder = try SampleResults.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("index.html")
    let reader = folder.appendingPathComponent("reader.html")
    try AtomicFile.write("version 1", to: url)
    try FileManager.default.linkItem(at: url, to: reader)
    try AtomicFile.write("version 2", to: url)
    #expect(try String(contentsOf: reader, encoding: .utf8) == "version 1")
    #expect(try String(contentsOf: url, encoding: .utf8) == "version 2")
  }

  @Test func failureNamesTheFileAndCleansUp() throws {
    let folder = try SampleResults.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appendingPathComponent("no/such/folder/page.html")
    #expect(throws: ReportError.self) { try AtomicFile.write("x", to: missing) }
    // A destination that is a folder: the rename fails after the temporary file was written.
    let dir = folder.appendingPathComponent("taken")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("child"), withIntermediateDirectories: true)
    let error = #expect(throws: ReportError.self) { try AtomicFile.write("x", to: dir) }
    guard case .write(let path, _) = error else { Issue.record("wrong error \(String(describing: error))"); return }
    #expect(path.hasSuffix("taken"))
    #expect(SampleResults.files(under: folder) == ["taken", "taken/child"])
  }
}
