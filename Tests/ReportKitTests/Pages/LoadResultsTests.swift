import ClaimSpec
import Foundation
import Testing
@testable import ReportKit

@Suite struct LoadResultsTests {
  func folderWithResults(_ results: [ClaimResult]) throws -> URL {
    let folder = try SampleResults.temporaryFolder()
    let dir = folder.appendingPathComponent("results")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for r in results {
      try ResultsCoding.encoder().encode(r).write(to: dir.appendingPathComponent("\(r.claim).json"))
    }
    return folder
  }

  @Test func roundTripsResultsAndHistory() throws {
    let folder = try folderWithResults([SampleResults.refuted, SampleResults.supported])
    defer { try? FileManager.default.removeItem(at: folder) }
    let lines = try SampleResults.history.map { String(decoding: try ResultsCoding.encoder(pretty: false).encode($0), as: UTF8.self) }
    try (lines.joined(separator: "\n") + "\n\n").write(to: folder.appendingPathComponent("history.jsonl"), atomically: true, encoding: .utf8)
    let (results, history) = try ReportRenderer.loadResults(from: folder)
    #expect(results == [SampleResults.supported, SampleResults.refuted])  // file-name order
    #expect(history == SampleResults.history)
  }

  @Test func emptyFolderIsAClearError() throws {
    let folder = try SampleResults.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: ReportError.noResults(folder: folder.path)) { try ReportRenderer.loadResults(from: folder) }
    #expect(ReportError.noResults(folder: "reports").description.contains("reports/results/*.json"))
  }

  @Test(arguments: ["{not json", "{\"claim\": \"x\"}", "[]"])
  func corruptResultNamesTheFile(_ content: String) throws {
    let folder = try folderWithResults([SampleResults.supported])
    defer { try? FileManager.default.removeItem(at: folder) }
    try content.write(to: folder.appendingPathComponent("results/broken.json"), atomically: true, encoding: .utf8)
    let error = #expect(throws: ReportError.self) { try ReportRenderer.loadResults(from: folder) }
    guard case .corruptResult(let file, let detail) = error else { Issue.record("wrong error"); return }
    #expect(file.hasSuffix("results/broken.json"))
    #expect(!detail.isEmpty)
    #expect(error?.description.hasPrefix(file + ": ") == true)
  }

  @Test func missingFieldIsNamed() throws {
    let folder = try folderWithResults([SampleResults.supported])
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("results/adhoc-zz.json")
    var object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    object.removeValue(forKey: "verdict")
    try JSONSerialization.data(withJSONObject: object).write(to: url)
    let error = #expect(throws: ReportError.self) { try ReportRenderer.loadResults(from: folder) }
    #expect(error?.description.contains("missing field 'verdict'") == true)
  }

  @Test func corruptHistoryNamesTheLine() throws {
    let folder = try folderWithResults([SampleResults.supported])
    defer { try? FileManager.default.removeItem(at: folder) }
    let good = String(decoding: try ResultsCoding.encoder(pretty: false).encode(SampleResults.history[0]), as: UTF8.self)
    try "\(good)\n{oops\n".write(to: folder.appendingPathComponent("history.jsonl"), atomically: true, encoding: .utf8)
    let error = #expect(throws: ReportError.self) { try ReportRenderer.loadResults(from: folder) }
    guard case .corruptHistory(let file, let line, _) = error else { Issue.record("wrong error"); return }
    #expect(file.hasSuffix("history.jsonl"))
    #expect(line == 2)
  }

  @Test func unsafeAndDuplicateIDsAreRefused() throws {
    var evil = SampleResults.supported
    evil.claim = "../../etc/passwd"
    let folder = try SampleResults.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let dir = folder.appendingPathComponent("results")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try ResultsCoding.encoder().encode(evil).write(to: dir.appendingPathComponent("evil.json"))
    let error = #expect(throws: ReportError.self) { try ReportRenderer.loadResults(from: folder) }
    guard case .unsafeClaimID(let id, let file) = error else { Issue.record("wrong error"); return }
    #expect(id == "../../etc/passwd" && file.hasSuffix("evil.json"))

    try FileManager.default.removeItem(at: dir.appendingPathComponent("evil.json"))
    try ResultsCoding.encoder().encode(SampleResults.supported).write(to: dir.appendingPathComponent("a.json"))
    try ResultsCoding.encoder().encode(SampleResults.supported).write(to: dir.appendingPathComponent("b.json"))
    let dup = #expect(throws: ReportError.self) { try ReportRenderer.loadResults(from: folder) }
    guard case .duplicateClaim(let dupID, _) = dup else { Issue.record("wrong error"); return }
    #expect(dupID == "adhoc-zz")
  }
}
