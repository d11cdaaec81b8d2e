@testable import ClaimRunner
import ClaimSpec
import Foundation
import QMLKit
import Testing
import TestSupport

/// The repository root (for the shipped specs).
private let repoRoot = Repository.root

/// Resource guards, data guards, checksummed results, stop requests and injected faults.
@Suite struct ReliabilityTests {
  @Test func noShippedClaimIsRefusedByTheResourceGuard() throws {
    let report = SpecLinter.lint(paths: [repoRoot.appendingPathComponent("specs").path])
    #expect(report.isClean && report.claims.count >= 10)
    let devices = DeviceProfileCatalog(folder: repoRoot.appendingPathComponent("specs/devices")).profiles
    for claim in report.claims {
      // A generative claim reads no data: its plan (target, kernels, backends) is its preflight.
      if claim.task == .generative {
        _ = try GenerativeClaimRunner.prepare(claim, devices: devices)
        continue
      }
      let data = try DataStage(claim: claim)
      let plan = try ModelPlan(claim: claim, devices: devices)
      try DataGuard.check(claim, data: data)
      let guard_ = try ResourceGuard(claim: claim, data: data)
      try guard_.check(plan: plan)
      // Far below the bound: the estimate is meant to catch claims off by orders of magnitude.
      let seconds = guard_.seconds(plan: plan)
      if let bound = claim.criteria.cost.maxRuntimeSeconds { #expect(seconds < bound * 10, "\(claim.id): \(seconds) s") }
    }
  }

  @Test func theMemoryGuardNamesQubitsSamplesAndBytes() throws {
    let dir = try SpecFixtures.project()
    let claim = try SpecFixtures.claim(
      SpecFixtures.kernelSpec(id: "mem", generator: "adhoc", params: "{features: 3}", samples: 4000, map: "zz", minLift: 0, expect: "supported"),
      name: "mem", in: dir)
    let data = try DataStage(claim: claim)
    let plan = try ModelPlan(claim: claim, devices: [:])
    let g = try ResourceGuard(claim: claim, data: data)
    try g.check(plan: plan)  // fits in the real machine
    #expect(throws: RunnerError.self) { try g.check(plan: plan, availableBytes: 1e6) }
    do {
      try g.check(plan: plan, availableBytes: 1e6)
    } catch let e as RunnerError {
      #expect(e.isInputError)
      #expect(e.description.contains("3 qubits") && e.description.contains("4000 samples") && e.description.contains("bytes"))
      #expect(e.description.contains("mem.yaml:"))
    }
    let est = try #require(g.estimates(plan: plan).first)
    let nt = Double(est.trainSamples), n = Double(est.samples)
    #expect(est.bytes >= 8 * (nt * nt + (n - nt) * nt))
  }

  @Test func aClassTooSmallToCrossValidateIsAnInputError() throws {
    let dir = try SpecFixtures.project()
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("specs/data"), withIntermediateDirectories: true)
    var csv = "a,b,y\n"
    for i in 0..<10 { csv += "\(i),\(i % 3),x\n" }
    csv += "5,5,z\n5,6,z\n"
    try csv.write(to: dir.appendingPathComponent("specs/data/d.csv"), atomically: true, encoding: .utf8)
    let yaml = SpecFixtures.kernelSpec(id: "small", generator: "adhoc", params: "{features: 2}", samples: 40, map: "zz",
                                       minLift: 0, expect: "supported")
      .replacingOccurrences(of: "generator: adhoc", with: "csv: data/d.csv\n  target: y")
      .replacingOccurrences(of: "  params: {features: 2}\n", with: "").replacingOccurrences(of: "  samples: 40\n", with: "")
    let claim = try SpecFixtures.claim(yaml, name: "small", in: dir)
    #expect {
      try ClaimRunner().run(claim, specHash: "x", gitCommit: nil)
    } throws: { e in
      guard let e = e as? RunnerError, e.isInputError else { return false }
      return e.description.contains("class 'z'") && e.description.contains("small.yaml:")
    }
  }

  @Test func checksummedResultsDetectEveryEdit() throws {
    let dir = try SpecFixtures.project()
    let claim = try SpecFixtures.claim(
      SpecFixtures.kernelSpec(id: "sum", generator: "adhoc", params: "{features: 2}", samples: 30, map: "zz", minLift: 0,
                              expect: "supported", seeds: "[1, 2]"), name: "sum", in: dir)
    let result = try ClaimRunner(options: RunOptions(jobs: 1)).run(claim, specHash: "h", gitCommit: nil)
    let file = dir.appendingPathComponent("r.json")
    try ResultsIntegrity.write(result, to: file)
    guard case .valid(let back) = ResultsIntegrity.read(file) else { Issue.record("not valid"); return }
    #expect(back == result)
    #expect(try ResultsIntegrity.checksum(back) == ResultsIntegrity.checksum(result))
    let text = try String(contentsOf: file, encoding: .utf8)
    // Whitespace does not matter (the checksum is over canonical JSON); any value does.
    try text.replacingOccurrences(of: "\n", with: "\n  ").write(to: file, atomically: true, encoding: .utf8)
    if case .valid = ResultsIntegrity.read(file) {} else { Issue.record("reformatting broke the checksum") }
    for edit in [("\"sum\"", "\"suM\""), ("\"seeds\" : [\n    1,", "\"seeds\" : [\n    7,")] {
      #expect(text.contains(edit.0))
      try text.replacingOccurrences(of: edit.0, with: edit.1).write(to: file, atomically: true, encoding: .utf8)
      if case .corrupt(let why) = ResultsIntegrity.read(file) { #expect(why.contains("fails its checksum")) } else { Issue.record("edit \(edit) not detected") }
    }
    try Data(text.utf8.prefix(100)).write(to: file)
    if case .corrupt = ResultsIntegrity.read(file) {} else { Issue.record("truncation not detected") }
    if case .missing = ResultsIntegrity.read(dir.appendingPathComponent("none.json")) {} else { Issue.record("missing") }
  }

  @Test func aRequestedStopEndsTheRunBeforeTheNextClaimAndKeepsFinishedOnes() throws {
    let dir = try SpecFixtures.project()
    let claims = try ["s1", "s2"].map { id in
      try SpecFixtures.claim(SpecFixtures.kernelSpec(id: id, generator: "adhoc", params: "{features: 2}", samples: 30, map: "zz",
                                                     minLift: 0, expect: "supported", seeds: "[1, 2]"), name: id, in: dir)
    }
    let stop = StopRequest()
    #expect(stop.request(signal: SIGINT) && !stop.request(signal: SIGTERM))
    let out = dir.appendingPathComponent("reports")
    #expect(throws: Interrupted(signal: SIGINT, finishedClaims: 0)) {
      try SuiteRunner(options: SuiteOptions(out: out, jobs: 1, progress: false, stop: stop)).run(claims, devices: [:])
    }
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("junit.xml").path))
    #expect(Interrupted(signal: SIGTERM, finishedClaims: 1).exitCode == 143)
  }

  @Test func injectedNaNInAModelIsReportedForThatModelAndSeed() throws {
    let dir = try SpecFixtures.project()
    let yaml = """
      claim: fault
      title: t
      hypothesis: h
      dataset: {generator: adhoc, params: {features: 2}, samples: 30}
      quantum:
        - {id: k, kind: kernel, encoding: {map: zz}}
        - {id: v, kind: variational, encoding: {map: angle}, ansatz: {type: real_amplitudes, layers: 1}, training: {optimizer: adam, iterations: 5}}
      baselines: [{model: logistic_regression}]
      backends: [{id: sv, simulator: statevector, shots: exact}]
      seeds: [1]
      criteria: {lift: {min: 0}, cost: {max_runtime_seconds: 60}}
      expect: supported
      """
    let claim = try SpecFixtures.claim(yaml, name: "fault", in: dir)
    let plan = try ModelPlan(claim: claim, devices: [:])
    let data = try DataStage(claim: claim)
    var split = try data.split(seed: 1).split
    split.train.features[0][0] = .nan  // the fault: one poisoned value reaching the model
    for m in plan.models {
      let o = QuantumStage.run(model: m, backend: plan.backends[0], split: split, metric: .balanced_accuracy, seed: 1, keepKernel: false)
      #expect(o.test == nil, "\(m.spec.id) scored a poisoned split")
      let why = try #require(o.failure)
      #expect(why.lowercased().contains("nan") || why.contains("finite") || why.contains("diverged"), "\(m.spec.id): \(why)")
    }
  }
}
