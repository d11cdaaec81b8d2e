import ClaimSpec
import Foundation
import Testing

@Test func resultRoundTripsThroughJSON() throws {
  let r = ClaimResult(claim: "c", title: "t", hypothesis: "h", specFile: "s.yaml",
    facts: ClaimFacts(encoding: "zz", backend: nil, shots: nil, baseline: "svm", runtime: nil),
    dataset: DatasetSummary(source: "adhoc", samples: 10, trainSamples: 7, testSamples: 3, features: ["a"], classes: ["0", "1"], preprocessing: [], scatter: [], scatterAxes: []),
    metric: "accuracy", seeds: [1], verdict: .supported, expected: .supported, passed: true,
    manifest: RunManifest(specHash: "x", qliftVersion: "0", gitCommit: nil, seeds: [1], machine: "m", started: "a", finished: "b", seconds: 1))
  let data = try ResultsCoding.encoder().encode(r)
  let text = String(decoding: data, as: UTF8.self)
  #expect(text.contains("\"spec_file\""))
  #expect(try ResultsCoding.decoder().decode(ClaimResult.self, from: data) == r)
  #expect(r.facts.missing == ["backend", "shots", "runtime"])
}
