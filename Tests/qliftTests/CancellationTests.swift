import Foundation
import Testing

/// Issue 17: SIGTERM/SIGINT while every remaining seed is already running inside a long
/// training loop. The binary must stop within seconds (cooperative cancellation in the loops),
/// exit 128 + signal, keep the finished claim and write nothing of the interrupted one.
@Suite(.serialized) struct CancellationTests {
  static func quick(_ id: String) -> String {
    HostileCase(name: id, dataset: "{generator: adhoc, params: {features: 2}, samples: 40}", id: id, mentions: []).spec
  }

  /// Two seeds, both running at once (--jobs 2), each training a VQC for thousands of steps:
  /// minutes of work in a debug build.
  static let slow = """
    claim: z-slow
    title: t
    hypothesis: h
    dataset: {generator: bars_and_stripes, params: {size: 2, noise: 0.5}, samples: 300}
    quantum:
      - id: v
        kind: variational
        encoding: {map: angle, rotation: ry}
        ansatz: {type: hardware_efficient, layers: 3, entanglement: ring, entangler: cz}
        readout: {observable: z0}
        training: {optimizer: adam, learning_rate: [0.05, 0.1], iterations: 5000, loss: squared}
    baselines: [{model: svm_rbf, grid: {C: [0.1, 1, 10, 100], gamma: [scale, 0.1, 1]}}, {model: logistic_regression, grid: {C: [1]}}]
    backends: [{id: sv, simulator: statevector, shots: exact}]
    seeds: [1, 2]
    criteria: {lift: {min: -1}, cost: {max_runtime_seconds: 3600}}
    expect: supported
    """

  @Test(arguments: [SIGTERM, SIGINT])
  func aSignalDuringRunningSeedsStopsWithinSeconds(signal: Int32) throws {
    let dir = try QliftProcess.project()
    let specs = dir.appendingPathComponent("specs")
    try Self.quick("a-quick").write(to: specs.appendingPathComponent("a-quick.yaml"), atomically: true, encoding: .utf8)
    try Self.slow.write(to: specs.appendingPathComponent("z-slow.yaml"), atomically: true, encoding: .utf8)
    let lint = try QliftProcess.run(["lint", "specs"], cwd: dir)
    #expect(lint.status == 0, "\(lint.stderr)")
    let log = dir.appendingPathComponent("stderr.txt")
    let p = try QliftProcess.start(["verify", "specs", "--out", "reports", "--jobs", "2"], cwd: dir, stderr: log)
    defer { if p.isRunning { kill(p.processIdentifier, SIGKILL); p.waitUntilExit() } }
    let first = dir.appendingPathComponent("reports/results/a-quick.json")
    var deadline = Date().addingTimeInterval(120)
    while !FileManager.default.fileExists(atPath: first.path) && Date() < deadline && p.isRunning {
      Thread.sleep(forTimeInterval: 0.02)
    }
    // Both seeds of the slow claim are now running (2 seeds, 2 jobs): let them get deep into training.
    Thread.sleep(forTimeInterval: 2)
    #expect(p.isRunning, "the run ended before the signal")
    let sent = Date()
    kill(p.processIdentifier, signal)
    deadline = sent.addingTimeInterval(30)
    while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    let took = Date().timeIntervalSince(sent)
    #expect(!p.isRunning, "still running 30 s after the signal")
    if p.isRunning { return }
    #expect(took < 10, "took \(took) s to stop")
    #expect(p.terminationStatus == 128 + signal)
    let said = try String(contentsOf: log, encoding: .utf8)
    #expect(said.contains("interrupted by \(signal == SIGINT ? "SIGINT" : "SIGTERM") after 1 claim"), "\(said)")

    let results = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("reports/results").path)
    #expect(results == ["a-quick.json"], "\(results)")
    let obj = try JSONSerialization.jsonObject(with: Data(contentsOf: first)) as? [String: Any]
    #expect((obj?["checksum"] as? String)?.count == 64)
    let all = FileManager.default.enumerator(atPath: dir.appendingPathComponent("reports").path)?.allObjects as? [String] ?? []
    #expect(all.allSatisfy { !$0.contains(".tmp") && !$0.contains("~") }, "\(all)")
    #expect(!all.contains("junit.xml"), "a stopped run writes no junit.xml")
  }
}
