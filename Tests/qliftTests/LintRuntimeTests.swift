import Foundation
import Testing

/// `qlift lint` reports what `qlift run` would refuse before a claim's first seed.
@Suite struct LintRuntimeTests {
  @Test("every hostile claim that run refuses also fails lint, naming the spec file", arguments: hostileCases)
  func hostileClaimsFailLint(_ c: HostileCase) throws {
    let dir = try QliftProcess.project()
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("specs/data"), withIntermediateDirectories: true)
    try c.spec.write(to: dir.appendingPathComponent("specs/h.yaml"), atomically: true, encoding: .utf8)
    for (path, text) in c.files {
      try text.write(to: dir.appendingPathComponent("specs/" + path), atomically: true, encoding: .utf8)
    }
    let r = try QliftProcess.run(["lint", "specs/h.yaml"], cwd: dir)
    #expect(r.status == 2, "\(c.name): \(r.stderr)")
    #expect(r.stderr.contains("specs/h.yaml:"), "\(c.name): \(r.stderr)")
    for m in c.mentions { #expect(r.stderr.contains(m), "\(c.name): '\(m)' missing from: \(r.stderr)") }
  }

  @Test func aHardwareBackendWithoutImportedCountsFailsLintAtItsLine() throws {
    let dir = try inputErrorProject(["hw.yaml": countlessHardwareSpec])
    let r = try QliftProcess.run(["lint", "specs"], cwd: dir)
    #expect(r.status == 2, "\(r.stderr)")
    // The backend is on line 9 of the spec, indented by 4 spaces.
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("specs/hw.yaml:9:5: error: backends[1]: hardware backend 'hw' has no imported counts") },
            "\(r.stderr)")
    #expect(r.stderr.contains("qlift export-qasm specs/hw.yaml --backend hw"))
    #expect(r.stdout == "lint: 1 spec file, 1 claim loaded, 1 error\n", "\(r.stdout)")
  }

  @Test func staleAndUnreadableImportedCountsFailLint() throws {
    let dir = try inputErrorProject(["hw.yaml": countlessHardwareSpec])
    let stored = dir.appendingPathComponent("specs/hardware/hw")
    try FileManager.default.createDirectory(at: stored, withIntermediateDirectories: true)
    try "{not json".write(to: stored.appendingPathComponent("hw.json"), atomically: true, encoding: .utf8)
    let corrupt = try QliftProcess.run(["lint", "specs/hw.yaml"], cwd: dir)
    #expect(corrupt.status == 2)
    #expect(corrupt.stderr.contains("error: backends[1]: specs/hardware/hw/hw.json: unreadable or corrupt imported counts"), "\(corrupt.stderr)")

    let stale: [String: Any] = [
      "format_version": 1, "claim": "hw", "spec_hash": "0000", "backend": "hw", "device": "ideal",
      "qlift_version": "0", "imported": "2026-01-01T00:00:00Z", "counts_file": "c.json", "entries": [], "scores": [],
    ]
    try JSONSerialization.data(withJSONObject: stale).write(to: stored.appendingPathComponent("hw.json"))
    let old = try QliftProcess.run(["lint", "specs/hw.yaml"], cwd: dir)
    #expect(old.status == 2)
    #expect(old.stderr.contains("were measured for an earlier version of this spec or its data"), "\(old.stderr)")
  }

  @Test func anUnreadableAcceptedSnapshotFailsLint() throws {
    let dir = try inputErrorProject(["hw.yaml": countlessHardwareSpec.replacingOccurrences(of: "  - {id: hw, hardware: ideal, shots: 1000}\n", with: "")])
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("specs/accepted"), withIntermediateDirectories: true)
    try "{broken".write(to: dir.appendingPathComponent("specs/accepted/hw.json"), atomically: true, encoding: .utf8)
    let r = try QliftProcess.run(["lint", "specs"], cwd: dir)
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderr.contains("specs/hw.yaml:1:") && r.stderr.contains(": error: claim:") && r.stderr.contains("accepted/hw.json: unreadable or corrupt file"),
            "\(r.stderr)")
  }

  @Test func aCleanSpecStaysClean() throws {
    let dir = try inputErrorProject(["hw.yaml": countlessHardwareSpec.replacingOccurrences(of: "  - {id: hw, hardware: ideal, shots: 1000}\n", with: "")])
    let r = try QliftProcess.run(["lint", "specs"], cwd: dir)
    #expect(r.status == 0, "\(r.stderr)")
  }
}
