import ClaimSpec
import Foundation
import QMLKit

/// Assembles a claim's result from its cells, as `ClaimRunner` assembles it from its seeds: the
/// same `ResultAssembler` (`GenerativeAssembler`) on the same per-seed outcomes, so every number
/// and the verdict equal a single run's. Only timings differ: the manifest's `started` and
/// `finished` span the cells, its `seconds` is their sum, and `machine` lists the shards' machines.
enum CellAssembler {
  /// The claim's result. `records` must hold every cell of the claim (`PreparedClaim.cells`).
  /// - Throws: `RunnerError.corruptFile` when a cell is missing or holds another kind of payload.
  static func result(
    _ prepared: PreparedClaim, records: [CellID: CellRecord], specHash: String, gitCommit: String?
  ) throws -> ClaimResult {
    let claim = prepared.claim
    let missing = prepared.cells.filter { records[$0] == nil }
    if !missing.isEmpty {
      throw RunnerError.corruptFile(
        "cells/\(claim.id)", "\(missing.count) cell(s) missing: " + missing.prefix(5).map(\.description).joined(separator: "; ")
          + (missing.count > 5 ? "; ..." : ""))
    }
    let mine = prepared.cells.compactMap { records[$0] }
    for record in mine {
      if case .inputError(let message) = record.payload {
        return InputFailure.result(claim: claim, message: message, specHash: specHash, gitCommit: gitCommit, started: Date())
      }
    }
    let manifest = RunManifest(
      specHash: specHash, qliftVersion: RunEnvironment.qliftVersion, gitCommit: gitCommit, seeds: claim.seeds,
      machine: Array(Set(mine.map(\.machine))).sorted().joined(separator: "; "),
      started: mine.map(\.started).min() ?? "", finished: mine.map(\.finished).max() ?? "",
      seconds: mine.reduce(0) { $0 + $1.seconds })
    switch prepared.work {
    case .supervised(let data, let plan, let metric):
      let seeds = try claim.seeds.map { seed -> SeedOutcome in
        let (split, steps) = try data.split(seed: seed)
        let baseID = CellID(claim: claim.id, seed: seed, backend: nil)
        guard case .baselines(let baselines)? = records[baseID]?.payload,
          baselines.map(\.id) == claim.baselines.map(\.id)
        else { throw wrongPayload(baseID) }
        var byBackend: [String: [String: QuantumOutcome]] = [:]
        for (i, b) in plan.backends.enumerated() {
          let id = CellID(claim: claim.id, seed: seed, backend: b.spec.id)
          let models = Set(plan.models.filter { i == 0 || $0.controlOf == nil }.map(\.spec.id))
          guard case .backend(let outcomes)? = records[id]?.payload, Set(outcomes.keys) == models else { throw wrongPayload(id) }
          byBackend[b.spec.id] = outcomes
        }
        return SeedStage.outcome(
          claim: claim, plan: plan, seed: seed, split: split, steps: steps, baselines: baselines, byBackend: byBackend)
      }
      return ResultAssembler(claim: claim, plan: plan, data: data, metric: metric, seeds: seeds, manifest: manifest).result()
    case .generative(let plan):
      let seeds = try claim.seeds.map { seed -> GenerativeSeedStage.Outcome in
        let (target, _) = try GenerativeSeedStage.trainingSamples(plan: plan, seed: seed)
        let baseID = CellID(claim: claim.id, seed: seed, backend: nil)
        guard case .generativeBaselines(let baselines, let seconds)? = records[baseID]?.payload,
          baselines.count == plan.baselines.count, seconds.count == baselines.count
        else { throw wrongPayload(baseID) }
        var quantum: [String: [String: Result<GenerativeExperiment.ModelOutcome, GenerativeSeedStage.Failure>]] = [:]
        var quantumSeconds: [String: [String: Double]] = [:]
        for b in plan.backends {
          let id = CellID(claim: claim.id, seed: seed, backend: b.spec.id)
          guard case .generativeBackend(let parts)? = records[id]?.payload, Set(parts.keys) == Set(plan.machines.map(\.spec.id))
          else { throw wrongPayload(id) }
          for (model, part) in parts {
            if let o = part.outcome {
              quantum[model, default: [:]][b.spec.id] = .success(o)
            } else {
              quantum[model, default: [:]][b.spec.id] = .failure(GenerativeSeedStage.Failure(message: part.failure ?? "failed"))
            }
            quantumSeconds[model, default: [:]][b.spec.id] = part.seconds
          }
        }
        return GenerativeSeedStage.Outcome(
          seed: seed, target: target, baselines: baselines, baselineSeconds: seconds, quantum: quantum,
          quantumSeconds: quantumSeconds)
      }
      return GenerativeAssembler(claim: claim, plan: plan, seeds: seeds, manifest: manifest).result()
    }
  }

  static func wrongPayload(_ cell: CellID) -> RunnerError {
    RunnerError.corruptFile("cells/\(cell.claim)/\(cell.fileName)", "does not hold the outcomes of \(cell)")
  }
}
