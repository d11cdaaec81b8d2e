import ClaimRunner
import ClaimSpec
import Foundation
import Testing

@Suite struct ShardingTests {
  @Test func parsesKOverN() {
    #expect(Shard("2/8")?.index == 2 && Shard("2/8")?.count == 8)
    #expect(Shard("1/1")?.description == "1/1")
    #expect(Shard("0/3") == nil)
    #expect(Shard("4/3") == nil)
    #expect(Shard("a/b") == nil)
    #expect(Shard("3") == nil)
  }

  @Test func shardsPartitionTheClaimsAndBalanceRuntime() throws {
    let dir = try SpecFixtures.project()
    let claims = try (0..<5).map { i in
      try SpecFixtures.claim(
        SpecFixtures.kernelSpec(id: "c\(i)", generator: "adhoc", params: "{features: 2, gap: 0.3}", samples: 40,
                                map: "zz", minLift: 0.0, expect: "supported"), name: "c\(i)", in: dir)
    }
    let runtimes = ["c0": 10.0, "c1": 1, "c2": 1, "c3": 1, "c4": 9]
    let a = Shard("1/2")!.select(claims, runtimes: runtimes).map(\.id)
    let b = Shard("2/2")!.select(claims, runtimes: runtimes).map(\.id)
    #expect(Set(a).isDisjoint(with: b))
    #expect(Set(a + b) == Set(claims.map(\.id)))
    // Longest first to the least-loaded shard (ties to the lower shard):
    // c0 -> 1 (10), c4 -> 2 (9), c1 -> 2 (10), c2 -> 1 (11), c3 -> 2 (11).
    #expect(a == ["c0", "c2"])
    #expect(b == ["c1", "c3", "c4"])
  }

  @Test func shardedAndMergedEqualsUnsharded() throws {
    let dir = try SpecFixtures.project()
    let claims = try (0..<3).map { i in
      try SpecFixtures.claim(
        SpecFixtures.kernelSpec(id: "s\(i)", generator: "adhoc", params: "{features: 2, gap: 0.3}", samples: 40 + 10 * i,
                                map: "zz", minLift: 0.05, expect: "supported", seeds: "[1, 2]"), name: "s\(i)", in: dir)
    }
    let single = try SuiteRunner(options: SuiteOptions(out: dir.appendingPathComponent("single"), jobs: 2, progress: false))
      .run(claims, devices: [:])
    var folders: [URL] = []
    for k in 1...2 {
      let out = dir.appendingPathComponent("shard-\(k)")
      let mine = Shard("\(k)/2")!.select(claims, runtimes: [:])
      _ = try SuiteRunner(options: SuiteOptions(out: out, jobs: 1, progress: false)).run(mine, devices: [:])
      folders.append(out)
    }
    let merged = try ShardMerger.merge(folders, into: dir.appendingPathComponent("merged"))
    #expect(merged.map(\.claim) == single.map(\.claim).sorted())
    for m in merged {
      let s = try #require(single.first { $0.claim == m.claim })
      #expect(m.verdict == s.verdict && m.passed == s.passed)
      #expect(m.lifts.map(\.perSeed) == s.lifts.map(\.perSeed))
      #expect(m.baselines.map(\.test) == s.baselines.map(\.test))
    }
    let junit = try String(contentsOf: dir.appendingPathComponent("merged/junit.xml"), encoding: .utf8)
    #expect(junit.contains("tests=\"3\""))
    // The same claim in two shard folders is refused.
    #expect(throws: RunnerError.self) { try ShardMerger.merge([folders[0], folders[0]], into: dir.appendingPathComponent("dup")) }
  }
}

/// `--shard K/N` with a huge N: bounded by the number of claims, never N slots.
@Suite struct ShardingHugeCountTests {
  @Test func hugeShardCountsSelectLikeTheSmallestEquivalentCount() throws {
    let dir = try SpecFixtures.project()
    let claims = try (0..<5).map { i in
      try SpecFixtures.claim(
        SpecFixtures.kernelSpec(id: "h\(i)", generator: "adhoc", params: "{features: 2, gap: 0.3}", samples: 40,
                                map: "zz", minLift: 0.0, expect: "supported"), name: "h\(i)", in: dir)
    }
    let runtimes = ["h0": 3.0, "h1": 1, "h2": 5, "h3": 0, "h4": 2]
    for count in [5, 6, 1000, Int.max] {
      for k in 1...5 {
        let big = try #require(Shard("\(k)/\(count)")).select(claims, runtimes: runtimes).map(\.id)
        let small = try #require(Shard("\(k)/5")).select(claims, runtimes: runtimes).map(\.id)
        #expect(big == small, "shard \(k)/\(count)")
      }
    }
    #expect(try #require(Shard("1/9223372036854775807")).select(claims, runtimes: runtimes).count == 1)
    #expect(try #require(Shard("9223372036854775807/9223372036854775807")).select(claims, runtimes: runtimes).isEmpty)
    #expect(try #require(Shard("6/9223372036854775807")).select(claims, runtimes: runtimes).isEmpty)
  }
}
