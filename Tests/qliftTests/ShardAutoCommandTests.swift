import Foundation
import Testing
import TestSupport

/// `verify --shard auto` under each engine's environment, two jobs each, merged: the same results
/// as one unsharded run, byte for byte but for timings (docs/SCALE.md); cell shards by default,
/// claim shards with `--shard-by claim`.
@Suite struct ShardAutoCommandTests {
  static func spec(_ id: String, samples: Int) -> String {
    """
    claim: \(id)
    title: ZZ kernel on ad hoc data
    hypothesis: shards agree with one run
    dataset: {generator: adhoc, params: {features: 2, gap: 0.3}, samples: \(samples)}
    quantum: [{id: q, kind: kernel, encoding: {map: zz, reps: 2}, svm: {C: [1, 10]}}]
    baselines: [{model: svm_rbf, grid: {C: [1, 10], gamma: [scale, 1]}}]
    backends: [{id: sv, simulator: statevector, shots: exact}]
    seeds: [1, 2, 3]
    criteria: {lift: {min: 0.05}, cost: {max_runtime_seconds: 300}}
    expect: supported
    """
  }

  /// Claim id -> its results JSON without timings (`TimelessResults`).
  static func outcomes(_ folder: URL) throws -> [String: String] {
    var out: [String: String] = [:]
    let dir = folder.appendingPathComponent("results")
    for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".json") {
      out[String(name.dropLast(5))] = try TimelessResults.json(Data(contentsOf: dir.appendingPathComponent(name)))
    }
    return out
  }

  @Test func everyEngineSplitsAndMergesToTheSingleRun() throws {
    let dir = try QliftProcess.project()
    for (i, samples) in [40, 50, 60].enumerated() {
      try Self.spec("c\(i)", samples: samples).write(
        to: dir.appendingPathComponent("specs/c\(i).yaml"), atomically: true, encoding: .utf8)
    }
    let single = try QliftProcess.run(["verify", "specs", "--out", "single", "--jobs", "1", "--no-report"], cwd: dir)
    // Exit 1 when a claim misses its expectation: the verdicts are not the point, agreement is.
    #expect(single.status == 0 || single.status == 1, "\(single.stderr)")
    let expected = try Self.outcomes(dir.appendingPathComponent("single"))
    #expect(expected.count == 3)
    let engines: [(name: String, env: (Int) -> [String: String])] = [
      ("github", { ["QLIFT_SHARD_INDEX": "\($0)", "QLIFT_SHARD_COUNT": "2"] }),
      ("gitlab", { ["CI_NODE_INDEX": "\($0 + 1)", "CI_NODE_TOTAL": "2"] }),
      ("slurm", { ["SLURM_ARRAY_TASK_ID": "\(10 + $0)", "SLURM_ARRAY_TASK_MIN": "10", "SLURM_ARRAY_TASK_COUNT": "2"] }),
      ("kubernetes", { ["JOB_COMPLETION_INDEX": "\($0)", "QLIFT_SHARD_COUNT": "2"] }),
    ]
    for (i, engine) in engines.enumerated() {
      var folders: [String] = []
      // The last engine splits by claim, the others by cell (the default).
      let by = i == engines.count - 1 ? ["--shard-by", "claim"] : []
      for job in 0..<2 {
        let out = "\(engine.name)-\(job)"
        let r = try QliftProcess.run(["verify", "specs", "--out", out, "--jobs", "1", "--no-report", "--shard", "auto"] + by,
                                     cwd: dir, environment: engine.env(job))
        #expect(r.status == 0 || r.status == 1, "\(engine.name) job \(job): \(r.stderr)")
        #expect(r.stderr.contains("shard \(job + 1)/2 from the"), "\(r.stderr)")
        if FileManager.default.fileExists(atPath: dir.appendingPathComponent("\(out)/results").path) { folders.append(out) }
        if by.isEmpty { #expect(r.stdout.contains("cell(s) of"), "\(r.stdout)") }
      }
      let merged = try QliftProcess.run(["merge"] + folders + ["--out", "\(engine.name)-merged"], cwd: dir)
      #expect(merged.status == single.status, "\(engine.name) merge: \(merged.stderr)")
      #expect(try Self.outcomes(dir.appendingPathComponent("\(engine.name)-merged")) == expected, "\(engine.name)")
    }
    let none = try QliftProcess.run(["verify", "specs", "--out", "x", "--shard", "auto"], cwd: dir)
    #expect(none.status == 2 && none.stderr.contains("no shard in the environment"))
  }
}
