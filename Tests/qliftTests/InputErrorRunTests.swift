import Foundation
import Testing

/// A small claim that runs in a second or two.
private let goodSpec = """
  claim: good
  title: ZZ kernel on ad hoc data
  hypothesis: a test claim
  dataset: {generator: adhoc, params: {features: 2, gap: 0.3}, samples: 60}
  quantum: [{id: q, kind: kernel, encoding: {map: zz, reps: 2}, svm: {C: [1, 10]}}]
  baselines: [{model: svm_rbf, grid: {C: [1, 10], gamma: [scale, 1]}}]
  backends: [{id: sv, simulator: statevector, shots: exact}]
  seeds: [1, 2, 3]
  criteria: {lift: {min: 0.1}, cost: {max_runtime_seconds: 300}}
  expect: supported
  """

/// A claim with a hardware backend whose counts were never imported: it lints as a spec, and
/// `run` refuses it before its first seed.
let countlessHardwareSpec = """
  claim: hw
  title: ZZ kernel from device counts
  hypothesis: a test claim
  dataset: {generator: adhoc, params: {features: 2, gap: 0.3}, samples: 16, test_fraction: 0.25}
  quantum: [{id: zz, kind: kernel, encoding: {map: zz, reps: 2}, svm: {C: [1, 10]}}]
  baselines: [{model: knn, grid: {k: [1, 3]}}, {model: rff_quantum, grid: {features: [10], C: [1]}}]
  backends:
    - {id: sv, simulator: statevector, shots: exact}
    - {id: hw, hardware: ideal, shots: 1000}
  seeds: [1, 2]
  criteria: {lift: {min: 0.0, on: [sv]}, cost: {max_runtime_seconds: 300}}
  expect: supported
  """

/// A project with the given specs and the shipped ideal device profile.
func inputErrorProject(_ specs: [String: String]) throws -> URL {
  let dir = try QliftProcess.project()
  let devices = dir.appendingPathComponent("specs/devices")
  try FileManager.default.createDirectory(at: devices, withIntermediateDirectories: true)
  let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("specs/devices/ideal.yaml")
  try FileManager.default.copyItem(at: shipped, to: devices.appendingPathComponent("ideal.yaml"))
  for (name, text) in specs {
    try text.write(to: dir.appendingPathComponent("specs/\(name)"), atomically: true, encoding: .utf8)
  }
  return dir
}

@Suite struct InputErrorRunTests {
  @Test func aClaimWhoseInputsFailAtRunTimeIsRecordedAsErrorAndTheOthersRun() throws {
    let dir = try inputErrorProject(["good.yaml": goodSpec, "hw.yaml": countlessHardwareSpec])
    let r = try QliftProcess.run(["verify", "specs", "--out", "reports", "--jobs", "2"], cwd: dir)
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderr.contains("specs/hw.yaml:") && r.stderr.contains("error: backends[1]: hardware backend 'hw' has no imported counts"),
            "\(r.stderr)")
    #expect(r.stderr.contains("1 claim(s) could not run because of their inputs (recorded as error): hw"), "\(r.stderr)")
    // The summary table lists both claims, the refused one with its message.
    #expect(r.stdout.contains("good") && r.stdout.contains("Could not run"), "\(r.stdout)")
    #expect(r.stdout.contains("1 errors"), "\(r.stdout)")

    let results = dir.appendingPathComponent("reports/results")
    let good = try JSONSerialization.jsonObject(with: Data(contentsOf: results.appendingPathComponent("good.json"))) as? [String: Any]
    #expect(good?["verdict"] as? String == "supported" && good?["input_error"] == nil)
    let hw = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: results.appendingPathComponent("hw.json"))) as? [String: Any])
    #expect(hw["verdict"] as? String == "error" && hw["passed"] as? Bool == false)
    #expect((hw["input_error"] as? String)?.contains("backends[1]: hardware backend 'hw' has no imported counts") == true)

    let junit = try String(contentsOf: dir.appendingPathComponent("reports/junit.xml"), encoding: .utf8)
    #expect(junit.contains("errors=\"1\"") && junit.contains("failures=\"0\""), "\(junit)")
    #expect(junit.contains("<error message=\"specs/hw.yaml:") && junit.contains("type=\"input\""), "\(junit)")

    let index = try String(contentsOf: dir.appendingPathComponent("reports/index.html"), encoding: .utf8)
    #expect(index.contains("claims/hw.html") && index.contains("could not run: backends[1]: hardware backend 'hw' has no imported counts"))
    let page = try String(contentsOf: dir.appendingPathComponent("reports/claims/hw.html"), encoding: .utf8)
    #expect(page.contains("has no imported counts"))

    // The refused claim is never served from the cache; the good one is.
    let again = try QliftProcess.run(["verify", "specs", "--out", "reports", "--no-report"], cwd: dir)
    #expect(again.status == 2)
    #expect(again.stderr.contains("good: supported (expected supported) ok") && again.stderr.contains("(cached)"), "\(again.stderr)")
    #expect(again.stderr.contains("has no imported counts"), "\(again.stderr)")
  }

  @Test func acceptRecordsTheClaimsThatRanAndExitsTwoForTheOneThatCouldNot() throws {
    let dir = try inputErrorProject(["good.yaml": goodSpec, "hw.yaml": countlessHardwareSpec])
    let r = try QliftProcess.run(["accept", "specs", "--out", "reports"], cwd: dir)
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stdout.contains("accepted good:"), "\(r.stdout)")
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("specs/accepted/good.json").path))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("specs/accepted/hw.json").path))
    #expect(r.stderr.contains("has no imported counts") && !r.stderr.contains("warning: hw: verdict error"), "\(r.stderr)")
  }

  @Test func runTakesSeveralFilesAndFolders() throws {
    let dir = try inputErrorProject(["good.yaml": goodSpec])
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("more"), withIntermediateDirectories: true)
    try goodSpec.replacingOccurrences(of: "claim: good", with: "claim: other")
      .write(to: dir.appendingPathComponent("more/other.yaml"), atomically: true, encoding: .utf8)
    let r = try QliftProcess.run(["run", "specs/good.yaml", "more", "--out", "reports", "--no-report"], cwd: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("[1/2] good:") && r.stderr.contains("[2/2] other:"), "\(r.stderr)")
    let shard = try QliftProcess.run(["run", "specs/good.yaml", "--shard", "1/2"], cwd: dir)
    #expect(shard.status == 2 && shard.stderr.contains("--shard: only 'qlift verify' runs shards"), "\(shard.stderr)")
    let none = try QliftProcess.run(["run"], cwd: dir)
    #expect(none.status == 2, "\(none.stderr)")
  }
}
