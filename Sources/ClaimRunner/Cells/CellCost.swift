import ClaimSpec
import Foundation

/// Estimated seconds of each cell of a prepared claim, for balancing shards: the quantum
/// estimates of `ResourceGuard` (`GenerativeResourceGuard`) per model and backend and the
/// classical ones per baseline, each split evenly over the seeds, plus a fixed overhead per
/// cell. Computed from the spec and data alone, so every shard computes the same figures.
enum CellCost {
  /// Seconds added to every cell (splitting, preprocessing, writing the cell).
  static let overheadSeconds = 0.05

  /// The cells of `prepared` with their estimated seconds.
  static func estimate(_ prepared: PreparedClaim) -> [(cell: CellID, seconds: Double)] {
    let claim = prepared.claim
    let seeds = Double(max(claim.seeds.count, 1))
    var perBackend: [String: Double] = [:]
    var baselines = 0.0
    switch prepared.work {
    case .supervised(let data, let plan, _):
      if let guardEstimate = try? ResourceGuard(claim: claim, data: data) {
        for e in guardEstimate.estimates(plan: plan) {
          perBackend[e.backend, default: 0] += e.operations / ResourceGuard.operationsPerSecond
        }
        baselines = guardEstimate.classical.estimates().reduce(0) { $0 + $1.operations } / ClassicalCost.operationsPerSecond
      }
    case .generative(let plan):
      for e in GenerativeResourceGuard.estimates(claim, plan: plan) {
        perBackend[e.backend, default: 0] += e.operations / ResourceGuard.operationsPerSecond
      }
    }
    return prepared.cells.map { cell in
      let total = cell.backend.map { perBackend[$0] ?? 0 } ?? baselines
      let share = total.isFinite ? total / seeds : 1e9
      return (cell, overheadSeconds + share)
    }
  }
}
