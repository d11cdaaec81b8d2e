import ClaimSpec
import Foundation
import QMLKit
import QuantumSim

/// Turns the seeds of a generative claim into its `ClaimResult`, by the rules of classification
/// claims (`ResultAssembler`): the best baseline per seed by validation score (the held-out
/// negative log-likelihood, never the test metric), paired per-seed lifts baseline − quantum
/// (every metric is a distance, lower is better), paired Student-t intervals (each seed draws
/// fresh samples from the target), Holm-adjusted p-values over the decisive backends, the cost
/// of every Born machine (circuit executions and shots, training and evaluation) and the bounds.
struct GenerativeAssembler {
  let claim: Claim
  let plan: GenerativePlan
  let seeds: [GenerativeSeedStage.Outcome]
  let manifest: RunManifest

  private var metric: GenerativeMetric { GenerativePlan.metric(claim.criteria.metric) }
  private var confidence: Double { claim.criteria.lift.confidence }
  private let method = SeedInterval.pairedT

  private func summarize(_ xs: [Double], confidence c: Double? = nil, bounds: ClosedRange<Double>? = 0...Double.infinity)
    -> IntervalSummary
  {
    method.summarize(xs, confidence: c ?? confidence, bounds: bounds, seed: UInt64(claim.seeds.first ?? 0))
  }

  private func test(_ o: GenerativeExperiment.ModelOutcome) -> Double { o.metrics[metric] ?? .nan }

