import ClaimSpec
import Foundation
import QMLKit
import QuantumSim

/// Runs a generative claim (`task: generative`) end to end: seeds in parallel
/// (`GenerativeSeedStage`), then `GenerativeAssembler`. Deterministic for a spec and seeds.
enum GenerativeClaimRunner {
  static func run(_ claim: Claim, runner: ClaimRunner, specHash: String, gitCommit: String?) throws -> ClaimResult {
    let started = Date()
    let plan = try prepare(claim, devices: runner.devices)
    let seeds = claim.seeds
    let progress = runner.options.progress
    let stop = runner.options.stop
    let outcomes = Parallel.map(seeds.count, workers: runner.options.jobs) { i in
      defer { progress?("\(claim.id): seed \(seeds[i]) done") }
      try stop?.check(finished: 0)
      return try GenerativeSeedStage.run(plan: plan, seed: seeds[i])
    }
    try stop?.check(finished: 0)
    if let s = Cancellation.requestedSignal { throw Interrupted(signal: s, finishedClaims: 0) }
    let perSeed = try outcomes.map { try $0.get() }
    let finished = Date()
    let manifest = RunManifest(
      specHash: specHash, qliftVersion: RunEnvironment.qliftVersion, gitCommit: gitCommit, seeds: seeds,
      machine: RunEnvironment.machine, started: RunEnvironment.timestamp(started),
      finished: RunEnvironment.timestamp(finished), seconds: finished.timeIntervalSince(started))
    return GenerativeAssembler(claim: claim, plan: plan, seeds: perSeed, manifest: manifest).result()
  }

  /// The checks before the first seed (the plan resolves the target, kernels and backends).
  static func prepare(_ claim: Claim, devices: [String: DeviceProfile]) throws -> GenerativePlan {
    let plan = try GenerativePlan(claim: claim, devices: devices)
    try GenerativeResourceGuard.check(claim, plan: plan)
    return plan
  }
}
