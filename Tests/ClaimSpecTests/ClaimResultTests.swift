import ClaimSpec
import Foundation
import Testing

@Test func resultRoundTripsThroughJSON() throws {
  let r = ClaimResult(claim: "c", title: "t", hypothesis: "h", specFile: "s.yaml",
    facts: ClaimFacts(encoding: "zz", backend: nil, shots: nil, baseline: "svm", runtime: nil),
    dataset: DatasetSummary(source: "adhoc", samples: 10, trainSamples: 7, testSamples: 3, features: ["a"], classes: ["0", "1"], preprocessing: [], scatter: [], scatterAxes: []),
    metric: "accuracy", seeds: [1],
    lifts: [LiftResult(backend: "b", model: "m", perSeed: [0.1], summary: IntervalSummary(mean: 0.1, std: 0,
      low: 0.1, high: 0.1, confidence: 0.95, method: "student-t"), threshold: 0, pValue: 0.5, verdict: .supported)],
    costs: [CostRecord(model: "m", backend: "b", qubits: 2, depth: 3, twoQubitGates: 1, routedDepth: 4,
      routedTwoQubitGates: 2, encodingDepth: 1, encodingTwoQubitGates: 0, executions: 10, shots: 100,
      cloudUsd: 1.5, queueSeconds: 0, seconds: 0.1)],
    verdict: .supported, expected: .supported,
    manifest: RunManifest(specHash: "x", qliftVersion: "0", gitCommit: nil, seeds: [1], machine: "m", started: "a", finished: "b", seconds: 1))
  let data = try ResultsCoding.encoder().encode(r)
  let text = String(decoding: data, as: UTF8.self)
  #expect(text.contains("\"spec_file\""))
  #expect(try ResultsCoding.decoder().decode(ClaimResult.self, from: data) == r)
  #expect(r.facts.missing == ["backend", "shots", "runtime"])
  var nanLift = r
  nanLift.lifts[0].pValue = .nan
  let back = try ResultsCoding.decoder().decode(ClaimResult.self, from: ResultsCoding.encoder().encode(nanLift))
  #expect(back.lifts[0].pValue.isNaN)
}

/// `passed` is derived: it follows the verdict, the expectation and the regressions, whatever
/// order they change in, and survives a JSON round trip.
@Suite struct ClaimResultPassedTests {
  @Test func passedFollowsVerdictExpectationAndRegressions() throws {
    var r = try ResultsCoding.decoder().decode(ClaimResult.self, from: ResultsCoding.encoder().encode(ClaimResultPassedTests.sample()))
    #expect(r.passed)
    r.verdict = .refuted
    #expect(!r.passed)
    r.expected = .refuted
    #expect(r.passed)
    r.regressions = [RegressionCheck(name: "lift ideal", accepted: 0.2, actual: 0.05, tolerance: 0.03, tripped: true)]
    #expect(!r.passed)
    #expect(r.allReasons.last == "Regressed: lift ideal moved from 0.2 to 0.05 (tolerance 0.03).")
    #expect(!r.reasons.contains { $0.hasPrefix("Regressed") })
    r.regressions[0].tripped = false
    #expect(r.passed && r.allReasons == r.reasons)
  }

  static func sample() -> ClaimResult {
    let facts = ClaimFacts(encoding: "zz", backend: "ideal", shots: nil, baseline: "svm_rbf", runtime: "1 s")
    let data = DatasetSummary(source: "x.csv", samples: 10, trainSamples: 7, testSamples: 3, features: [], classes: [],
                              preprocessing: [], scatter: [], scatterAxes: [])
    return ClaimResult(claim: "c", title: "t", hypothesis: "h", specFile: "s.yaml", facts: facts, dataset: data,
                       metric: "accuracy", seeds: [1], verdict: .supported, expected: .supported,
                       manifest: RunManifest(specHash: "h", qliftVersion: "v", gitCommit: nil, seeds: [1], machine: "m",
                                             started: "a", finished: "b", seconds: 1))
  }
}

/// One summary of a suite, the counts every output prints.
@Suite struct SuiteSummaryTests {
  @Test func countsVerdictsFailuresErrorsAndTime() {
    var refuted = ClaimResultPassedTests.sample()
    refuted.verdict = .refuted
    var broken = ClaimResultPassedTests.sample()
    broken.verdict = .error
    broken.manifest.seconds = 2.5
    var refutedAsExpected = refuted
    refutedAsExpected.expected = .refuted
    let s = SuiteSummary([ClaimResultPassedTests.sample(), refuted, broken, refutedAsExpected])
    #expect(s.claims == 4 && s[.supported] == 1 && s[.refuted] == 2 && s[.inconclusive] == 0 && s.errors == 1)
    #expect(s.failing == 2 && s.seconds == 5.5)
    #expect(s.line == "1 supported, 2 refuted, 0 inconclusive, 2 failing the build, 1 could not run")
    #expect(SuiteSummary([]).line == "0 supported, 0 refuted, 0 inconclusive, 0 failing the build")
  }
}