  func result() -> ClaimResult {
    var warnings: [String] = []
    var reasons: [String] = []
    let baselines = plan.baselines.enumerated().map { j, b in
      var r = BaselineResult(
        model: b.spec.id, chosen: seeds.map { [$0.baselines[j].hyperparameter: fmt($0.baselines[j].value)] },
        cvScore: seeds.map { $0.baselines[j].validationNLL }, test: seeds.map { test($0.baselines[j]) },
        summary: summarize(seeds.map { test($0.baselines[j]) }), seconds: seeds.reduce(0) { $0 + $1.baselineSeconds[j] })
      r.tuning = TuningBudget(
        configurations: b.spec.grid?.count ?? b.model.defaultGrid.count, folds: 1, seconds: r.seconds)
      return r
    }
    // Lower validation NLL is better; ties go to the earlier baseline.
    let bestPerSeed: [Int] = seeds.map { s in
      var best = 0
      for j in s.baselines.indices where s.baselines[j].validationNLL < s.baselines[best].validationNLL { best = j }
      return best
    }
    let meanCV = plan.baselines.indices.map { j in QMLKit.mean(seeds.map { $0.baselines[j].validationNLL }) }
    let bestBaseline =
      meanCV.indices.filter { meanCV[$0].isFinite }.min { (meanCV[$0], $0) < (meanCV[$1], $1) }
      .map { plan.baselines[$0].spec.id } ?? ""

    var models: [ModelResult] = []
    for m in plan.machines {
      var scores: [BackendScore] = []
      for b in plan.backends {
        let outs = seeds.map { $0.quantum[m.spec.id]?[b.spec.id] }
        var ok: [Double] = []
        var failed: [Int] = []
        var chosen: [[String: String]] = []
        for (s, o) in zip(seeds, outs) {
          switch o {
          case .success(let x)?:
            ok.append(test(x))
            var c = ["depth": fmt(x.value)]
            if let on = b.hardware?.sampled(model: m.spec.id, seed: s.seed)?.trainedOn { c["trained_on"] = "\(on) (simulator)" }
            chosen.append(c)
          case .failure(let f)?:
            failed.append(s.seed)
            chosen.append([:])
            warnings.append("\(m.spec.id) on \(b.spec.id), seed \(s.seed): \(f.message)")
          case nil:
            failed.append(s.seed)
            chosen.append([:])
          }
        }
        var score = BackendScore(backend: b.spec.id, test: ok, summary: summarize(ok), failedSeeds: failed)
        score.chosen = chosen
        score.tuning = TuningBudget(
          configurations: m.spec.depths.count, folds: m.spec.depths.count > 1 ? 1 : 0,
          seconds: seeds.reduce(0) { $0 + ($1.quantumSeconds[m.spec.id]?[b.spec.id] ?? 0) })
        scores.append(score)
      }
      models.append(ModelResult(id: m.spec.id, kind: "born_machine", description: describe(m.spec), backends: scores))
    }

    // Lifts.
    let liftModel = claim.criteria.lift.model ?? plan.machines.first?.spec.id ?? ""
    func quantumScores(_ id: String, _ backend: String) -> [Double?] {
      seeds.map { s in
        if case .success(let x)? = s.quantum[id]?[backend] { return test(x) }
        return nil
      }
    }
    func reference(on backendID: String) -> (scores: [Double?], name: String) {
      switch claim.criteria.lift.over {
      case .bestBaseline:
        return (zip(seeds, bestPerSeed).map { test($0.baselines[$1]) }, "the best baseline by validation likelihood")
      case .baseline(let id):
        let j = plan.baselines.firstIndex { $0.spec.id == id } ?? 0
        return (seeds.map { test($0.baselines[j]) }, "baseline \(id)")
      case .quantumModel(let id):
        return (quantumScores(id, backendID), "quantum model \(id)")
      }
    }
    let on = Set(claim.criteria.lift.on.isEmpty ? claim.backends.map(\.id) : claim.criteria.lift.on)
    let threshold = claim.criteria.lift.min
    let tests = max(1, claim.backends.filter { on.contains($0.id) }.count)
    let familyConfidence = VerdictRule.familyConfidence(confidence, tests: tests)
    var lifts: [LiftResult] = []
    for backendID in claim.backends.map(\.id) {
      let decisive = on.contains(backendID)
      let q = quantumScores(liftModel, backendID)
      let (ref, name) = reference(on: backendID)
      guard !q.contains(where: { $0 == nil }), !ref.contains(where: { $0 == nil }) else {
        var l = LiftResult(
          backend: backendID, model: liftModel, perSeed: [], summary: summarize([]), threshold: threshold,
          pValue: .nan, verdict: .error, decisive: decisive)
        l.reference = name
        lifts.append(l)
        continue
      }
      let perSeed = VerdictRule.pairedLift(quantum: q.map { $0! }, baseline: ref.map { $0! }, higherIsBetter: false)
      let s = summarize(perSeed, confidence: decisive ? familyConfidence : confidence, bounds: nil)
      let (v, why) = VerdictRule.backendVerdict(s, threshold: threshold, count: perSeed.count)
      var l = LiftResult(
        backend: backendID, model: liftModel, perSeed: perSeed, summary: s, threshold: threshold,
        pValue: method.pValueAbove(threshold, perSeed), verdict: v, decisive: decisive)
      l.reference = name
      l.referenceScores = ref.map { $0! }
      l.inconclusiveReason = why
      lifts.append(l)
    }
    let adjusted = holmAdjusted(lifts.map { $0.decisive ? $0.pValue : .nan })
    for i in lifts.indices where lifts[i].decisive && !adjusted[i].isNaN { lifts[i].pValueHolm = adjusted[i] }
    for l in lifts { reasons.append(reason(l)) }

    let costs = costRecords()
    let checks = CostStage.checks(claim.criteria.cost, costs: costs, runtime: manifest.seconds)
    for c in checks where !c.held { reasons.append("Cost bound \(c.name) fails: \(fmt(c.actual)) exceeds \(fmt(c.limit)).") }
    let verdict = VerdictRule.claimVerdict(backends: lifts.filter(\.decisive).map(\.verdict), costHeld: checks.allSatisfy(\.held))
    let expected = Verdict(claim.expect)
    if verdict != expected {
      reasons.insert(
        "Expected \(expected.label(threshold: threshold)) but the evidence says \(verdict.label(threshold: threshold)).", at: 0)
    }
    let fallback = baselines.first { $0.model == bestBaseline }.map { b in
      "\(b.model) (\(mostCommonChoice(b.chosen).map { "\($0)=\($1)" }.sorted().joined(separator: ", "))): best mean validation NLL "
        + "\(fmt(QMLKit.mean(b.cvScore))); \(metric.rawValue) \(fmt(b.summary.mean)) [\(fmt(b.summary.low)), \(fmt(b.summary.high))]"
    }
    let n = plan.spec.target.bitCount
    let dataset = DatasetSummary(
      source: plan.spec.target.label, samples: plan.spec.trainSamples, trainSamples: plan.spec.trainSamples,
      testSamples: plan.spec.evaluationSamples ?? 0, features: (0..<n).map { "b\($0)" }, classes: [],
      preprocessing: [
        plan.spec.evaluationSamples.map { "metrics from \($0) samples of every model" } ?? "metrics from exact distributions"
      ],
      scatter: [], scatterAxes: [])
    var result = ClaimResult(
      claim: claim.id, title: claim.title, hypothesis: claim.hypothesis, specFile: claim.file, facts: facts(),
      dataset: dataset, metric: metric.rawValue, seeds: claim.seeds, baselines: baselines, bestBaseline: bestBaseline,
      models: models, lifts: lifts, costs: costs, costChecks: checks, verdict: verdict, expected: expected, reasons: reasons,
      fallback: fallback, curves: curves(), warnings: warnings, manifest: manifest)
    result.task = ClaimTask.generative.rawValue
    result.generative = distributions()
    result.inference = InferenceSummary(
      method: method.name,
      explanation: method.explanation + " Lift is baseline minus quantum (\(metric.rawValue) is a distance to the target).",
      comparison: threshold <= 0 ? "non-inferiority" : "superiority", margin: threshold <= 0 ? -threshold : nil, tests: tests,
      intervalConfidence: familyConfidence, verdictLabel: verdict.label(threshold: threshold), testOverTrain: 0)
    result.bestBaselinePerSeed = bestPerSeed.map { plan.baselines[$0].spec.id }
    return result
  }

