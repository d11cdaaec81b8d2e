import ClaimSpec
import Foundation
import QMLKit
import QuantumSim

/// One compute-uncompute circuit U(y)† U(x) of a kernel entry, bound to numbers and measured
/// on every qubit: train entries (x, y) = (x_i, x_j) for i < j, test entries
/// (x, y) = (test_i, train_j). The all-zeros frequency estimates K[i][j].
public struct KernelCircuit: Sendable {
  /// Stable id: `<model>.s<seed>.<train|test>.<i>.<j>`.
  public var id: String
  /// Quantum model id.
  public var model: String
  /// Seed of the split.
  public var seed: Int
  /// `train` (train-train pair i < j) or `test` (test row i, train column j).
  public var kind: String
  /// Row index (train or test sample after the split).
  public var i: Int
  /// Column index (train sample).
  public var j: Int
  /// The preprocessed features loaded by U(x) and by U(y)†.
  public var x: [Double]
  public var y: [Double]
  /// The bound circuit with measurements of qubit q into bit q.
  public var circuit: Circuit

  /// The stable id of an entry.
  public static func id(model: String, seed: Int, kind: String, i: Int, j: Int) -> String {
    "\(model).s\(seed).\(kind).\(i).\(j)"
  }
}

/// The circuits a claim's hardware backend runs, per seed, after the same split and
/// preprocessing the runner does: the kernel circuits of its fidelity-kernel models, and the
/// inference circuits (one per test input and output circuit) of its variational, re-uploading
/// and hybrid models, trained on the claim's exact simulator first; other model kinds are
/// skipped with a reason. A generative claim's Born machines have one sample circuit per seed
/// (`SampleCircuit`), trained on the simulator the same way.
public struct HardwareCircuits: Sendable {
  /// A model that cannot be run from exported circuits, and why.
  public struct Skipped: Sendable, Codable, Equatable {
    /// Model id.
    public var model: String
    /// Model kind as in the spec.
    public var kind: String
    /// Why it is not exported.
    public var reason: String
  }

  /// Every kernel circuit, in order: seed, model, train pairs (row-major, i < j), then test entries.
  public var circuits: [KernelCircuit]
  /// Every inference circuit, in order: seed, model, test row, output circuit.
  public var inference: [InferenceCircuit] = []
  /// The trained models, per model and seed, in the same order.
  public var trained: [TrainedModel] = []
  /// Models left out.
  public var skipped: [Skipped]
  /// Train and test sizes per seed.
  public var sizes: [Int: (train: Int, test: Int)]
  /// Kernel model ids, in spec order.
  public var models: [String]
  /// Trained model ids (inference or sample circuits), in spec order.
  public var trainedModels: [String] = []
  /// Every Born machine's sample circuit (a generative claim), in order: seed, model.
  public var samples: [SampleCircuit] = []

  /// Builds the circuits of every fidelity-kernel model for every seed of `claim`, and the
  /// inference circuits of its trained models (training them on the simulator, per seed).
  /// - Throws: `RunnerError` for data or encoding problems, `HardwareError` when a model's
  ///   simulator training fails.
  public init(claim: Claim) throws {
    if claim.task == .generative {
      self = try HardwareCircuits(generative: claim)
      return
    }
    let data = try DataStage(claim: claim)
    let all = try ModelPlan.specModels(claim)
    let metric = Metric(claim.criteria.metric)
    var circuits: [KernelCircuit] = []
    var skipped: [Skipped] = []
    var sizes: [Int: (train: Int, test: Int)] = [:]
    var trainedKinds: [ModelPlan.Model] = []
    for m in all where m.spec.kind != .kernel {
      // Only these kinds have inference circuits (a kind added later is skipped with a reason).
      let inferable: Set<QuantumModelKind> = metric.regression == nil ? [.variational, .hybrid, .reuploading] : [.variational]
      if inferable.contains(m.spec.kind) {
        trainedKinds.append(m)
        continue
      }
      let why: String
      if m.spec.kind == .projectedKernel {
        why = "projected kernels need single-qubit Pauli expectations, not compute-uncompute circuits; not exported"
      } else {
        why = "no hardware circuits for a \(m.spec.kind.rawValue) model in a \(claim.task.rawValue) claim"
      }
      skipped.append(Skipped(model: m.spec.id, kind: m.spec.kind.rawValue, reason: why))
    }
    let kernels = all.filter { $0.spec.kind == .kernel }
    var inference: [InferenceCircuit] = []
    var trained: [TrainedModel] = []
    for seed in claim.seeds {
      let (split, _) = try data.split(seed: seed)
      let train = split.train.features, test = split.test.features
      sizes[seed] = (train.count, test.count)
      for m in trainedKinds {
        let t: TrainedModel
        do { t = try TrainedModel.fit(m, claim: claim, split: split, metric: metric, seed: seed) } catch {
          throw HardwareError(file: claim.file, "model \(m.spec.id), seed \(seed): training on the simulator failed: \(error)")
        }
        trained.append(t)
        let k = t.circuitsPerRow
        for i in test.indices {
          for out in 0..<k {
            inference.append(InferenceCircuit(
              id: InferenceCircuit.id(model: m.spec.id, seed: seed, i: i, output: out, outputs: k), model: m.spec.id, seed: seed,
              i: i, output: out, x: test[i], circuit: try t.circuit(test[i], output: out)))
          }
        }
      }
      for m in kernels {
        let encoded = try m.encoding.circuit(features: split.train.featureCount)
        func entry(_ kind: String, _ i: Int, _ j: Int, _ x: [Double], _ y: [Double]) throws -> KernelCircuit {
          KernelCircuit(
            id: KernelCircuit.id(model: m.spec.id, seed: seed, kind: kind, i: i, j: j), model: m.spec.id,
            seed: seed, kind: kind, i: i, j: j, x: x, y: y, circuit: try Self.computeUncompute(encoded, x, y))
        }
        for i in train.indices { for j in (i + 1)..<train.count { circuits.append(try entry("train", i, j, train[i], train[j])) } }
        for i in test.indices { for j in train.indices { circuits.append(try entry("test", i, j, test[i], train[j])) } }
      }
    }
    self.circuits = circuits
    self.inference = inference
    self.trained = trained
    self.skipped = skipped
    self.sizes = sizes
    self.models = kernels.map(\.spec.id)
    self.trainedModels = trainedKinds.map(\.spec.id)
  }

  /// Every circuit id, kernel circuits first.
  public var ids: [String] { circuits.map(\.id) + inference.map(\.id) + samples.map(\.id) }

  /// The trained model of a model and seed.
  public func trainedModel(_ model: String, seed: Int) -> TrainedModel? {
    trained.first { $0.model == model && $0.seed == seed }
  }

  /// U(y)† U(x) with both halves bound to numbers (no free symbols), measured on every qubit.
  static func computeUncompute(_ encoded: EncodedCircuit, _ x: [Double], _ y: [Double]) throws -> Circuit {
    let ux = try encoded.bound(x), uy = try encoded.bound(y).inverse
    var c = Circuit(qubits: encoded.circuit.qubitCount)
    for g in ux.gates { c.append(g) }
    for g in uy.gates { c.append(g) }
    c.measureAll()
    return c
  }
}
