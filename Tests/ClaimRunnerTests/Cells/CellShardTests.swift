import ClaimRunner
import ClaimSpec
import Foundation
import Testing
import TestSupport

/// Cell shards (claim × seed × backend) merged into claims: every number, verdict and
/// reason equal to one unsharded run, timings aside.
@Suite struct CellShardTests {
  /// One small claim of every kind a cell can hold: a kernel on two backends (exact and shots),
  /// a hybrid with its identity control on two backends, a kernel ridge regression, a Born machine.
  static let specs: [String: String] = [
    "kern": """
      claim: kern
      title: kernel on two backends
      hypothesis: cells agree with one run
      dataset: {generator: adhoc, params: {features: 2, gap: 0.3}, samples: 40}
      quantum: [{id: q, kind: kernel, encoding: {map: zz, reps: 2}, svm: {C: [1, 10]}}]
      baselines: [{model: svm_rbf, grid: {C: [1, 10], gamma: [scale, 1]}}, {model: logistic_regression}]
      backends: [{id: sv, simulator: statevector, shots: exact}, {id: s256, simulator: statevector, shots: 256}]
      seeds: [1, 2, 3]
      criteria: {lift: {min: 0.05}, cost: {max_runtime_seconds: 300}}
      expect: supported
      """,
    "dressed": """
      claim: dressed
      title: hybrid with its control
      hypothesis: cells agree with one run
      dataset: {generator: moons, params: {noise: 0.2}, samples: 30}
      quantum:
        - {id: h, kind: hybrid, encoding: angle, qubits: 2, pre: {layer: linear}, ansatz: {type: hardware_efficient, layers: 1}, training: {optimizer: adam, learning_rate: 0.1, iterations: 5}}
      baselines: [{model: logistic_regression}]
      backends: [{id: a, simulator: statevector, shots: exact}, {id: b, simulator: statevector, shots: 128}]
      seeds: [1, 2]
      criteria: {lift: {min: 0.02, model: h, over: h-identity}, cost: {max_runtime_seconds: 300}}
      expect: inconclusive
      """,
    "ridge": """
      claim: ridge
      title: kernel ridge regression
      task: regression
      hypothesis: cells agree with one run
      dataset: {csv: data/r.csv, target: y, test_fraction: 0.3}
      quantum: [{id: q, kind: kernel, encoding: {map: zz, reps: 1}}]
      baselines: [{model: ridge}]
      backends: [{id: sv, simulator: statevector, shots: exact}]
      seeds: [1, 2]
      criteria: {metric: rmse, lift: {min: 0}, cost: {max_runtime_seconds: 300}}
      expect: inconclusive
      """,
    "born": """
      claim: born
      title: Born machine
      task: generative
      hypothesis: cells agree with one run
      dataset: {target: {kind: bars_and_stripes, rows: 2, cols: 2}, train_samples: 100}
      quantum: [{id: qcbm, kind: born_machine, depth: 1, training: {iterations: 5, learning_rate: 0.1}}]
      baselines: [{model: bernoulli}, {model: bernoulli_mixture, grid: {components: [1, 2]}}]
      backends: [{id: sv, simulator: statevector, shots: exact}]
      seeds: [1, 2]
      criteria: {metric: kl, lift: {min: 0}, cost: {max_runtime_seconds: 300}}
      expect: refuted
      """,
  ]

