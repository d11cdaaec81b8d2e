import ClaimSpec
import Foundation
import QMLKit
import QuantumSim

/// Up-front estimates of a claim's memory and runtime, so a claim whose state, stored states,
/// kernel matrix, baseline Gram matrix or PCA covariance cannot fit in memory, whose simulated
/// shots exceed `ClassicalCost.maxTotalShots`, or whose runtime (quantum and classical) would
/// exceed its bound by far, is refused before it starts with a message naming the estimate.
struct ResourceGuard: Sendable {
  /// One model on one simulated backend.
  struct Estimate: Sendable, Equatable {
    /// `quantum[i]` id and backend id.
    var model: String, backend: String
    /// Qubits of the encoding.
    var qubits: Int
    /// Samples (train + test) and training samples.
    var samples: Int, trainSamples: Int
    /// Peak bytes: simulated state(s) plus stored states plus kernel matrices.
    var bytes: Double
    /// Amplitude updates of all seeds (gates x 2^qubits summed over circuit executions).
    var operations: Double
    /// True when simulated as a density matrix (noisy backends).
    var densityMatrix: Bool
    /// Shots sampled over all circuits and seeds (0 for exact backends).
    var shots: Double = 0
  }

  /// Amplitude updates per second assumed for the runtime estimate: deliberately fast, so the
  /// estimate is low and a refusal is safe.
  static let operationsPerSecond = 5e9
  /// Refuse only when the estimate exceeds `max_runtime_seconds` by this factor.
  static let runtimeFactor = 100.0
  /// Share of available memory a claim may plan to use.
  static let memoryShare = 0.9

  let claim: Claim
  let features: Int
  let samples: Int
  let trainSamples: Int
  /// Features before preprocessing (the input width of PCA).
  let rawFeatures: Int

  /// The classical side of the claim (baselines, PCA).
  var classical: ClassicalCost {
    ClassicalCost(claim: claim, rawFeatures: rawFeatures, features: features, samples: samples, trainSamples: trainSamples)
  }

  /// Sizes the claim from its data (feature count after preprocessing, sample counts).
  init(claim: Claim, data: DataStage) throws {
    self.claim = claim
    var names: [String]
    var n: Int
    var nTrain: Int
    if let pair = data.fixedPair {
      names = pair.train.featureNames; n = pair.train.count + pair.test.count; nTrain = pair.train.count
    } else {
      if let fixed = data.fixed {
        names = fixed.featureNames; n = fixed.count
      } else if case .generator(let g) = claim.dataset.source {
        // The generator's feature names, from a small sample (a full one when it needs more rows).
        let d: Dataset
        if let small = try? DatasetGenerator.make(g.name, samples: min(g.samples, 64), parameters: g.params, seed: 1) {
          d = small
        } else {
          d = try DatasetGenerator.make(g.name, samples: g.samples, parameters: g.params, seed: 1)
        }
        names = d.featureNames; n = g.samples
      } else { names = []; n = 0 }
      nTrain = n - min(n - 1, max(1, Int((claim.dataset.testFraction * Double(n)).rounded(.up))))
    }
    rawFeatures = names.count
    names = try data.pipeline(featureNames: names).outputNames(names)
    features = names.count; samples = n; trainSamples = max(nTrain, 1)
  }

  /// The estimate of every quantum model on every simulated backend.
  func estimates(plan: ModelPlan) -> [Estimate] {
    var out: [Estimate] = []
    for m in plan.models where m.controlOf == nil {
      let q = m.spec.circuitQubits(features: features)
      let gates: Double
      if m.spec.kind == .hybrid || m.spec.kind == .reuploading {
        gates = Double((try? VariationalStage.trainedCircuit(m, features: features).circuit.statistics.totalGates) ?? q * 4)
      } else {
        gates = Double((try? m.encoding.cost(features: features).totalGates) ?? q * 4)
      }
      for b in plan.backends {
        if case .hardware = b.spec.target { continue }
        out.append(estimate(m.spec, qubits: q, gates: gates, backend: b))
      }
    }
    return out
  }

  func estimate(_ spec: QuantumModelSpec, qubits q: Int, gates: Double, backend b: ModelPlan.Backend) -> Estimate {
    let dm: Bool
    if b.backend.noise != nil { dm = true } else if case .simulator(.densityMatrix) = b.spec.target { dm = true } else { dm = false }
    let dim: Double = Foundation.pow(2.0, Double(q))
    let size: Double = dm ? dim * dim : dim
    let stateBytes: Double = 16 * size
    let perState: Double = gates * size
    let n = Double(samples), nt = Double(trainSamples)
    let matrix: Double = 8 * (nt * nt + (n - nt) * nt)
    let pairs: Double = nt * nt / 2 + (n - nt) * nt
    let shots = b.backend.shotsPerCircuit != nil
    var bytes = stateBytes
    var ops: Double
    var circuits: Double
    switch spec.kind {
    case .kernel:
      bytes += matrix
      circuits = pairs
      if shots || dm {
        ops = pairs * 2 * perState
      } else {
        bytes += n * stateBytes  // stored states of every sample
        ops = n * perState + pairs * dim
      }
    case .projectedKernel:
      bytes += matrix
      circuits = n * Double(max(q, 1))
      ops = n * perState * Double(max(q, 1))
    case .variational, .hybrid, .reuploading:
      let layers = Double(spec.ansatz?.layers ?? spec.uploads?.layers ?? 1)
      let params = layers * Double(max(q, 1))
      let iterations = Double(spec.training?.iterations ?? 100)
      let circuit: Double = perState + layers * Double(q) * size
      circuits = iterations * nt * (2 * params + 1)
      ops = circuits * circuit
    }
    let seeds = Double(claim.seeds.count)
    ops *= seeds
    // ZNE runs every circuit at each of its scales (folded s times as long: 1 + 3 + 5 = 9 times the work).
    let mitigation = b.mitigation
    if mitigation.zne {
      circuits *= Double(mitigation.scales.count)
      ops *= Double(mitigation.scales.reduce(0, +))
    }
    // Sampled readout mitigation reads every outcome's probability: 2^q operators per input.
    if mitigation.readout && shots && spec.kind == .kernel { ops *= dim }
    return Estimate(
      model: spec.id, backend: b.spec.id, qubits: q, samples: samples, trainSamples: trainSamples, bytes: bytes,
      operations: ops, densityMatrix: dm, shots: Double(b.backend.shotsPerCircuit ?? 0) * circuits * seeds)
  }

