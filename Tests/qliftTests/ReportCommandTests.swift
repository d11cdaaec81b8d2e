import Foundation
import Testing

/// Runs the built `qlift` binary (found beside the test bundle) with `arguments` in `directory`.
private func runReport(_ arguments: [String], in directory: URL) throws -> (status: Int32, stdout: String, stderr: String) {
  try QliftProcess.run(arguments, cwd: directory).tuple
}

/// A temporary project folder with `reports/results/` holding the fixture result (or not).
private func project(withResult: Bool) throws -> URL {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-report-\(UUID().uuidString)")
  let results = dir.appendingPathComponent("reports/results")
  try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
  if withResult {
    let fixture = try #require(Bundle.module.url(forResource: "report_demo", withExtension: "json", subdirectory: "Fixtures"))
    try FileManager.default.copyItem(at: fixture, to: results.appendingPathComponent("demo-claim.json"))
  }
  return dir
}

@Suite struct ReportCommandTests {
  @Test func rendersFromStoredResultsWithTheBuiltInTemplates() throws {
    let dir = try project(withResult: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try runReport(["report", "reports"], in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Rendered 1 claim page"))
    #expect(r.stdout.contains("templates: embedded"))
    let reports = dir.appendingPathComponent("reports")
    for path in ["index.html", "report.css", "claims/demo-claim.html", "badges/demo-claim.svg", "badges/suite.svg"] {
      #expect(FileManager.default.fileExists(atPath: reports.appendingPathComponent(path).path), "\(path) missing")
    }
    let index = try String(contentsOf: reports.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.hasPrefix("<!DOCTYPE html>"))
    #expect(index.contains("1 supported, 0 refuted, 0 inconclusive, 0 failing the build"))
  }

  @Test func emptyFolderExitsTwoWithAClearMessage() throws {
    let dir = try project(withResult: false)
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try runReport(["report", "reports"], in: dir)
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("error: reports: no results found"))
  }

  @Test func corruptResultExitsTwoNamingTheFile() throws {
    let dir = try project(withResult: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "{\"claim\": 3".write(to: dir.appendingPathComponent("reports/results/zz-broken.json"), atomically: true,
                              encoding: .utf8)
    let r = try runReport(["report", "reports"], in: dir)
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("error: reports/results/zz-broken.json: not a readable results file"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports/index.html").path))
  }

  @Test func missingTemplatesFolderExitsTwo() throws {
    let dir = try project(withResult: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try runReport(["report", "reports", "--templates", "nowhere"], in: dir)
    #expect(r.status == 2)
    #expect(r.stderr.contains("nowhere/index.html"))
  }
}
