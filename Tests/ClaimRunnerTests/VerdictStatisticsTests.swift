import ClaimRunner
import ClaimSpec
import Foundation
import Testing

/// The referee's rules (issue 13): seeds, interval method, bounds, p-value against the threshold,
/// multiple tests, non-inferiority wording and the power estimate, each on the real runner.
@Suite struct VerdictStatisticsTests {
  @Test func tooFewSeedsOrNoSpreadCannotDecide() {
    let two = VerdictRule.summarize([0.3, 0.31], confidence: 0.95, bootstrap: false)
    #expect(VerdictRule.backendVerdict(two, threshold: 0.1, count: 2).0 == .inconclusive)
    #expect(VerdictRule.backendVerdict(two, threshold: 0.1, count: 2).1?.contains("at least 3") == true)
    let flat = VerdictRule.summarize([0.2778, 0.2778, 0.2778, 0.2778], confidence: 0.95, bootstrap: false)
    #expect(flat.low == flat.high)
    #expect(VerdictRule.backendVerdict(flat, threshold: 0.1, count: 4).0 == .inconclusive)
    let flat5 = VerdictRule.summarize([0.2778, 0.2778, 0.2778, 0.2778, 0.2778], confidence: 0.95, bootstrap: false)
    #expect(VerdictRule.backendVerdict(flat5, threshold: 0.1, count: 5).0 == .supported)
  }

  @Test func boundedIntervalsAreCutToTheMetricRange() {
    let i = SeedInterval.pairedT.summarize([0.99, 1.0, 0.9, 1.0], confidence: 0.95, bounds: 0...1, seed: 0)
    #expect(i.high == 1 && i.clipped == true)
    let free = SeedInterval.pairedT.summarize([0.99, 1.0, 0.9, 1.0], confidence: 0.95, bounds: nil, seed: 0)
    #expect(free.high > 1 && free.clipped == nil)
  }

  @Test func aCSVClaimUsesTheCorrectedIntervalAndAGeneratorThePlainOne() throws {
    let dir = try SpecFixtures.project()
    let gen = try SpecFixtures.claim(
      SpecFixtures.kernelSpec(id: "gen", generator: "moons", params: "{noise: 0.2}", samples: 60, map: "zz",
                              minLift: 0.3, expect: "refuted", seeds: "[1, 2, 3, 4]"), name: "gen", in: dir)
    var rows = "x0,x1,label\n"
    for i in 0..<60 { rows += "\(Double(i % 7) / 7),\(Double(i % 5) / 5),\(i % 2)\n" }
    try rows.write(to: dir.appendingPathComponent("specs/d.csv"), atomically: true, encoding: .utf8)
    let csvSpec = SpecFixtures.kernelSpec(id: "csv", generator: "moons", params: "{noise: 0.2}", samples: 60, map: "zz",
                                          minLift: 0.3, expect: "refuted", seeds: "[1, 2, 3, 4]")
      .replacingOccurrences(of: "  generator: moons\n  params: {noise: 0.2}\n  samples: 60\n", with: "  csv: d.csv\n  target: label\n")
    let csv = try SpecFixtures.claim(csvSpec, name: "csv", in: dir)
    let results = try SpecFixtures.run([gen, csv], in: dir)
    let g = try #require(results.first { $0.claim == "gen" })
    let c = try #require(results.first { $0.claim == "csv" })
    #expect(g.lifts[0].summary.method == "student-t")
    #expect(g.inference?.method == "student-t")
    #expect(c.lifts[0].summary.method == "corrected-resampled-t")
    #expect(try #require(c.inference).testOverTrain > 0.4)
    // The corrected interval is wider than the plain t interval of the same lifts.
    let plain = VerdictRule.summarize(c.lifts[0].perSeed, confidence: 0.95, bootstrap: false)
    if plain.high > plain.low {
      #expect(c.lifts[0].summary.high - c.lifts[0].summary.low > plain.high - plain.low)
    }
    // The p-value tests against the threshold, not zero.
    #expect(c.lifts[0].pValue > 0.5 || c.lifts[0].summary.mean > 0.3)
  }