  /// Throws `RunnerError.resourceLimit` when an estimate exceeds memory or the runtime bound by far.
  func check(plan: ModelPlan, availableBytes: Double = MemoryGuard.availableBytes) throws {
    let all = estimates(plan: plan)
    for e in all where !(e.bytes.isFinite) || e.bytes > availableBytes * Self.memoryShare {
      let what = e.densityMatrix ? "density matrix" : "statevector"
      throw RunnerError.resourceLimit(
        file: location("quantum"), field: "quantum", message: "quantum model '\(e.model)' on backend '\(e.backend)' needs \(e.qubits) qubits "
          + "(\(what) of \(Self.bytesText(Self.stateBytes(e)))) and \(e.samples) samples: "
          + "about \(Self.bytesText(e.bytes)) (\(String(format: "%.3g", e.bytes)) bytes) of memory, more than the \(Self.bytesText(availableBytes * Self.memoryShare)) available; "
          + "reduce features (preprocess pca/select), samples or qubits")
    }
    let classical = self.classical.estimates()
    for c in classical where !(c.bytes.isFinite) || c.bytes > availableBytes * Self.memoryShare {
      throw RunnerError.resourceLimit(
        file: location(c.field), field: c.field, message: "\(c.field): \(c.what) on \(samples) samples needs \(c.detail): about "
          + "\(Self.bytesText(c.bytes)) (\(String(format: "%.3g", c.bytes)) bytes) of memory, more than the "
          + "\(Self.bytesText(availableBytes * Self.memoryShare)) available; reduce samples or features, or drop the baseline")
    }
    let shots = all.reduce(0) { $0 + $1.shots }
    if shots > ClassicalCost.maxTotalShots, let worst = all.max(by: { $0.shots < $1.shots }) {
      let i = claim.backends.firstIndex { $0.id == worst.backend } ?? 0
      throw RunnerError.resourceLimit(
        file: location("backends[\(i)].shots"), field: "backends[\(i)].shots",
        message: String(format: "backends[\(i)].shots: the claim would simulate about %.3g shots in total (more than %.0e); ",
          shots, ClassicalCost.maxTotalShots)
          + "the largest share is quantum model '\(worst.model)' on backend '\(worst.backend)' "
          + "(\(worst.samples) samples, \(claim.seeds.count) seed(s)); lower shots or samples")
    }
    guard let bound = claim.criteria.cost.maxRuntimeSeconds, bound > 0 else { return }
    let total = seconds(all, classical)
    if total > bound * Self.runtimeFactor {
      let worstQuantum = all.max(by: { $0.operations < $1.operations })
      let worstClassical = classical.max(by: { $0.operations < $1.operations })
      let quantumSeconds = (worstQuantum?.operations ?? 0) / Self.operationsPerSecond
      let classicalSeconds = (worstClassical?.operations ?? 0) / ClassicalCost.operationsPerSecond
      let share: String
      if let w = worstQuantum, quantumSeconds >= classicalSeconds {
        share = "quantum model '\(w.model)' on backend '\(w.backend)' (\(w.qubits) qubits, \(w.samples) samples, \(claim.seeds.count) seed(s))"
      } else if let c = worstClassical {
        share = String(format: "%@ (%@, about %.3g s)", c.what, c.field, classicalSeconds)
      } else {
        share = "nothing in particular"
      }
      throw RunnerError.resourceLimit(
        file: location("criteria.cost.max_runtime_seconds"), field: "criteria.cost.max_runtime_seconds",
        message: String(format: "estimated runtime %.3g s is more than %.0fx max_runtime_seconds %g; ", total, Self.runtimeFactor, bound)
          + "the largest share is \(share); refused before it starts")
    }
  }

  /// The runtime estimate in seconds: quantum updates and classical operations at their optimistic rates.
  func seconds(_ quantum: [Estimate], _ classical: [ClassicalCost.Estimate]) -> Double {
    quantum.reduce(0) { $0 + $1.operations } / Self.operationsPerSecond
      + classical.reduce(0) { $0 + $1.operations } / ClassicalCost.operationsPerSecond
  }

  /// The runtime estimate of the whole claim in seconds.
  func seconds(plan: ModelPlan) -> Double { seconds(estimates(plan: plan), classical.estimates()) }

  /// Bytes of one simulated state of an estimate.
  static func stateBytes(_ e: Estimate) -> Double {
    16 * Foundation.pow(2.0, Double(e.qubits) * (e.densityMatrix ? 2 : 1))
  }

  func location(_ field: String) -> String { claim.location(of: field).description }

  /// `1.5 GB`-style text.
  static func bytesText(_ b: Double) -> String {
    guard b.isFinite else { return "an unbounded number of bytes" }
    let units = ["B", "KB", "MB", "GB", "TB", "PB", "EB"]
    var v = b, i = 0
    while v >= 1000 && i < units.count - 1 { v /= 1000; i += 1 }
    return i == 0 ? "\(Int(v)) B" : String(format: "%.1f", v) + " " + units[i]
  }
}
