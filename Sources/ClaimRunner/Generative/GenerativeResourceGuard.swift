import ClaimSpec
import Foundation
import QMLKit
import QuantumSim

/// Up-front runtime and shot estimates of a generative claim, refused before its first seed (as
/// `ResourceGuard` refuses classification claims): every Born machine trains for `iterations`
/// steps of 2P + 1 circuits on every backend and seed (once per depth and once more to refit
/// when `depth` is a list), each circuit costing gates × 2^n amplitude updates on a statevector
/// and about 2 × gates × 4^n on a density matrix.
enum GenerativeResourceGuard {
  /// One Born machine on one backend, all seeds.
  struct Estimate: Sendable, Equatable {
    var model: String, backend: String
    /// Amplitude updates.
    var operations: Double
    /// Shots sampled.
    var shots: Double
  }

  static func estimates(_ claim: Claim, plan: GenerativePlan) -> [Estimate] {
    let n = plan.spec.target.bitCount
    let seeds = Double(claim.seeds.count)
    var out: [Estimate] = []
    for m in plan.machines {
      let fits = m.spec.depths.count > 1 ? m.spec.depths.count + 1 : 1
      // A hardware backend's Born machines were trained at export; the run only reads counts.
      for b in plan.backends where b.hardware == nil {
        var operations = 0.0, shots = 0.0
        for depth in m.spec.depths + (fits > 1 ? [m.spec.depths.max() ?? 1] : []) {
          let p = Double(n * (3 * depth + 1))
          let gates = p + Double(depth * max(n - 1, 1))
          let circuits = Double(m.spec.iterations) * (2 * p + 1)
          let perCircuit = b.backend.noise == nil ? gates * pow(2, Double(n)) : 2 * gates * pow(4, Double(n))
          operations += circuits * perCircuit
          shots += circuits * Double(b.backend.shotsPerCircuit ?? 0)
        }
        shots += Double(plan.spec.evaluationSamples ?? 0)
        out.append(Estimate(model: m.spec.id, backend: b.spec.id, operations: operations * seeds, shots: shots * seeds))
      }
    }
    return out
  }

  /// Refuses a claim whose estimated runtime exceeds `runtimeFactor` × its bound or whose shots
  /// exceed `ClassicalCost.maxTotalShots`.
  /// - Throws: `RunnerError.resourceLimit` located at the Born machine's `training`.
  static func check(_ claim: Claim, plan: GenerativePlan) throws {
    let all = estimates(claim, plan: plan)
    func field(_ model: String) -> String {
      let i = plan.machines.firstIndex { $0.spec.id == model } ?? 0
      return claim.locations["quantum[\(i)].training"] != nil ? "quantum[\(i)].training" : "quantum[\(i)]"
    }
    let shots = all.reduce(0) { $0 + $1.shots }
    if shots > ClassicalCost.maxTotalShots, let worst = all.max(by: { $0.shots < $1.shots }) {
      throw RunnerError.resourceLimit(
        file: claim.location(of: field(worst.model)).description, field: field(worst.model),
        message:
          "the Born machines would sample \(String(format: "%.3g", shots)) shots in all (\(worst.model) on \(worst.backend): "
          + "\(String(format: "%.3g", worst.shots))), more than \(String(format: "%.3g", ClassicalCost.maxTotalShots)); reduce iterations, shots or seeds"
      )
    }
    let seconds = all.reduce(0) { $0 + $1.operations } / ResourceGuard.operationsPerSecond
    if let bound = claim.criteria.cost.maxRuntimeSeconds, seconds > ResourceGuard.runtimeFactor * bound,
      let worst = all.max(by: { $0.operations < $1.operations })
    {
      throw RunnerError.resourceLimit(
        file: claim.location(of: field(worst.model)).description, field: field(worst.model),
        message:
          "the Born machines' training would take at least \(String(format: "%.3g", seconds)) s (\(worst.model) on \(worst.backend): "
          + "\(String(format: "%.3g", worst.operations)) amplitude updates), over \(Int(ResourceGuard.runtimeFactor)) times max_runtime_seconds "
          + "\(String(format: "%g", bound)); reduce iterations, depth, bits or seeds, or raise the bound")
    }
  }
}
