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
    let iteration = options.iteration
    let perSeed = try runSeeds(claim) { seed in
      try SeedStage.run(claim: claim, plan: plan, data: data, metric: metric, seed: seed, iteration: iteration)
    }
    let manifest = RunManifest.of(claim, specHash: specHash, gitCommit: gitCommit, started: started)
    return ResultAssembler(claim: claim, plan: plan, data: data, metric: metric, seeds: perSeed, manifest: manifest).result()
  }
}

extension ClaimRunner {
  /// Runs `body` for every seed of `claim`, at most `jobs` at once, and returns the outcomes in
  /// seed order (the first failure rethrown). A stop during the seeds cut their loops short
  /// (`Cancellation`), so their outcomes are partial: it throws instead of returning them.
  func runSeeds<T>(_ claim: Claim, _ body: (Int) throws -> T) throws -> [T] {
    let seeds = claim.seeds
    let progress = options.progress, stop = options.stop
    let outcomes = Parallel.map(seeds.count, workers: options.jobs) { i in
      defer { progress?("\(claim.id): seed \(seeds[i]) done") }
      try stop?.check(finished: 0)
      return try body(seeds[i])
    }
    try stop?.check(finished: 0)
    if let s = Cancellation.requestedSignal { throw Interrupted(signal: s, finishedClaims: 0) }
    return try outcomes.map { try $0.get() }
  }

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
