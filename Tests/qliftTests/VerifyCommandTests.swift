import Foundation
import Testing
import TestSupport

private func spec(id: String, minLift: Double, expect: String) -> String {
  """
  claim: \(id)
  title: ZZ kernel on ad hoc data
  hypothesis: "<script>alert(1)</script> stays text"
  dataset: {generator: adhoc, params: {features: 2, gap: 0.3}, samples: 60}
  quantum: [{id: q, kind: kernel, encoding: {map: zz, reps: 2}, svm: {C: [1, 10]}}]
  baselines: [{model: svm_rbf, grid: {C: [1, 10], gamma: [scale, 1]}}]
  backends: [{id: sv, simulator: statevector, shots: exact}]
  seeds: [1, 2, 3]
  criteria: {lift: {min: \(minLift)}, cost: {max_runtime_seconds: 300}}
  expect: \(expect)
  """
}

@Suite struct VerifyCommandTests {
  @Test func aClaimAsExpectedExitsZeroAndWritesTheReport() throws {
    let dir = try QliftProcess.project()
    try spec(id: "good", minLift: 0.1, expect: "supported").write(
      to: dir.appendingPathComponent("specs/good.yaml"), atomically: true, encoding: .utf8)
    let r = try QliftProcess.run(["verify", "specs", "--out", "reports", "--jobs", "2"], cwd: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("good") && r.stdout.contains("1 supported"))
    for file in ["reports/results/good.json", "reports/junit.xml", "reports/history.jsonl", "reports/index.html",
                 "reports/claims/good.html"] {
      #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path), "\(file)")
    }
    let page = try String(contentsOf: dir.appendingPathComponent("reports/claims/good.html"), encoding: .utf8)
    #expect(page.contains("&lt;script&gt;") && !page.contains("<script>"))
  }

  @Test func aWrongExpectationExitsOneWithTheNumbersInJUnit() throws {
    let dir = try QliftProcess.project()
    try spec(id: "wrong", minLift: 0.1, expect: "refuted").write(
      to: dir.appendingPathComponent("specs/wrong.yaml"), atomically: true, encoding: .utf8)
    let r = try QliftProcess.run(["verify", "specs", "--out", "reports", "--no-report"], cwd: dir)
    #expect(r.status == 1)
    #expect(r.stdout.contains("FAIL"))
    let junit = try String(contentsOf: dir.appendingPathComponent("reports/junit.xml"), encoding: .utf8)
    #expect(junit.contains("expected refuted, got supported"))
  }

  @Test func aBrokenSpecExitsTwoWithItsLocationAndRunsNothing() throws {
    let dir = try QliftProcess.project()
    let broken = spec(id: "broken", minLift: 0.1, expect: "supported").replacingOccurrences(of: "samples: 60", with: "sampels: 60")
    try broken.write(to: dir.appendingPathComponent("specs/broken.yaml"), atomically: true, encoding: .utf8)
    let r = try QliftProcess.run(["verify", "specs"], cwd: dir)
    #expect(r.status == 2)
    #expect(r.stderr.contains("specs/broken.yaml:4:") && r.stderr.contains("did you mean 'samples'"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports/results").path))
  }

  /// A claim on a device profile is served from the cache on the next run: its cache key hashes
  /// the profile canonically, not in the per-process order of the profile's dictionaries.
  @Test func aDeviceBackedClaimIsCachedOnTheNextRun() throws {
    let dir = try QliftProcess.project()
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("specs/devices"), withIntermediateDirectories: true)
    try String(contentsOf: Repository.devices.appendingPathComponent("ionq-forte.yaml"), encoding: .utf8)
      .write(to: dir.appendingPathComponent("specs/devices/ionq-forte.yaml"), atomically: true, encoding: .utf8)
    try spec(id: "dev", minLift: 0.1, expect: "supported")
      .replacingOccurrences(of: "backends: [{id: sv, simulator: statevector, shots: exact}]",
                            with: "backends: [{id: sv, simulator: statevector, shots: exact}, {id: forte, device: ionq-forte, shots: 100}]")
      .replacingOccurrences(of: "samples: 60", with: "samples: 24")
      .write(to: dir.appendingPathComponent("specs/dev.yaml"), atomically: true, encoding: .utf8)
    for round in 0..<3 {
      let r = try QliftProcess.run(["verify", "specs", "--out", "reports", "--jobs", "2", "--no-report"], cwd: dir)
      #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
      #expect(r.stderr.contains("(cached)") == (round > 0), "round \(round): \(r.stderr)")
    }
  }

  @Test func badArgumentsExitTwo() throws {
    let r = try QliftProcess.run(["verify", "--jobs", "many"])
    #expect(r.status == 2)
    // A valid spec, so the only bad input is the shard.
    let dir = try QliftProcess.project()
    try spec(id: "ok", minLift: 0.1, expect: "supported").write(
      to: dir.appendingPathComponent("specs/ok.yaml"), atomically: true, encoding: .utf8)
    let shard = try QliftProcess.run(["verify", "specs", "--shard", "3/2"], cwd: dir)
    #expect(shard.status == 2)
    #expect(shard.stderr.contains("--shard: expected K/N"))
  }
}
