import ClaimRunner
import ClaimSpec
import Foundation
import Testing

@Suite(.serialized) struct SuiteRunnerTests {
  @Test func zzKernelOnAdHocDataIsSupported() throws {
    let dir = try SpecFixtures.project()
    let claim = try SpecFixtures.claim(
      SpecFixtures.kernelSpec(id: "adhoc", generator: "adhoc", params: "{features: 2, gap: 0.3}", samples: 80,
                              map: "zz", minLift: 0.1, expect: "supported"), name: "adhoc", in: dir)
    let r = try #require(SpecFixtures.run([claim], in: dir).first)
    #expect(r.verdict == .supported)
    #expect(r.passed)
    #expect(r.lifts.count == 1 && r.lifts[0].summary.low >= 0.1)
    #expect(r.bestBaseline == "svm_rbf" || r.bestBaseline == "logistic_regression")
    #expect(r.facts.missing.isEmpty)
    // The ad hoc labels come from the quantum map: its kernel is far from an RBF kernel (g >> 1).
    #expect(r.diagnostics.contains { $0.name == "geometric_difference" && $0.value > 2 })
    #expect(r.diagnostics.contains { $0.name == "kernel_target_alignment" && $0.value > 0.1 })
    let junit = try String(contentsOf: dir.appendingPathComponent("reports/junit.xml"), encoding: .utf8)
    #expect(junit.contains("tests=\"1\"") && junit.contains("failures=\"0\""))
  }

  @Test func quantumKernelOnLinearDataIsRefutedAndAWrongExpectationFails() throws {
    let dir = try SpecFixtures.project()
    // Linearly separable data: logistic regression is near perfect, so a 10-point lift is impossible.
    let spec = SpecFixtures.kernelSpec(
      id: "linear", generator: "linearly_separable", params: "{features: 3}", samples: 90, map: "angle",
      minLift: 0.1, expect: "supported", preprocess: "[standardize]")
    let r = try #require(SpecFixtures.run([SpecFixtures.claim(spec, name: "linear", in: dir)], in: dir).first)
    #expect(r.verdict == .refuted)
    #expect(!r.passed)
    #expect(r.reasons.first?.contains("Expected supported but the evidence says refuted") == true)
    let junit = try String(contentsOf: dir.appendingPathComponent("reports/junit.xml"), encoding: .utf8)
    #expect(junit.contains("<failure") && junit.contains("expected supported, got refuted"))
  }

  @Test func aFailedCostBoundRefutesAnOtherwiseSupportedClaim() throws {
    let dir = try SpecFixtures.project()
    let spec = SpecFixtures.kernelSpec(
      id: "costly", generator: "adhoc", params: "{features: 2, gap: 0.3}", samples: 80, map: "zz", minLift: 0.1,
      expect: "refuted", cost: "{max_qubits: 8, max_depth: 5, max_runtime_seconds: 600}")
    let r = try #require(SpecFixtures.run([SpecFixtures.claim(spec, name: "costly", in: dir)], in: dir).first)
    #expect(r.lifts[0].verdict == .supported)
    #expect(r.costChecks.contains { $0.name == "max_depth" && !$0.held && $0.actual > 5 })
    #expect(r.verdict == .refuted && r.passed)
  }

  @Test func sameNumbersWhateverTheJobCountAndCacheReuse() throws {
    let dir = try SpecFixtures.project()
    let claim = try SpecFixtures.claim(
      SpecFixtures.kernelSpec(id: "det", generator: "adhoc", params: "{features: 2, gap: 0.3}", samples: 60,
                              map: "zz", minLift: 0.0, expect: "supported"), name: "det", in: dir)
    let out = dir.appendingPathComponent("reports")
    let one = try SuiteRunner(options: SuiteOptions(out: out, jobs: 1, fresh: true, progress: false)).run([claim], devices: [:])[0]
    let two = try SuiteRunner(options: SuiteOptions(out: out, jobs: 3, fresh: true, progress: false)).run([claim], devices: [:])[0]
    #expect(one.lifts[0].perSeed == two.lifts[0].perSeed)
    #expect(one.baselines.map(\.test) == two.baselines.map(\.test))
    // The second fresh run kept the first one's results as the previous run; history records intervals.
    let previous = try ResultsIntegrity.read(out.appendingPathComponent("results/previous/det.json"))
    guard case .valid(let first) = previous else { Issue.record("no previous run kept: \(previous)"); return }
    #expect(first.manifest.started == one.manifest.started)
    let history = HistoryLog.read(from: out).entries
    #expect(history.count == 2 && history[1].interval?[two.lifts[0].backend] == [two.lifts[0].summary.low, two.lifts[0].summary.high])
    let cached = try SuiteRunner(options: SuiteOptions(out: out, jobs: 1, fresh: false, progress: false)).run([claim], devices: [:])[0]
    #expect(cached.manifest.cached)
    #expect(cached.lifts[0].perSeed == two.lifts[0].perSeed)
  }

  @Test func aRegressionAgainstTheAcceptedSnapshotFailsTheBuild() throws {
    let dir = try SpecFixtures.project()
    let claim = try SpecFixtures.claim(
      SpecFixtures.kernelSpec(id: "reg", generator: "adhoc", params: "{features: 2, gap: 0.3}", samples: 60,
                              map: "zz", minLift: 0.0, expect: "supported"), name: "reg", in: dir)
    let r = try SpecFixtures.run([claim], in: dir)[0]
    #expect(r.passed)
    // Accept a snapshot whose lift is 0.1 higher than today's: today's lift is then a drop past 0.02.
    var snap = AcceptedSnapshot(result: r, date: "2026-01-01T00:00:00Z")
    snap.lift["ideal"] = r.lifts[0].summary.mean + 0.1
    try SnapshotStore(folder: SuiteRunner.acceptedFolder(for: claim)).save(snap)
    let again = try SpecFixtures.run([claim], in: dir, fresh: false)[0]
    #expect(!again.passed)
    #expect(again.regressions.contains { $0.name == "lift ideal" && $0.tripped })
    #expect(again.allReasons.contains { $0.hasPrefix("Regressed: lift ideal") } && !again.reasons.contains { $0.hasPrefix("Regressed") })
    // Within tolerance: accepting today's numbers clears it.
    try SnapshotStore(folder: SuiteRunner.acceptedFolder(for: claim)).save(AcceptedSnapshot(result: r, date: "x"))
    #expect(try SpecFixtures.run([claim], in: dir, fresh: false)[0].passed)
  }
}
