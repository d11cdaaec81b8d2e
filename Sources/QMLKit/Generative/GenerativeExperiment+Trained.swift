import Foundation
import QuantumSim

extension GenerativeExperiment {
  /// A Born machine tuned over the depth grid and trained on one seed's samples: its circuit,
  /// the trained angles and the record of its training (what `bornMachine` scores, and what a
  /// hardware export binds into the circuit the device samples).
  public struct TrainedBornMachine: Sendable {
    /// The machine of the chosen depth.
    public let machine: BornMachine
    /// The trained angles of the final fit (on all samples).
    public let parameters: [Double]
    /// The chosen depth and its validation NLL (NaN when a one-value grid skipped validation).
    public let depth: Int
    public let validationNLL: Double
    /// The model distribution of the final fit on the training backend.
    public let distribution: DiscreteDistribution
    /// The MMD² after every step of the final fit.
    public let losses: [Double]
    /// Circuit executions and shots of the whole tuning and training.
    public let executions: Int
    public let shots: Int
  }

  /// Tunes the depth and trains the Born machine on `samples` on `backend` (as `bornMachine`).
  /// - Throws: `ModelError`, `SimulationError`, `Cancelled`.
  public func trainBornMachine(samples: [Int], bitCount n: Int, backend: QuantumBackend, seed: UInt64) throws
    -> TrainedBornMachine
  {
    let counter = ExecutionCounter()
    var last: (machine: BornMachine, fit: BornMachineTrainer.Outcome)?
    let tuned = try GenerativeTuning.tune(grid: depths.map(Double.init), samples: samples) { part, d in
      let counts = try DiscreteDistribution.counts(of: part, size: 1 << n)
      let data = counts.map { $0 / Double(part.count) }
      let machine = BornMachine(ansatz: try BornMachineAnsatz(qubits: n, depth: Int(d), pairs: pairs))
      let fit = try trainer.train(machine, data: data, kernel: kernel, backend: backend, seed: seed, counter: counter)
      last = (machine, fit)
      return try DiscreteDistribution(bitCount: n, weights: machine.probabilities(fit.parameters, backend: backend))
    }
    // The tuner's last fit is the refit of the chosen depth on all samples.
    guard let last else { throw ModelError.invalidHyperparameter("empty depth grid") }
    return TrainedBornMachine(
      machine: last.machine, parameters: last.fit.parameters, depth: Int(tuned.value), validationNLL: tuned.chosenScore,
      distribution: tuned.distribution, losses: last.fit.losses, executions: counter.circuitExecutions,
      shots: counter.totalShots)
  }

  /// The Born machine's outcome when its distribution is the empirical distribution of samples
  /// measured elsewhere (a device's counts of its trained circuit, indexed by outcome with
  /// qubit q as bit q): scored against the exact target as `evaluationSamples` draws are (the
  /// plug-in metrics of the empirical distribution). `executions` and `shots` are what the
  /// device ran; the depth is the one trained on the simulator.
  /// - Throws: `ModelError.invalidData` for a wrong length, a negative count or no shots.
  public func sampledBornMachine(counts: [Int], target exact: DiscreteDistribution, depth: Int, executions: Int) throws
    -> ModelOutcome
  {
    guard counts.count == exact.size else {
      throw ModelError.invalidData("\(counts.count) outcome counts for a target over \(exact.size) bitstrings")
    }
    guard counts.allSatisfy({ $0 >= 0 }), counts.contains(where: { $0 > 0 }) else {
      throw ModelError.invalidData("sample counts must be non-negative with at least one shot")
    }
    let model = try DiscreteDistribution(bitCount: exact.bitCount, weights: counts.map(Double.init))
    var metrics: [GenerativeMetric: Double] = [:]
    for metric in GenerativeMetric.allCases {
      metrics[metric] = GenerativeMetrics.value(metric, target: exact, model: model, kernel: scoringKernel ?? kernel)
    }
    let (shots, overflow) = counts.reduce((0, false)) { acc, c in
      let (s, o) = acc.0.addingReportingOverflow(c)
      return (s, acc.1 || o)
    }
    return ModelOutcome(
      name: "born_machine", hyperparameter: "depth", value: Double(depth), validationNLL: .nan, metrics: metrics,
      scored: model.probabilities, executions: executions, shots: overflow ? Int.max : shots, losses: [])
  }
}

extension BornMachine {
  /// The circuit at angles `theta`, bound to numbers and measured on every qubit (qubit q into
  /// bit q): the circuit a device samples the trained machine's distribution from.
  /// - Throws: `ModelError.invalidData` for a wrong number of angles.
  public func sampleCircuit(_ theta: [Double]) throws -> Circuit {
    guard theta.count == parameterCount else {
      throw ModelError.invalidData("\(theta.count) angles for a Born machine of \(parameterCount)")
    }
    return measuredConstant(circuit, theta)
  }
}