  /// The project with every spec written, resolved as `qlift verify specs` resolves it.
  static func project() throws -> (URL, SpecSet) {
    let dir = try SpecFixtures.project()
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("specs/data"), withIntermediateDirectories: true)
    let rows = (0..<40).map { i -> String in
      let a = Double(i % 7) / 7, b = Double((i * 5) % 11) / 11
      return "\(a),\(b),\(sin(3 * a) + b * b)"
    }
    try (["a,b,y"] + rows).joined(separator: "\n").write(
      to: dir.appendingPathComponent("specs/data/r.csv"), atomically: true, encoding: .utf8)
    for (name, yaml) in specs {
      try yaml.write(to: dir.appendingPathComponent("specs/\(name).yaml"), atomically: true, encoding: .utf8)
    }
    let set = SpecSet.resolve(paths: [dir.appendingPathComponent("specs").path])
    #expect(set.isClean, "\(set.errors)")
    return (dir, set)
  }

  /// A result's JSON without timings (`TimelessResults`).
  static func timeless(_ r: ClaimResult) throws -> String {
    try TimelessResults.json(try ResultsCoding.encoder().encode(r))
  }

  @Test func cellShardsMergeToTheSingleRunByteForByte() throws {
    let (dir, set) = try Self.project()
    let single = try SuiteRunner(options: SuiteOptions(out: dir.appendingPathComponent("single"), jobs: 2, progress: false))
      .run(set.claims, of: set)
    var folders: [URL] = []
    var dealt: [CellID] = []
    for k in 1...3 {
      let out = dir.appendingPathComponent("shard-\(k)")
      let summary = try CellShardRunner(options: SuiteOptions(out: out, jobs: 1, progress: false))
        .run(set.claims, of: set, shard: Shard("\(k)/3")!)
      #expect(summary.ran == summary.cells.count && summary.reused == 0 && summary.refused.isEmpty)
      dealt += summary.cells
      folders.append(out)
    }
    // Every cell dealt exactly once: per claim, seeds × (baselines + backends).
    #expect(dealt.count == Set(dealt).count)
    #expect(dealt.count == 3 * 3 + 2 * 3 + 2 * 2 + 2 * 2)
    let commit = RunEnvironment.gitCommit(in: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    let merged = try ShardMerger.merge(folders, into: dir.appendingPathComponent("merged"), specs: set, gitCommit: commit)
    #expect(merged.map(\.claim) == single.map(\.claim).sorted())
    for m in merged {
      let s = try #require(single.first { $0.claim == m.claim })
      let (tm, ts) = (try Self.timeless(m), try Self.timeless(s))
      if tm != ts {
        try tm.write(toFile: "/tmp/cells-\(m.claim)-merged.json", atomically: true, encoding: .utf8)
        try ts.write(toFile: "/tmp/cells-\(m.claim)-single.json", atomically: true, encoding: .utf8)
      }
      #expect(tm == ts, "\(m.claim)")
      #expect(m.manifest.cacheKey == s.manifest.cacheKey)
    }
    // The merged folder is a complete cell cache: a shard run on it reuses every cell.
    let again = try CellShardRunner(options: SuiteOptions(out: dir.appendingPathComponent("merged"), jobs: 1, progress: false))
      .run(set.claims, of: set, shard: Shard("1/1")!)
    #expect(again.ran == 0 && again.reused == dealt.count)
  }

  @Test func mergeRefusesMissingDamagedAndForeignCells() throws {
    let (dir, set) = try Self.project()
    let kern = set.claims.filter { $0.id == "kern" }
    var folders: [URL] = []
    for k in 1...2 {
      let out = dir.appendingPathComponent("shard-\(k)")
      _ = try CellShardRunner(options: SuiteOptions(out: out, jobs: 1, progress: false)).run(kern, of: set, shard: Shard("\(k)/2")!)
      folders.append(out)
    }
    let only = try SpecSet.resolve(paths: [dir.appendingPathComponent("specs/kern.yaml").path])
    // A shard missing: the merge names the missing cells.
    #expect {
      try ShardMerger.merge([folders[0]], into: dir.appendingPathComponent("m1"), specs: only)
    } throws: { "\($0)".contains("missing: kern seed") }
    // Without the specs the cells cannot be assembled.
    #expect { try ShardMerger.merge(folders, into: dir.appendingPathComponent("m2")) } throws: { "\($0)".contains("--specs") }
    // A damaged cell file fails its checksum.
    let file = try #require(FileManager.default.contentsOfDirectory(atPath: folders[1].appendingPathComponent("cells/kern").path).first)
    let url = folders[1].appendingPathComponent("cells/kern/\(file)")
    var bytes = try Data(contentsOf: url)
    let i = try #require(bytes.lastIndex(of: UInt8(ascii: "1")))
    bytes[i] = UInt8(ascii: "2")
    try bytes.write(to: url)
    #expect { try ShardMerger.merge(folders, into: dir.appendingPathComponent("m3"), specs: only) } throws: {
      "\($0)".contains("fails its checksum")
    }
    // A shard rerun on its damaged folder recomputes the damaged cell.
    let rerun = try CellShardRunner(options: SuiteOptions(out: folders[1], jobs: 1, progress: false)).run(kern, of: set, shard: Shard("2/2")!)
    #expect(rerun.ran == 1)
    #expect(try ShardMerger.merge(folders, into: dir.appendingPathComponent("m4"), specs: only).count == 1)
    // Cells of an edited spec were computed for other inputs: refused, not mixed in.
    let spec = dir.appendingPathComponent("specs/kern.yaml")
    try (String(contentsOf: spec, encoding: .utf8) + "\n# edited\n").write(to: spec, atomically: true, encoding: .utf8)
    let edited = SpecSet.resolve(paths: [spec.path])
    #expect { try ShardMerger.merge(folders, into: dir.appendingPathComponent("m5"), specs: edited) } throws: {
      "\($0)".contains("cache key differs")
    }
  }

  @Test func cellsAreDealtLongestFirstToTheLeastLoadedShard() {
    func c(_ s: Int) -> CellID { CellID(claim: "x", seed: s, backend: nil) }
    let cells = [(c(1), 10.0), (c(2), 1.0), (c(3), 1.0), (c(4), 1.0), (c(5), 9.0)].map { (cell: $0.0, seconds: $0.1) }
    let a = Shard("1/2")!.select(cells: cells), b = Shard("2/2")!.select(cells: cells)
    // c1 -> 1 (10), c5 -> 2 (9), c2 -> 2 (10), c3 -> 1 (11), c4 -> 2 (11).
    #expect(a == [c(1), c(3)])
    #expect(b == [c(2), c(4), c(5)])
    #expect(Shard("3/3")!.select(cells: Array(cells.prefix(2))).isEmpty)
  }
}
