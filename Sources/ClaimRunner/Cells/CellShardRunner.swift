import ClaimSpec
import Foundation
import QMLKit
import QuantumSim

/// Runs one shard of a suite at the grain of cells (claim × seed × backend, plus each seed's
/// baselines): prepares every claim (so every shard deals the same cells), takes this shard's
/// share (`Shard.select(cells:)`), reuses cell files computed for the same inputs by the same
/// build, runs the rest and writes them to `cells/`. Verdicts are decided by `qlift merge`.
public struct CellShardRunner: Sendable {
  /// What a shard did.
  public struct Summary: Sendable {
    /// This shard's cells, in cell order.
    public var cells: [CellID]
    /// How many of them were run now and how many reused.
    public var ran: Int
    public var reused: Int
    /// Claims whose inputs were refused before their first seed (claim id, message): every shard
    /// sees the same refusal, and `qlift merge` records the claim as `error`.
    public var refused: [(claim: String, message: String)]
  }

  /// Settings (`out`, `jobs`, `fresh`, `progress`, `stop`).
  public var options: SuiteOptions

  /// A shard runner.
  public init(options: SuiteOptions) { self.options = options }

  /// Runs this shard's cells of `claims`.
  /// - Throws: `Interrupted`, output-folder errors and internal errors (input errors are recorded).
  public func run(_ claims: [Claim], of set: SpecSet, shard: Shard) throws -> Summary {
    try run(claims, profiles: set.devices(for:), shard: shard)
  }

  /// Runs this shard's cells of `claims`; `profiles` gives each claim's device profiles by id.
  public func run(_ claims: [Claim], profiles: (Claim) -> [String: DeviceProfile], shard: Shard) throws -> Summary {
    try OutputFolder.prepare(options.out, subfolder: "cells")
    var prepared: [String: PreparedClaim] = [:]
    var keys: [String: (hash: String, key: String)] = [:]
    var refused: [(claim: String, message: String)] = []
    var all: [(cell: CellID, seconds: Double)] = []
    for claim in claims {
      let runner = ClaimRunner(
        devices: profiles(claim), options: RunOptions(jobs: 1, progress: nil, stop: options.stop))
      do {
        let p = try PreparedClaim(claim, runner: runner)
        prepared[claim.id] = p
        all += CellCost.estimate(p)
        let hash = SuiteRunner.specHash(claim)
        keys[claim.id] = (hash, SuiteRunner.cacheKey(claim, specHash: hash, devices: profiles(claim)))
      } catch {
        guard let message = InputFailure.message(error) else { throw error }
        refused.append((claim.id, message))
      }
    }
    let mine = shard.select(cells: all)
    var toRun: [CellID] = []
    var reused = 0
    for cell in mine {
      if !options.fresh, case .valid(let r) = CellStore.read(cell, in: options.out), r.format == CellRecord.currentFormat,
        r.cacheKey == keys[cell.claim]?.key
      {
        reused += 1
      } else {
        toRun.append(cell)
      }
    }
    let out = options.out, stop = options.stop, progress = options.progress
    let total = toRun.count
    let outcomes = Parallel.map(toRun.count, workers: max(1, options.jobs)) { i -> Void in
      let cell = toRun[i]
      guard let p = prepared[cell.claim], let key = keys[cell.claim] else { return }
      try stop?.check(finished: 0)
      let started = Date()
      let payload: CellPayload
      do {
        payload = try CellRunner.run(cell, of: p)
      } catch {
        guard let message = InputFailure.message(error) else { throw error }
        payload = .inputError(message)
      }
      let finished = Date()
      let record = CellRecord(
        format: CellRecord.currentFormat, cell: cell, cacheKey: key.key, specHash: key.hash, machine: RunEnvironment.machine,
        started: RunEnvironment.timestamp(started), finished: RunEnvironment.timestamp(finished),
        seconds: finished.timeIntervalSince(started), payload: payload)
      try CellStore.write(record, in: out)
      if progress {
        FileHandle.standardError.write(
          Data("cell \(i + 1)/\(total): \(cell) (\(String(format: "%.1f", record.seconds)) s)\n".utf8))
      }
    }
    try stop?.check(finished: 0)
    if let s = Cancellation.requestedSignal { throw Interrupted(signal: s, finishedClaims: 0) }
    for o in outcomes { try o.get() }
    return Summary(cells: mine, ran: toRun.count, reused: reused, refused: refused)
  }
}
