import Foundation
import Testing

private func claim(_ id: String, samples: Int, seeds: String) -> String {
  """
  claim: \(id)
  title: t
  hypothesis: h
  dataset: {generator: adhoc, params: {features: 2, gap: 0.3}, samples: \(samples)}
  quantum: [{id: q, kind: kernel, encoding: {map: zz, reps: 2}, svm: {C: [1, 10]}}]
  baselines: [{model: svm_rbf, grid: {C: [1, 10], gamma: [scale, 1]}}, {model: rff_quantum, grid: {features: [20], C: [1]}}]
  backends: [{id: sv, simulator: statevector, shots: exact}, {id: s, simulator: statevector, shots: 256}]
  seeds: \(seeds)
  criteria: {lift: {min: -1}, cost: {max_runtime_seconds: 600}}
  expect: supported
  """
}

/// Interrupting `qlift verify` keeps finished claims, half-writes nothing, leaves the previous
/// report alone, and a rerun resumes from the cache; a damaged cache file is recomputed.
@Suite(.serialized) struct HostileInterruptTests {
  @Test(arguments: [SIGINT, SIGTERM])
  func interruptedVerifyResumesFromTheCache(signal: Int32) throws {
    let dir = try QliftProcess.project()
    let specs = dir.appendingPathComponent("specs")
    try claim("a-quick", samples: 30, seeds: "[1, 2, 3]").write(to: specs.appendingPathComponent("a-quick.yaml"), atomically: true, encoding: .utf8)
    for id in ["b-slow", "c-slow"] {
      try claim(id, samples: 400, seeds: "[1, 2, 3, 4, 5, 6, 7, 8]")
        .write(to: specs.appendingPathComponent("\(id).yaml"), atomically: true, encoding: .utf8)
    }
    let reports = dir.appendingPathComponent("reports")
    try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
    let previous = "<testsuites><!-- previous run --></testsuites>\n"
    try previous.write(to: reports.appendingPathComponent("junit.xml"), atomically: true, encoding: .utf8)
    try "previous index".write(to: reports.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)

    let log = dir.appendingPathComponent("stderr.txt")
    let p = try QliftProcess.start(["verify", "specs", "--out", "reports", "--jobs", "1"], cwd: dir, stderr: log)
    let first = reports.appendingPathComponent("results/a-quick.json")
    let deadline = Date().addingTimeInterval(120)
    while !FileManager.default.fileExists(atPath: first.path) && Date() < deadline && p.isRunning {
      Thread.sleep(forTimeInterval: 0.01)
    }
    let stillRunning = p.isRunning
    kill(p.processIdentifier, signal)
    p.waitUntilExit()
    #expect(stillRunning, "the run finished before the signal; make the slow claims slower")
    #expect(p.terminationStatus == 128 + signal)
    let said = try String(contentsOf: log, encoding: .utf8)
    #expect(said.contains("interrupted by \(signal == SIGINT ? "SIGINT" : "SIGTERM") after"), "\(said)")

    // Finished claims kept, complete and checksummed; nothing half-written; previous report intact.
    let files = fileTree(reports.appendingPathComponent("results"))
    #expect(files.contains("a-quick.json") && !files.contains("c-slow.json"))
    #expect(files.allSatisfy { $0.hasSuffix(".json") && !$0.hasPrefix(".") }, "stray files: \(files)")
    for f in files {
      let data = try Data(contentsOf: reports.appendingPathComponent("results/" + f))
      let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any]
      #expect((obj?["checksum"] as? String)?.count == 64, "\(f) has no checksum")
    }
    #expect(try String(contentsOf: reports.appendingPathComponent("junit.xml"), encoding: .utf8) == previous)
    #expect(try String(contentsOf: reports.appendingPathComponent("index.html"), encoding: .utf8) == "previous index")
    #expect(fileTree(reports).allSatisfy { !$0.contains(".tmp") && !$0.contains("~") })

    // A rerun resumes: the finished claim comes from the cache, the others run.
    let again = try QliftProcess.run(["verify", "specs/a-quick.yaml", "--out", "reports", "--no-report"], cwd: dir)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stderr.contains("a-quick: supported (expected supported) ok") && again.stderr.contains("(cached)"), "\(again.stderr)")
    #expect(!again.stderr.contains("warning"), "\(again.stderr)")
  }

  @Test func damagedCacheFilesAreDetectedAndRecomputed() throws {
    let dir = try QliftProcess.project()
    try claim("quick", samples: 30, seeds: "[1, 2, 3]")
      .write(to: dir.appendingPathComponent("specs/quick.yaml"), atomically: true, encoding: .utf8)
    let args = ["verify", "specs", "--out", "reports", "--no-report"]
    let first = try QliftProcess.run(args, cwd: dir)
    #expect(first.status == 0, "\(first.stderr)")
    let file = dir.appendingPathComponent("reports/results/quick.json")
    let good = try Data(contentsOf: file)

    let cached = try QliftProcess.run(args, cwd: dir)
    #expect(cached.stderr.contains("(cached)") && !cached.stderr.contains("warning"), "\(cached.stderr)")

    let damages: [(String, Data)] = [
      ("truncated", good.prefix(good.count / 2)),
      ("empty", Data()),
      ("edited", Data(String(decoding: good, as: UTF8.self)
        .replacingOccurrences(of: "\"passed\" : true", with: "\"passed\" : false").utf8)),
      ("no checksum", Data(String(decoding: good, as: UTF8.self)
        .replacingOccurrences(of: "\"checksum\" :", with: "\"checksun\" :").utf8)),
      ("binary junk", Data([0xFF, 0x00, 0x7B, 0x22])),
    ]
    for (what, bytes) in damages {
      #expect(bytes != good, "\(what)")
      try bytes.write(to: file)
      let r = try QliftProcess.run(args, cwd: dir)
      #expect(r.status == 0, "\(what): \(r.stderr)")
      let kind = what == "no checksum" ? "note" : "warning"
      #expect(r.stderr.contains("\(kind): cached results file") && r.stderr.contains("quick.json"), "\(what): \(r.stderr)")
      #expect(!r.stderr.contains("(cached)"), "\(what): trusted a damaged file")
      let stored = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
      let warnings = stored?["warnings"] as? [String] ?? []
      #expect(warnings.contains { $0.contains("recomputed") } == (kind == "warning"), "\(what): \(warnings)")
      let again = try QliftProcess.run(args, cwd: dir)
      #expect(again.stderr.contains("(cached)") && !again.stderr.contains("warning"), "\(what): \(again.stderr)")
    }
  }
}
