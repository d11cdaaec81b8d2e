import ClaimSpec
import Foundation
import QMLKit

/// Runs one cell of a prepared claim: the same stages, with the same seeds, as the matching part
/// of a single run (`SeedStage`, `GenerativeSeedStage`), so the assembled claim is the same.
enum CellRunner {
  /// The cell's payload.
  /// - Throws: what the single run would throw at that seed (input errors, interruptions).
  static func run(_ cell: CellID, of prepared: PreparedClaim) throws -> CellPayload {
    let claim = prepared.claim
    switch prepared.work {
    case .supervised(let data, let plan, let metric):
      let (split, _) = try data.split(seed: cell.seed)
      guard let id = cell.backend else {
        return .baselines(try SeedStage.baselines(claim: claim, plan: plan, split: split, metric: metric, seed: cell.seed))
      }
      guard let index = plan.backends.firstIndex(where: { $0.spec.id == id }) else { throw unknownBackend(cell) }
      return .backend(
        SeedStage.backend(
          plan.backends[index], first: index == 0, claim: claim, plan: plan, split: split, metric: metric, seed: cell.seed,
          iteration: prepared.runner.options.iteration))
    case .generative(let plan):
      let (target, samples) = try GenerativeSeedStage.trainingSamples(plan: plan, seed: cell.seed)
      guard let id = cell.backend else {
        let b = try GenerativeSeedStage.baselines(plan: plan, seed: cell.seed, target: target, samples: samples)
        return .generativeBaselines(outcomes: b.outcomes, seconds: b.seconds)
      }
      guard let backend = plan.backends.first(where: { $0.spec.id == id }) else { throw unknownBackend(cell) }
      let parts = try GenerativeSeedStage.backend(backend, plan: plan, seed: cell.seed, target: target, samples: samples)
      return .generativeBackend(
        parts.mapValues { part in
          switch part.outcome {
          case .success(let o): return GenerativeCellOutcome(outcome: o, failure: nil, seconds: part.seconds)
          case .failure(let f): return GenerativeCellOutcome(outcome: nil, failure: f.message, seconds: part.seconds)
          }
        })
    }
  }

  static func unknownBackend(_ cell: CellID) -> RunnerError {
    RunnerError.modelFailed("\(cell): the claim has no backend '\(cell.backend ?? "")'")
  }
}
