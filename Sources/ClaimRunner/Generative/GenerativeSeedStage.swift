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
    let (target, samples) = try trainingSamples(plan: plan, seed: seed)
    let (baselines, baselineSeconds) = try self.baselines(plan: plan, seed: seed, target: target, samples: samples)
    var quantum: [String: [String: Result<GenerativeExperiment.ModelOutcome, Failure>]] = [:]
    var seconds: [String: [String: Double]] = [:]
    for b in plan.backends {
      for (model, part) in try backend(b, plan: plan, seed: seed, target: target, samples: samples) {
        quantum[model, default: [:]][b.spec.id] = part.outcome
        seconds[model, default: [:]][b.spec.id] = part.seconds
      }
    }
    return Outcome(
      seed: seed, target: target, baselines: baselines, baselineSeconds: baselineSeconds, quantum: quantum,
      quantumSeconds: seconds)
  }

  /// The exact target and the seed's training samples (the same for every part of the seed).
  static func trainingSamples(plan: GenerativePlan, seed: Int) throws -> (target: DiscreteDistribution, samples: [Int]) {
    guard let first = plan.machines.first else { throw RunnerError.modelFailed("a generative claim needs a Born machine") }
    return try first.experiment.trainingSamples(seed: UInt64(bitPattern: Int64(seed)))
  }

  /// Every baseline tuned and scored on one seed's samples, in spec order, with their seconds.
  static func baselines(
    plan: GenerativePlan, seed: Int, target: DiscreteDistribution, samples: [Int]
  ) throws -> (outcomes: [GenerativeExperiment.ModelOutcome], seconds: [Double]) {
    guard let first = plan.machines.first else { throw RunnerError.modelFailed("a generative claim needs a Born machine") }
    let s = UInt64(bitPattern: Int64(seed))
    var outcomes: [GenerativeExperiment.ModelOutcome] = []
    var seconds: [Double] = []
    for (i, b) in plan.baselines.enumerated() {
      let start = Date()
      outcomes.append(
        try first.experiment.baseline(
          b.model, grid: b.spec.grid, samples: samples, target: target, seed: s, stream: UInt64(i + 1)))
      seconds.append(Date().timeIntervalSince(start))
    }
    return (outcomes, seconds)
  }

  /// One backend's part of a seed: each Born machine trained and scored there, by model id, with its seconds.
  static func backend(
    _ b: ModelPlan.Backend, plan: GenerativePlan, seed: Int, target: DiscreteDistribution, samples: [Int]
  ) throws -> [String: (outcome: Result<GenerativeExperiment.ModelOutcome, Failure>, seconds: Double)] {
    let s = UInt64(bitPattern: Int64(seed))
    var out: [String: (outcome: Result<GenerativeExperiment.ModelOutcome, Failure>, seconds: Double)] = [:]
    for m in plan.machines {
      let start = Date()
      let outcome: Result<GenerativeExperiment.ModelOutcome, Failure>
      do {
        outcome = .success(
          try b.hardware.map { try sampledOnDevice(m, $0, target: target, seed: seed) }
            ?? m.experiment.bornMachine(samples: samples, target: target, backend: b.backend, seed: s))
      } catch let c as Cancelled {
        throw c
      } catch {
        outcome = .failure(Failure(message: "\(error)"))
      }
      out[m.spec.id] = (outcome, Date().timeIntervalSince(start))
    }
    return out
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
