import ClaimSpec
import Foundation
import QMLKit

extension HardwareKernels {
  /// A Born machine's samples of one seed, from its sample circuit's counts: the machine was
  /// trained on a simulator (`trainedOn`), only sampling ran on the device.
  public struct Sampled: Codable, Sendable, Equatable {
    /// Model id, seed and kind (`born_machine`).
    public var model: String
    public var seed: Int
    public var kind: String
    /// The simulator backend the angles were trained on, and the depth used.
    public var trainedOn: String
    public var depth: Int
    /// Counts per outcome x (qubit q is bit q of x, as the target's bitstrings), 2^n entries.
    public var counts: [Int]
    /// Circuits run (one) and shots counted.
    public var executions: Int
    public var shots: Int

    enum CodingKeys: String, CodingKey {
      case model, seed, kind, trainedOn = "trained_on", depth, counts, executions, shots
    }
  }

  /// The samples of a Born machine and seed.
  public func sampled(model: String, seed: Int) -> Sampled? {
    sampled?.first { $0.model == model && $0.seed == seed }
  }
}

extension HardwareImporter {
  /// Every Born machine's samples per seed from its sample circuit's counts (checked as every
  /// circuit's: width, non-negative, some shots), as counts per outcome.
  static func sampled(plan: HardwareCircuits, counts: CountsFile, shown: String) throws -> [HardwareKernels.Sampled] {
    try plan.samples.map { c in
      let observed = counts.counts[c.id] ?? [:]
      let n = c.circuit.qubitCount
      let f = try frequency(observed, qubits: n, circuit: c.id, shown: shown)
      var perOutcome = [Int](repeating: 0, count: 1 << n)
      // Bit strings have qubit 0 rightmost, so read as a binary number they are the outcome index.
      for (bits, k) in observed { if let x = Int(bits, radix: 2) { perOutcome[x] += k } }
      return HardwareKernels.Sampled(
        model: c.model, seed: c.seed, kind: "born_machine", trainedOn: c.trainedOn, depth: c.depth, counts: perOutcome,
        executions: 1, shots: f.shots)
    }
  }

  /// The claim metric of every Born machine's imported samples against the exact target, as
  /// the generative runner scores them (`GenerativeExperiment.sampledBornMachine`).
  static func generativeScores(claim: Claim, kernels: HardwareKernels) throws -> [HardwareKernels.Score] {
    guard let spec = claim.generative else { return [] }
    let machines = try GenerativePlan.machines(spec, claim: claim)
    let metric = GenerativePlan.metric(claim.criteria.metric)
    var out: [HardwareKernels.Score] = []
    for seed in claim.seeds {
      for m in machines {
        guard let e = kernels.sampled(model: m.spec.id, seed: seed) else { continue }
        let exact = try m.experiment.target.distribution()
        let o = try m.experiment.sampledBornMachine(counts: e.counts, target: exact, depth: e.depth, executions: e.executions)
        out.append(HardwareKernels.Score(model: m.spec.id, seed: seed, metric: metric.rawValue, test: o.metrics[metric] ?? .nan, chosenC: nil))
      }
    }
    return out
  }
}
