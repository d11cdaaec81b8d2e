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
    let perSeed = try runner.runSeeds(claim) { seed in try GenerativeSeedStage.run(plan: plan, seed: seed) }
    let manifest = RunManifest.of(claim, specHash: specHash, gitCommit: gitCommit, started: started)
    return GenerativeAssembler(claim: claim, plan: plan, seeds: perSeed, manifest: manifest).result()
  }

  /// The checks before the first seed (the plan resolves the target, kernels and backends).
  static func prepare(_ claim: Claim, devices: [String: DeviceProfile]) throws -> GenerativePlan {
    let plan = try GenerativePlan(claim: claim, devices: devices)
    try GenerativeResourceGuard.check(claim, plan: plan)
    return plan
  }
}