  @Test func severalDecisiveBackendsAreAFamilyOfTests() throws {
    let dir = try SpecFixtures.project()
    let text = SpecFixtures.kernelSpec(id: "fam", generator: "adhoc", params: "{features: 2, gap: 0.3}", samples: 60,
                                       map: "zz", minLift: 0.0, expect: "supported", seeds: "[1, 2, 3, 4]")
      .replacingOccurrences(of: "  - {id: ideal, simulator: statevector, shots: exact}",
                            with: "  - {id: ideal, simulator: statevector, shots: exact}\n  - {id: s512, simulator: statevector, shots: 512}")
    let r = try SpecFixtures.run([try SpecFixtures.claim(text, name: "fam", in: dir)], in: dir)[0]
    #expect(r.inference?.tests == 2)
    #expect(abs((r.inference?.intervalConfidence ?? 0) - 0.975) < 1e-12)
    for l in r.lifts {
      #expect(abs(l.summary.confidence - 0.975) < 1e-12)
      let holm = try #require(l.pValueHolm)
      #expect(holm >= l.pValue)
    }
    // Holm: the smaller p doubles, the larger is at least that.
    let ps = r.lifts.map(\.pValue), adj = r.lifts.compactMap(\.pValueHolm)
    let iMin = ps[0] <= ps[1] ? 0 : 1
    #expect(abs(adj[iMin] - min(1, 2 * ps[iMin])) < 1e-12)
  }

  @Test func aClaimAtOrBelowZeroReadsNonInferior() throws {
    let dir = try SpecFixtures.project()
    let text = SpecFixtures.kernelSpec(id: "ni", generator: "adhoc", params: "{features: 2, gap: 0.3}", samples: 60,
                                       map: "zz", minLift: -0.03, expect: "supported", seeds: "[1, 2, 3, 4]")
    let r = try SpecFixtures.run([try SpecFixtures.claim(text, name: "ni", in: dir)], in: dir)[0]
    #expect(r.inference?.comparison == "non-inferiority")
    #expect(r.inference?.margin == 0.03)
    #expect(r.verdict != .error)
    #expect(r.verdictLabel == r.verdict.label(threshold: -0.03) && r.verdictLabel.contains("margin 0.030"))
    #expect(r.verdictLabel != r.verdict.rawValue)
    let junit = JUnitWriter.summaryLines(r).joined(separator: "\n")
    #expect(junit.contains("margin 0.030"))
    #expect(junit.contains("one-sided p against the minimum"))
  }

  @Test func anInconclusiveLiftCarriesAPowerEstimate() throws {
    // A straddling interval: the estimate says how many seeds would separate it from the threshold.
    let dir = try SpecFixtures.project()
    let text = SpecFixtures.kernelSpec(id: "pw", generator: "moons", params: "{noise: 0.3}", samples: 40,
                                       map: "zz", minLift: 0.0, expect: "inconclusive", seeds: "[1, 2, 3, 4, 5]")
    let r = try SpecFixtures.run([try SpecFixtures.claim(text, name: "pw", in: dir)], in: dir)[0]
    let l = r.lifts[0]
    #expect(l.verdict == .inconclusive && l.inconclusiveReason == nil, "the fixture must straddle the threshold")
    #expect(l.powerNote != nil)
    if let n = l.seedsNeeded { #expect(n > 5) } else { #expect(l.powerNote?.contains("No number of seeds") == true) }
    #expect(r.bestBaselinePerSeed?.count == 5)
    #expect(r.lifts[0].referenceScores?.count == 5)
    #expect(r.fallback?.contains("best mean cross-validation") == true)
    // "Best" and the fallback name the same baseline: the best mean CV score over seeds.
    #expect(r.fallback?.hasPrefix(r.bestBaseline) == true)
    let meanCV = r.baselines.map { $0.cvScore.reduce(0, +) / Double($0.cvScore.count) }
    #expect(r.baselines.first { $0.model == r.bestBaseline }.map { b in meanCV.allSatisfy { $0 <= b.cvScore.reduce(0, +) / Double(b.cvScore.count) } } == true)
  }
}
