import ClaimSpec
import Foundation
import QMLKit
import QuantumSim

/// The sample circuit of a Born machine of one seed (`kind: born_machine`): tuned and trained on
/// the claim's exact simulator exactly as the runner trains it there, its trained angles bound to
/// numbers, measured on every qubit. Its counts are the device's samples of the machine.
public struct SampleCircuit: Sendable {
  /// Stable id: `<model>.s<seed>.sample`.
  public var id: String { Self.id(model: model, seed: seed) }
  /// Born machine id and seed.
  public var model: String
  public var seed: Int
  /// The simulator backend it was trained on (a claim backend id, or the built-in exact statevector).
  public var trainedOn: String
  /// The depth used (chosen by validation likelihood when the spec gave several).
  public var depth: Int
  /// Optimizer iterations of the final fit and its final MMD².
  public var iterations: Int
  public var finalLoss: Double
  /// The trained angles and the exact probabilities they give on the training backend.
  public var parameters: [Double]
  public var probabilities: [Double]
  /// The bound circuit with measurements of qubit q into bit q.
  public var circuit: Circuit

  /// The stable id of a Born machine's sample circuit.
  public static func id(model: String, seed: Int) -> String { "\(model).s\(seed).sample" }

  /// The training record the manifest keeps and import checks.
  var training: HardwareManifest.Training {
    var t = HardwareManifest.Training(
      model: model, seed: seed, kind: "born_machine", trainedOn: trainedOn, iterations: iterations, finalLoss: finalLoss,
      learningRate: nil, layers: nil)
    t.depth = depth
    return t
  }
}

extension HardwareCircuits {
  /// The sample circuits of a generative claim's Born machines, per seed: each trained on the
  /// claim's exact simulator (`TrainedModel.trainingBackend`) with the runner's seed, samples
  /// and depth selection (`GenerativeExperiment.trainBornMachine`, the code `bornMachine` runs).
  /// - Throws: `RunnerError` for an invalid target, `HardwareError` when training fails.
  init(generative claim: Claim) throws {
    guard let spec = claim.generative else { throw RunnerError.modelFailed("not a generative claim") }
    let machines = try GenerativePlan.machines(spec, claim: claim)
    let (trainedOn, backend) = TrainedModel.trainingBackend(claim)
    var samples: [SampleCircuit] = []
    var sizes: [Int: (train: Int, test: Int)] = [:]
    for seed in claim.seeds {
      let s = UInt64(bitPattern: Int64(seed))
      sizes[seed] = (spec.trainSamples, 0)
      guard let first = machines.first else { break }
      let (target, data) = try first.experiment.trainingSamples(seed: s)
      for m in machines {
        do {
          let t = try m.experiment.trainBornMachine(samples: data, bitCount: target.bitCount, backend: backend, seed: s)
          samples.append(SampleCircuit(
            model: m.spec.id, seed: seed, trainedOn: trainedOn, depth: t.depth, iterations: t.losses.count,
            finalLoss: t.losses.last ?? 0, parameters: t.parameters, probabilities: t.distribution.probabilities,
            circuit: try t.machine.sampleCircuit(t.parameters)))
        } catch {
          throw HardwareError(file: claim.file, "model \(m.spec.id), seed \(seed): training on the simulator failed: \(error)")
        }
      }
    }
    self.circuits = []
    self.skipped = []
    self.sizes = sizes
    self.models = []
    self.samples = samples
    self.trainedModels = machines.map(\.spec.id)
  }

  /// The sample circuit of a Born machine and seed.
  public func sampleCircuit(_ model: String, seed: Int) -> SampleCircuit? {
    samples.first { $0.model == model && $0.seed == seed }
  }

  /// How every trained model (inference or sample circuits) was trained, per model and seed.
  var trainingRecords: [HardwareManifest.Training] {
    trained.map {
      HardwareManifest.Training(
        model: $0.model, seed: $0.seed, kind: $0.kind, trainedOn: $0.trainedOn, iterations: $0.iterations,
        finalLoss: $0.finalLoss, learningRate: $0.learningRate, layers: $0.layers)
    } + samples.map(\.training)
  }
}
