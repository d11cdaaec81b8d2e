import Foundation
import Testing

/// Issue 17: two qlift processes writing into the same `--out`. The second stops at once with
/// exit 2 naming the lock file and the holder's pid; a lock left by a killed process does not
/// block the next run (flock dies with its process).
@Suite(.serialized) struct OutputLockTests {
  /// A claim that runs for tens of seconds in a debug build.
  static func slowClaim(_ id: String) -> String {
    """
    claim: \(id)
    title: t
    hypothesis: h
    dataset: {generator: adhoc, params: {features: 2, gap: 0.3}, samples: 400}
    quantum: [{id: q, kind: kernel, encoding: {map: zz, reps: 2}, svm: {C: [1, 10]}}]
    baselines: [{model: svm_rbf, grid: {C: [1, 10], gamma: [scale, 1]}}, {model: rff_quantum, grid: {features: [20], C: [1]}}]
    backends: [{id: sv, simulator: statevector, shots: exact}, {id: s, simulator: statevector, shots: 256}]
    seeds: [1, 2, 3, 4, 5, 6, 7, 8]
    criteria: {lift: {min: -1}, cost: {max_runtime_seconds: 600}}
    expect: supported
    """
  }

  static func quickClaim(_ id: String) -> String {
    HostileCase(name: id, dataset: "{generator: adhoc, params: {features: 2}, samples: 40}", id: id, mentions: []).spec
  }

  @Test func aSecondRunIntoTheSameOutStopsNamingTheHolderAndAKilledHolderDoesNotBlock() throws {
    let dir = try QliftProcess.project()
    try Self.slowClaim("slow").write(to: dir.appendingPathComponent("specs/slow.yaml"), atomically: true, encoding: .utf8)
    try Self.quickClaim("quick").write(to: dir.appendingPathComponent("specs/quick.yaml"), atomically: true, encoding: .utf8)
    let lock = dir.appendingPathComponent("reports/.qlift.lock")
    let first = try QliftProcess.start(["verify", "specs/slow.yaml", "--out", "reports", "--jobs", "1"], cwd: dir,
                                       stderr: dir.appendingPathComponent("first.txt"))
    defer { if first.isRunning { kill(first.processIdentifier, SIGKILL); first.waitUntilExit() } }
    let deadline = Date().addingTimeInterval(60)
    while (try? String(contentsOf: lock, encoding: .utf8))?.contains("\(first.processIdentifier)") != true
      && Date() < deadline && first.isRunning
    {
      Thread.sleep(forTimeInterval: 0.02)
    }
    #expect(first.isRunning, "the first run ended before the second started")

    for args in [["run", "specs/quick.yaml"], ["verify", "specs/quick.yaml"], ["report"]] {
      let second = try QliftProcess.run(args + (args == ["report"] ? ["reports"] : ["--out", "reports", "--jobs", "1"]), cwd: dir)
      #expect(second.status == 2, "\(args): \(second.stderr)")
      #expect(second.stderr.contains(".qlift.lock") && second.stderr.contains("pid \(first.processIdentifier)")
        && second.stderr.contains("another qlift run"), "\(args): \(second.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports/results/quick.json").path))

    // A holder killed outright leaves the file with its pid, but not the lock.
    kill(first.processIdentifier, SIGKILL)
    first.waitUntilExit()
    #expect(try String(contentsOf: lock, encoding: .utf8).contains("\(first.processIdentifier)"))
    let start = Date()
    let third = try QliftProcess.run(["run", "specs/quick.yaml", "--out", "reports", "--jobs", "1"], cwd: dir)
    #expect(third.status == 0 || third.status == 1, "\(third.stderr)")
    #expect(!third.stderr.contains("another qlift run"))
    #expect(Date().timeIntervalSince(start) < 120)
    // index.html and junit.xml describe the results kept.
    let index = try String(contentsOf: dir.appendingPathComponent("reports/index.html"), encoding: .utf8)
    #expect(index.contains("claims/quick.html"))
  }
}