  private func reason(_ l: LiftResult) -> String {
    let name = l.reference ?? "the reference"
    if l.verdict == .error {
      return "\(l.model) failed on \(l.backend) for some seeds, so its lift cannot be measured (see warnings)."
    }
    let s = l.summary
    let interval = "\(fmt(s.mean)) (\(percent(s.confidence)) interval [\(fmt(s.low)), \(fmt(s.high))])"
    if !l.decisive { return "On \(l.backend) (reported, not decisive), the \(metric.rawValue) lift is \(interval)." }
    let p = "one-sided p = \(fmtP(l.reportedPValue)) against lift <= \(fmt(l.threshold))"
    if let why = l.inconclusiveReason {
      return "On \(l.backend), \(l.model)'s \(metric.rawValue) lift over \(name) is \(interval), but \(why): inconclusive."
    }
    switch l.verdict {
    case .supported:
      return
        "On \(l.backend), \(l.model)'s \(metric.rawValue) lift over \(name) is \(interval), clearing the minimum \(fmt(l.threshold)) (\(p))."
    case .refuted:
      return
        "On \(l.backend), \(l.model)'s \(metric.rawValue) lift over \(name) is \(interval), entirely below the minimum \(fmt(l.threshold)) (\(p))."
    default:
      return
        "On \(l.backend), \(l.model)'s \(metric.rawValue) lift over \(name) is \(interval), which straddles the minimum \(fmt(l.threshold)) (\(p))."
    }
  }

  private func describe(_ m: BornMachineSpec) -> String {
    let depth =
      m.depths.count > 1
      ? "depth in {\(m.depths.map(String.init).joined(separator: ", "))} tuned by validation likelihood" : "depth \(m.depths[0])"
    return "quantum circuit Born machine (Liu & Wang 2018): Rz·Rx·Rz layers, \(depth), CNOT \(m.pairs); "
      + "MMD² loss, Gaussian-mixture kernel σ in {\(m.bandwidths.map(fmt).joined(separator: ", "))}; "
      + "Adam lr \(fmt(m.learningRate)), \(m.iterations) steps, parameter-shift gradients"
  }

  private func facts() -> ClaimFacts {
    let backends = BackendFacts.backends(claim) { b in
      // Born machines on a hardware backend: say where they were trained.
      let sampled = plan.backends.first { $0.spec.id == b.id }?.hardware?.sampled ?? []
      guard let on = sampled.first?.trainedOn else { return nil }
      let ids = Array(Set(sampled.map(\.model))).sorted().joined(separator: ", ")
      return "\(ids) trained on the simulator '\(on)'; only sampling on the device"
    }
    return ClaimFacts(
      encoding: plan.machines.map { "\($0.spec.id): Born machine (no data encoding; bitstrings are measured)" }.joined(
        separator: "; "),
      backend: backends, shots: BackendFacts.shots(claim),
      baseline: plan.baselines.map(\.spec.id).joined(separator: ", "),
      runtime: BackendFacts.runtime(claim, seconds: manifest.seconds))
  }

