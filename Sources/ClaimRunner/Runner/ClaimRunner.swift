import ClaimSpec
import Dispatch
import Foundation
import QMLKit
import QuantumSim

/// Options of a run that do not change its numbers.
public struct RunOptions: Sendable {
  /// Seeds run concurrently (the numbers do not depend on it).
  public var jobs: Int
  /// Called with one line of progress text.
  public var progress: (@Sendable (String) -> Void)?
  /// Called at each training iteration of a variational model: (model id, iteration, iterations).
  public var iteration: (@Sendable (String, Int, Int) -> Void)?
  /// Checked before each seed; a requested stop ends the claim with `Interrupted`.
  public var stop: StopRequest?

  /// Creates options with a stop request.
  public init(jobs: Int, progress: (@Sendable (String) -> Void)?, stop: StopRequest?) {
    self.init(jobs: jobs, progress: progress)
    self.stop = stop
  }

  /// Creates options.
  public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, progress: (@Sendable (String) -> Void)? = nil) {
    self.jobs = max(1, jobs)
    self.progress = progress
  }
}

/// Runs one claim end to end: data, tuned baselines, quantum models on every backend,
/// lift with its interval, cost, verdict. Deterministic for a given spec and seeds.
public struct ClaimRunner: Sendable {
  /// Device profiles by id (from `specs/devices/`).
  public var devices: [String: DeviceProfile]
  /// Run options.
  public var options: RunOptions

  /// A runner with the given device profiles.
  public init(devices: [String: DeviceProfile] = [:], options: RunOptions = RunOptions()) {
    self.devices = devices
    self.options = options
  }

  /// Runs `claim` and returns its result (without regression checks; see `SuiteRunner`).
  public func run(_ claim: Claim, specHash: String, gitCommit: String?) throws -> ClaimResult {
    if claim.task == .generative {
      return try GenerativeClaimRunner.run(claim, runner: self, specHash: specHash, gitCommit: gitCommit)
    }
    let started = Date()
    let metric = Metric(claim.criteria.metric)
    let (data, plan) = try prepare(claim)
    let seeds = claim.seeds
    let progress = options.progress
    let stop = options.stop
    let iteration = options.iteration
    // At most `jobs` seeds at once; outcomes in seed order, the first failure rethrown.
    let outcomes = Parallel.map(seeds.count, workers: options.jobs) { i in
      defer { progress?("\(claim.id): seed \(seeds[i]) done") }
      try stop?.check(finished: 0)
      return try SeedStage.run(
        claim: claim, plan: plan, data: data, metric: metric, seed: seeds[i], iteration: iteration)
    }
    // A stop during the seeds cut their loops short (`Cancellation`): their outcomes are partial,
    // so nothing of this claim is assembled or written.
    try stop?.check(finished: 0)
    if let s = Cancellation.requestedSignal { throw Interrupted(signal: s, finishedClaims: 0) }
    let perSeed = try outcomes.map { try $0.get() }
    let finished = Date()
    let manifest = RunManifest(
      specHash: specHash, qliftVersion: RunEnvironment.qliftVersion, gitCommit: gitCommit, seeds: seeds,
      machine: RunEnvironment.machine, started: RunEnvironment.timestamp(started),
      finished: RunEnvironment.timestamp(finished), seconds: finished.timeIntervalSince(started))
    return ResultAssembler(claim: claim, plan: plan, data: data, metric: metric, seeds: perSeed, manifest: manifest).result()
  }
}

extension ClaimRunner {
  /// Everything a run checks of a claim's inputs before its first seed: the data (loaded and
  /// guarded), the models and backends (encodings, device profiles, noise, imported hardware
  /// counts) and the memory and runtime estimates. `Preflight` (lint) runs the same checks.
  /// - Throws: input errors (`RunnerError.invalidClaim`, `.resourceLimit`), located in the spec.
  func prepare(_ claim: Claim) throws -> (data: DataStage, plan: ModelPlan) {
    let data = try InputErrors.located(claim) { try DataStage(claim: claim) }
    let plan = try ModelPlan(claim: claim, devices: devices)
    try QPUTimeBound.check(claim, plan: plan)
    try DataGuard.check(claim, data: data)
    try InputErrors.located(claim) { try ResourceGuard(claim: claim, data: data).check(plan: plan) }
    return (data, plan)
  }
}
