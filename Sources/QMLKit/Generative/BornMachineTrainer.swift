import Foundation
import QuantumSim

/// Trains a `BornMachine` on a data distribution by Adam on the MMD² loss with parameter-shift
/// gradients (Liu & Wang 2018 train with Adam as well). Deterministic given the seed.
public struct BornMachineTrainer: Sendable, Equatable {
  /// Adam steps.
  public var iterations: Int
  /// Adam learning rate.
  public var learningRate: Double
  /// Initial angles are uniform in [−initialSpread, initialSpread]·π.
  public var initialSpread: Double

  /// Settings (defaults: 200 steps, learning rate 0.1, angles uniform over [−π, π]).
  public init(iterations: Int = 200, learningRate: Double = 0.1, initialSpread: Double = 1) {
    self.iterations = iterations
    self.learningRate = learningRate
    self.initialSpread = initialSpread
  }

  /// The outcome of a training run.
  public struct Outcome: Sendable {
    /// The trained angles.
    public let parameters: [Double]
    /// The loss after every step, evaluated with the exact probabilities of the backend
    /// (for the record; training itself only sees what the backend returns).
    public let losses: [Double]
  }

  /// Checks the settings.
  /// - Throws: `ModelError.invalidHyperparameter`.
  public func validate() throws {
    guard iterations >= 0 else { throw ModelError.invalidHyperparameter("iterations must not be negative") }
    guard learningRate.isFinite && learningRate > 0 else {
      throw ModelError.invalidHyperparameter("learning rate must be positive, got \(learningRate)")
    }
    guard initialSpread.isFinite && initialSpread >= 0 else {
      throw ModelError.invalidHyperparameter("initial spread must be non-negative")
    }
  }

  /// Trains `machine` towards `data` (probabilities over 2^n bitstrings) on `backend`.
  /// - Throws: `ModelError` for bad settings or a diverged loss; `SimulationError`; `Cancelled`.
  public func train(
    _ machine: BornMachine, data: [Double], kernel: MMDKernel, backend: QuantumBackend, seed: UInt64,
    counter: ExecutionCounter? = nil
  ) throws -> Outcome {
    try validate()
    try backend.validate()
    guard data.count == 1 << machine.ansatz.qubitCount else {
      throw ModelError.invalidData("\(data.count) data probabilities for \(machine.ansatz.qubitCount) qubits")
    }
    var rng = SeededGenerator(seed: seed)
    var theta = (0..<machine.parameterCount).map { _ in (2 * rng.nextUnit() - 1) * initialSpread * .pi }
    var adam = Adam(learningRate: learningRate)
    var losses: [Double] = []
    losses.reserveCapacity(iterations)
    for _ in 0..<iterations {
      let g = try machine.gradient(theta, data: data, kernel: kernel, backend: backend, rng: &rng, counter: counter)
      guard g.allSatisfy(\.isFinite) else { throw ModelError.diverged("Born machine gradient is not finite") }
      adam.step(&theta, gradient: g)
      losses.append(try machine.loss(theta, data: data, kernel: kernel, backend: backend))
    }
    return Outcome(parameters: theta, losses: losses)
  }
}
