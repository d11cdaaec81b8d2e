import ClaimSpec
import Foundation
import QMLKit

/// One seed of a generative claim: the training samples, every baseline tuned and scored, every
/// Born machine trained and scored on every backend (a Born machine's failure on a backend is
/// recorded, as `QuantumStage` does for classifiers).
enum GenerativeSeedStage {
  /// A seed's outcomes.
  struct Outcome: Sendable {
    var seed: Int
    var target: DiscreteDistribution
    /// Baselines in spec order.
    var baselines: [GenerativeExperiment.ModelOutcome]
    var baselineSeconds: [Double]
    /// Born machine outcomes keyed by model id then backend id (failures as `.failure`).
    var quantum: [String: [String: Result<GenerativeExperiment.ModelOutcome, Failure>]]
    var quantumSeconds: [String: [String: Double]]
  }

  /// Why a Born machine failed on one backend and seed.
  struct Failure: Error, Sendable { var message: String }

  static func run(plan: GenerativePlan, seed: Int) throws -> Outcome {
    let s = UInt64(bitPattern: Int64(seed))
    guard let first = plan.machines.first else { throw RunnerError.modelFailed("a generative claim needs a Born machine") }
    let (target, samples) = try first.experiment.trainingSamples(seed: s)
    var baselines: [GenerativeExperiment.ModelOutcome] = []
    var baselineSeconds: [Double] = []
    for (i, b) in plan.baselines.enumerated() {
      let start = Date()
      baselines.append(
        try first.experiment.baseline(
          b.model, grid: b.spec.grid, samples: samples, target: target, seed: s, stream: UInt64(i + 1)))
      baselineSeconds.append(Date().timeIntervalSince(start))
    }
    var quantum: [String: [String: Result<GenerativeExperiment.ModelOutcome, Failure>]] = [:]
    var seconds: [String: [String: Double]] = [:]
    for m in plan.machines {
      for b in plan.backends {
        let start = Date()
        do {
          quantum[m.spec.id, default: [:]][b.spec.id] = .success(
            try b.hardware.map { try sampledOnDevice(m, $0, target: target, seed: seed) }
              ?? m.experiment.bornMachine(samples: samples, target: target, backend: b.backend, seed: s))
        } catch let c as Cancelled {
          throw c
        } catch {
          quantum[m.spec.id, default: [:]][b.spec.id] = .failure(Failure(message: "\(error)"))
        }
        seconds[m.spec.id, default: [:]][b.spec.id] = Date().timeIntervalSince(start)
      }
    }
    return Outcome(
      seed: seed, target: target, baselines: baselines, baselineSeconds: baselineSeconds, quantum: quantum,
      quantumSeconds: seconds)
  }

  /// A Born machine on a `hardware:` backend: trained on the simulator at export, its model
  /// distribution is the empirical distribution of the device's samples (imported counts).
  /// - Throws: `Failure` when the backend has no samples of this model and seed.
  static func sampledOnDevice(
    _ m: GenerativePlan.Machine, _ hw: HardwareKernels, target: DiscreteDistribution, seed: Int
  ) throws -> GenerativeExperiment.ModelOutcome {
    guard let e = hw.sampled(model: m.spec.id, seed: seed) else {
      throw Failure(
        message: "no imported sample counts for Born machine \(m.spec.id), seed \(seed) on '\(hw.backend)' "
          + "(export the circuits again and import their counts)")
    }
    return try m.experiment.sampledBornMachine(counts: e.counts, target: target, depth: e.depth, executions: e.executions)
  }
}
