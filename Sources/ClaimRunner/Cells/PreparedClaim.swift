import ClaimSpec
import Foundation
import QMLKit

/// A claim whose inputs passed the checks before its first seed, ready to run or assemble
/// cells: its data and model plan (classification and regression) or its generative plan.
struct PreparedClaim: Sendable {
  /// What was prepared, by task.
  enum Work: Sendable {
    case supervised(data: DataStage, plan: ModelPlan, metric: Metric)
    case generative(GenerativePlan)
  }

  let claim: Claim
  let work: Work
  let runner: ClaimRunner

  /// Runs the same checks as a single run (`ClaimRunner.prepare`, `GenerativeClaimRunner.prepare`).
  /// - Throws: the input error a single run would throw before its first seed.
  init(_ claim: Claim, runner: ClaimRunner) throws {
    self.claim = claim
    self.runner = runner
    if claim.task == .generative {
      work = .generative(try GenerativeClaimRunner.prepare(claim, devices: runner.devices))
    } else {
      let (data, plan) = try runner.prepare(claim)
      work = .supervised(data: data, plan: plan, metric: Metric(claim.criteria.metric))
    }
  }

  /// Backend ids in spec order.
  var backendIDs: [String] {
    switch work {
    case .supervised(_, let plan, _): return plan.backends.map(\.spec.id)
    case .generative(let plan): return plan.backends.map(\.spec.id)
    }
  }

  /// Every cell of the claim: per seed, the baselines, then each backend.
  var cells: [CellID] {
    claim.seeds.flatMap { seed in
      [CellID(claim: claim.id, seed: seed, backend: nil)] + backendIDs.map { CellID(claim: claim.id, seed: seed, backend: $0) }
    }
  }
}