  /// Per Born machine and backend: the circuit of its first depth (its gate counts) and the
  /// executions and shots over all seeds, priced by the device profile when there is one.
  private func costRecords() -> [CostRecord] {
    var out: [CostRecord] = []
    for m in plan.machines {
      guard
        let ansatz = try? BornMachineAnsatz(
          qubits: plan.spec.target.bitCount, depth: m.spec.depths.max() ?? 1, pairs: m.spec.pairs == "ring" ? .ring : .line)
      else { continue }
      let circuit = ansatz.circuit
      let stats = circuit.statistics
      for b in plan.backends {
        let outs = seeds.compactMap { s -> GenerativeExperiment.ModelOutcome? in
          if case .success(let x)? = s.quantum[m.spec.id]?[b.spec.id] { return x }
          return nil
        }
        let executions = Double(outs.reduce(0) { $0 + $1.executions })
        let shots = Double(outs.reduce(0) { $0 + $1.shots })
        var price = 0.0, queue = 0.0
        var native: NativeCircuit?
        var routedDepth = stats.depth, routed2q = circuit.nativeTwoQubitGateCount
        if let d = b.device {
          let device = DeviceAdapter(d)
          native = device.compiler.flatMap { try? $0.compile(circuit, bindings: CostStage.representativeBindings(circuit)) }
          if let map = device.couplingMap(minimumQubits: circuit.qubitCount), let r = try? route(circuit, to: map) {
            routedDepth = r.statistics.depth
            routed2q = r.nativeTwoQubitGates
          }
          price = executions * device.pricePerTask + shots * device.pricePerShot
          queue = device.queueSeconds * Double(seeds.count)
        }
        out.append(
          CostRecord(
            model: m.spec.id, backend: b.spec.id, qubits: stats.qubits, depth: stats.depth,
            twoQubitGates: circuit.nativeTwoQubitGateCount, routedDepth: routedDepth, routedTwoQubitGates: routed2q,
            encodingDepth: 0, encodingTwoQubitGates: 0, executions: executions, shots: shots, cloudUsd: price,
            queueSeconds: queue, seconds: seeds.reduce(0) { $0 + ($1.quantumSeconds[m.spec.id]?[b.spec.id] ?? 0) },
            nativeDepth: native?.statistics.depth, nativeTwoQubitGates: native?.twoQubitGates,
            nativeOneQubitGates: native.map { $0.statistics.oneQubitGates }, swaps: native?.swapsInserted))
      }
    }
    return out
  }

  /// The Born machines' MMD² curves of the first seed.
  private func curves() -> [TrainingCurve] {
    guard let s = seeds.first else { return [] }
    var out: [TrainingCurve] = []
    for m in plan.machines {
      for b in plan.backends {
        if case .success(let x)? = s.quantum[m.spec.id]?[b.spec.id], !x.losses.isEmpty {
          out.append(TrainingCurve(model: m.spec.id, backend: b.spec.id, seed: s.seed, loss: x.losses, accuracy: []))
        }
      }
    }
    return out
  }

  /// The first seed's target and model histograms over the outcomes that matter.
  private func distributions() -> GenerativeDistributions? {
    guard let s = seeds.first else { return nil }
    var rows: [(model: String, backend: String?, p: [Double])] = []
    for (j, b) in plan.baselines.enumerated() { rows.append((b.spec.id, nil, s.baselines[j].scored)) }
    for m in plan.machines {
      for b in plan.backends {
        if case .success(let x)? = s.quantum[m.spec.id]?[b.spec.id] { rows.append((m.spec.id, b.spec.id, x.scored)) }
      }
    }
    let target = s.target.probabilities
    let weight = target.indices.map { i in max(target[i], rows.map { $0.p[i] }.max() ?? 0) }
    var keep = target.indices.filter { target[$0] > 0 || weight[$0] >= 0.01 }
    if keep.count > GenerativeDistributions.maximumOutcomes {
      keep = Array(keep.sorted { (weight[$0], -$0) > (weight[$1], -$1) }.prefix(GenerativeDistributions.maximumOutcomes)).sorted()
    }
    let n = s.target.bitCount
    var d = GenerativeDistributions(
      target: plan.spec.target.label, bits: n, outcomes: keep.map { bitString($0, width: n) },
      targetProbabilities: keep.map { target[$0] },
      models: rows.map { r in GenerativeHistogram(model: r.model, backend: r.backend, probabilities: keep.map { r.p[$0] }) })
    d.otherMass = rows.map { r in max(0, 1 - keep.reduce(0) { $0 + r.p[$1] }) }
    return d
  }
}
