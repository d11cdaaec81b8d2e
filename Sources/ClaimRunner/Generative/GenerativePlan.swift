import ClaimSpec
import QMLKit
import QuantumSim

/// A generative claim's spec turned into engine values: the experiment settings per Born machine
/// and the resolved backends (device profiles looked up, noise models built).
struct GenerativePlan: Sendable {
  /// One Born machine's experiment (its target, samples, kernel, depths and training).
  struct Machine: Sendable {
    var spec: BornMachineSpec
    var experiment: GenerativeExperiment
  }

  var spec: GenerativeSpec
  var machines: [Machine]
  var baselines: [(spec: GenerativeBaselineSpec, model: GenerativeBaseline)]
  var backends: [ModelPlan.Backend]

  /// Resolves `claim` (which must be generative).
  /// - Throws: `RunnerError.invalidClaim` located at the field at fault.
  init(claim: Claim, devices: [String: DeviceProfile]) throws {
    guard let spec = claim.generative else {
      throw RunnerError.invalidClaim(
        file: claim.location(of: "task").description, field: "task", message: "not a generative claim")
    }
    self.spec = spec
    machines = try Self.machines(spec, claim: claim)
    baselines = spec.baselines.map { b in (b, GenerativeBaseline(rawValue: b.model.rawValue) ?? .bernoulli) }
    var resolved = claim
    resolved.quantum = []
    backends = try ModelPlan(claim: resolved, devices: devices).backends
  }

  /// The Born machines of `spec` (their experiments; every `mmd` scored with the first one's kernel).
  /// - Throws: `RunnerError.invalidClaim` located at the target or the bandwidths at fault.
  static func machines(_ spec: GenerativeSpec, claim: Claim) throws -> [Machine] {
    func invalid(_ field: String, _ error: Error) -> RunnerError {
      RunnerError.invalidClaim(file: claim.location(of: field).description, field: field, message: "\(error)")
    }
    let target = Self.target(spec.target)
    do { _ = try target.distribution() } catch { throw invalid("dataset.target", error) }
    var machines = try spec.bornMachines.enumerated().map { i, m in
      let kernel: MMDKernel
      do { kernel = try MMDKernel(bandwidths: m.bandwidths) } catch { throw invalid("quantum[\(i)].bandwidths", error) }
      let experiment = GenerativeExperiment(
        target: target, trainSamples: spec.trainSamples, evaluationSamples: spec.evaluationSamples, kernel: kernel,
        depths: m.depths, pairs: m.pairs == "ring" ? .ring : .line,
        trainer: BornMachineTrainer(iterations: m.iterations, learningRate: m.learningRate), baselines: [])
      return Machine(spec: m, experiment: experiment)
    }
    // Every model's `mmd` is measured with the first Born machine's kernel.
    if let first = machines.first?.experiment.kernel {
      for i in machines.indices { machines[i].experiment.scoringKernel = first }
    }
    return machines
  }

  /// The engine's target for a spec target.
  static func target(_ t: GenerativeTargetSpec) -> GenerativeTarget {
    switch t {
    case .barsAndStripes(let r, let c): return .barsAndStripes(rows: r, cols: c)
    case .cardinality(let n, let k): return .cardinality(n: n, k: k)
    case .ising(let n, let j, let h, let temp): return .isingChain(n: n, coupling: j, field: h, temperature: temp)
    }
  }

  /// The metric a spec's `criteria.metric` names (kl when it names a classification metric,
  /// which the parser refuses for generative claims).
  static func metric(_ m: MetricName) -> GenerativeMetric {
    switch m {
    case .mmd: return .mmd
    case .tv: return .tv
    default: return .kl
    }
  }
}
