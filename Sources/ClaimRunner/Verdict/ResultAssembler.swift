import ClaimSpec
import Foundation
import QMLKit

/// Turns the per-seed outcomes of a claim into its `ClaimResult`: summaries with intervals,
/// the best baseline by cross-validation, the lift per backend, costs, verdict and reasons.
struct ResultAssembler {
  let claim: Claim
  let plan: ModelPlan
  let data: DataStage
  let metric: Metric
  let seeds: [SeedOutcome]
  let manifest: RunManifest

  private var confidence: Double { claim.criteria.lift.confidence }
  /// The interval method, from the data source and the split sizes.
  private var method: SeedInterval {
    SeedInterval.of(claim, trainCount: seeds.first?.trainCount ?? 0, testCount: seeds.first?.testCount ?? 0)
  }
  /// The range of a test score: [0, 1] for the bounded metrics, [0, ∞) for log loss, rmse and
  /// mae, (−∞, 1] for r2.
  private var scoreBounds: ClosedRange<Double> {
    if metric == .r2 { return -Double.infinity...1 }
    return metric.higherIsBetter ? 0...1 : 0...Double.infinity
  }
  /// The range of a lift: the difference of two scores in [0, 1]; unbounded for log loss and the
  /// regression metrics.
  private var liftBounds: ClosedRange<Double>? {
    if metric.regression != nil { return -Double.infinity...Double.infinity }
    return metric.higherIsBetter ? -1...1 : nil
  }

  private func summarize(_ xs: [Double], confidence c: Double? = nil, bounds: ClosedRange<Double>? = nil) -> IntervalSummary {
    method.summarize(xs, confidence: c ?? confidence, bounds: bounds ?? scoreBounds, seed: UInt64(claim.seeds.first ?? 0))
  }

  /// The first seed's test targets with the lift model's predictions on every backend and the
  /// seed's best baseline's (regression claims; nil otherwise).
  private func predictions(liftModel: String, bestPerSeed: [Int]) -> RegressionPredictions? {
    guard let first = seeds.first, let truth = first.testTargets, let best = bestPerSeed.first else { return nil }
    let n = min(truth.count, RegressionPredictions.maxPoints)
    var series: [PredictionSeries] = []
    for b in claim.backends {
      if let p = first.quantum[liftModel]?[b.id]?.predictions, p.count >= n {
        series.append(PredictionSeries(model: liftModel, backend: b.id, role: "quantum", yPred: Array(p.prefix(n))))
      }
    }
    if let p = first.baselines[best].predictions, p.count >= n {
      series.append(PredictionSeries(model: first.baselines[best].id, backend: nil, role: "baseline", yPred: Array(p.prefix(n))))
    }
    return RegressionPredictions(seed: first.seed, yTrue: Array(truth.prefix(n)), series: series)
  }

  func result() -> ClaimResult {
    var warnings: [String] = []
    var reasons: [String] = []

    // Baselines, and the best one per seed by cross-validation score (never test score).
    let baselines = claim.baselines.enumerated().map { j, b in
      var r = BaselineResult(
        model: b.id, chosen: seeds.map { $0.baselines[j].chosen }, cvScore: seeds.map { $0.baselines[j].cvScore },
        test: seeds.map { $0.baselines[j].test }, summary: summarize(seeds.map { $0.baselines[j].test }),
        seconds: seeds.reduce(0) { $0 + $1.baselines[j].seconds })
      r.scale = b.scale.rawValue
      r.tuning = TuningBudget(
        configurations: seeds.first?.baselines[j].configurations ?? 1, folds: seeds.first?.baselines[j].folds ?? 0,
        seconds: r.seconds)
      return r
    }
    let sign: Double = metric.higherIsBetter ? 1 : -1
    let bestPerSeed: [Int] = seeds.map { s in
      var best = 0
      for j in s.baselines.indices where sign * s.baselines[j].cvScore > sign * s.baselines[best].cvScore { best = j }
      return best
    }
    // The baseline named "best" is the fallback's: the best mean cross-validation score over seeds
    // (the lift itself is paired per seed with that seed's CV winner, `bestPerSeed`), so the label
    // and the fallback never contradict each other.
    let meanCV = claim.baselines.indices.map { j in QMLKit.mean(seeds.map { $0.baselines[j].cvScore }) }
    let bestBaseline = meanCV.indices.filter { meanCV[$0].isFinite }
      .max { (sign * meanCV[$0], -$0) < (sign * meanCV[$1], -$1) }.map { claim.baselines[$0].id } ?? ""
    // Quantum models per backend.
    var models: [ModelResult] = []
    for m in plan.models {
      var scores: [BackendScore] = []
      for b in plan.backends {
        let outs = seeds.map { $0.quantum[m.spec.id]![b.spec.id]! }
        let ok = outs.compactMap(\.test)
        let failed = zip(seeds, outs).filter { $0.1.test == nil }.map { $0.0.seed }
        for (s, o) in zip(seeds, outs) {
          if let f = o.failure { warnings.append("\(m.spec.id) on \(b.spec.id), seed \(s.seed): \(f)") }
          for w in o.warnings { warnings.append("\(m.spec.id) on \(b.spec.id), seed \(s.seed): \(w)") }
        }
        var score = BackendScore(backend: b.spec.id, test: ok, summary: summarize(ok), failedSeeds: failed)
        score.chosen = outs.map(\.chosen)
        let unconverged = zip(seeds, outs).filter { !$0.1.converged }.map { $0.0.seed }
        if !unconverged.isEmpty { score.notConvergedSeeds = unconverged }
        score.tuning = TuningBudget(
          configurations: outs.map(\.configurations).max() ?? 1, folds: outs.map(\.folds).max() ?? 0,
          seconds: outs.reduce(0) { $0 + $1.seconds })
        scores.append(score)
      }
      var result = ModelResult(id: m.spec.id, kind: m.spec.kind.rawValue, description: describe(m), backends: scores)
      result.controlOf = m.controlOf
      models.append(result)
    }

    // Lift of the claim's model (the first quantum model) on each named backend.
    let liftModel = claim.criteria.lift.model ?? plan.models.first!.spec.id
    let baselineReference = zip(seeds, bestPerSeed).map { $0.baselines[$1].test }
    func reference(on backendID: String) -> (scores: [Double?], name: String) {
      switch claim.criteria.lift.over {
      case .bestBaseline:
        return (baselineReference, "the best baseline by cross-validation")
      case .baseline(let id):
        let j = claim.baselines.firstIndex { $0.id == id } ?? 0
        return (seeds.map { $0.baselines[j].test }, "baseline \(id)")
      case .quantumModel(let id):
        let name = plan.models.first { $0.spec.id == id }?.controlOf.map { "\($0)'s identity-circuit control \(id)" }
        return (seeds.map { $0.quantum[id]?[backendID]?.test }, name ?? "quantum model \(id)")
      }
    }
    let on = Set(claim.criteria.lift.on.isEmpty ? claim.backends.map(\.id) : claim.criteria.lift.on)
    let threshold = claim.criteria.lift.min
    // The decisive backends are a family of tests: Bonferroni-adjusted intervals, Holm-adjusted p-values.
    let tests = max(1, claim.backends.filter { on.contains($0.id) }.count)
    let familyConfidence = VerdictRule.familyConfidence(confidence, tests: tests)
    var lifts: [LiftResult] = []
    for backendID in claim.backends.map(\.id) {
      let decisive = on.contains(backendID)
      let outs = seeds.map { $0.quantum[liftModel]![backendID]! }
      let (refScores, referenceName) = reference(on: backendID)
      if outs.contains(where: { $0.test == nil }) || refScores.contains(where: { $0 == nil }) {
        let empty = summarize([])
        var l = LiftResult(backend: backendID, model: liftModel, perSeed: [], summary: empty,
                           threshold: threshold, pValue: .nan, verdict: .error, decisive: decisive)
        l.reference = referenceName
        lifts.append(l)
        continue
      }
      let q = outs.map { $0.test! }
      let ref = refScores.map { $0! }
      let perSeed = VerdictRule.pairedLift(quantum: q, baseline: ref, higherIsBetter: metric.higherIsBetter)
      let s = summarize(perSeed, confidence: decisive ? familyConfidence : confidence, bounds: liftBounds)
      let p = method.pValueAbove(threshold, perSeed)
      let (v, why) = VerdictRule.backendVerdict(s, threshold: threshold, count: perSeed.count)
      var l = LiftResult(backend: backendID, model: liftModel, perSeed: perSeed, summary: s,
                         threshold: threshold, pValue: p, verdict: v, decisive: decisive)
      l.reference = referenceName
      l.referenceScores = ref
      l.inconclusiveReason = why
      if v == .inconclusive && why == nil {
        let t = ResampledT(perSeed, testOverTrain: method.testOverTrain)
        l.seedsNeeded = t.seedsNeeded(toSeparateFrom: threshold, confidence: s.confidence)
        l.powerNote = powerNote(l.seedsNeeded, mean: s.mean, threshold: threshold)
      }
      lifts.append(l)
    }
    let adjusted = holmAdjusted(lifts.map { $0.decisive ? $0.pValue : .nan })
    for i in lifts.indices where lifts[i].decisive && !adjusted[i].isNaN { lifts[i].pValueHolm = adjusted[i] }
    for l in lifts { reasons.append(liftReason(l)) }

    // Cost.
    let costs = CostStage.records(claim: claim, plan: plan, seeds: seeds, features: seeds.first?.featureNames.count ?? 0)
    let checks = CostStage.checks(claim.criteria.cost, costs: costs, runtime: manifest.seconds)
    for c in checks where !c.held {
      reasons.append("Cost bound \(c.name) fails: \(fmt(c.actual)) exceeds \(fmt(c.limit)).")
    }
    let verdict = VerdictRule.claimVerdict(backends: lifts.filter(\.decisive).map(\.verdict), costHeld: checks.allSatisfy(\.held))
    let expected = Verdict(claim.expect)
    if verdict != expected {
      reasons.insert("Expected \(expected.label(threshold: threshold)) but the evidence says "
        + "\(verdict.label(threshold: threshold)).", at: 0)
    }

    // Fallback: the classical model to serve when the quantum path does not clear the bar: the
    // baseline with the best mean cross-validation score over seeds (never a test score).
    let fallback = baselines.first { $0.model == bestBaseline }.map(fallbackText)

    let first = seeds.first
    let dataset = DatasetSummary(
      source: data.sourceDescription, samples: (first?.trainCount ?? 0) + (first?.testCount ?? 0),
      trainSamples: first?.trainCount ?? 0, testSamples: first?.testCount ?? 0,
      features: first?.featureNames ?? [], classes: first?.classNames ?? [], preprocessing: first?.steps ?? [],
      scatter: scatter(first?.train), scatterAxes: Array((first?.featureNames ?? []).prefix(2)))

    let result = ClaimResult(
      claim: claim.id, title: claim.title, hypothesis: claim.hypothesis, specFile: claim.file,
      facts: facts(), dataset: dataset, metric: metric.rawValue, seeds: claim.seeds, baselines: baselines,
      bestBaseline: bestBaseline, models: models, lifts: lifts, costs: costs, costChecks: checks, verdict: verdict,
      expected: expected, reasons: reasons, fallback: fallback,
      diagnostics: DiagnosticStage.records(plan: plan, seeds: seeds) + SimulationCostStage.records(claim: claim, costs: costs),
      curves: curves(), kernel: kernelSnapshot(),
      regressions: [], warnings: warnings, manifest: manifest)
    var out = result
    out.inference = InferenceSummary(
      method: method.name, explanation: method.explanation, comparison: threshold <= 0 ? "non-inferiority" : "superiority",
      margin: threshold <= 0 ? -threshold : nil, tests: tests, intervalConfidence: familyConfidence,
      verdictLabel: verdict.label(threshold: threshold), testOverTrain: method.testOverTrain)
    out.bestBaselinePerSeed = bestPerSeed.map { claim.baselines[$0].id }
    if claim.task != .classification { out.task = claim.task.rawValue }
    out.predictions = predictions(liftModel: liftModel, bestPerSeed: bestPerSeed)
    return out
  }

  /// The reason line of one backend's lift.
  private func liftReason(_ l: LiftResult) -> String {
    let name = l.reference ?? "the reference"
    if l.verdict == .error {
      return l.decisive
        ? "\(l.model) failed on \(l.backend) for some seeds, so its lift cannot be measured (see warnings)."
        : "On \(l.backend) (reported, not decisive), \(l.model) failed for some seeds."
    }
    let s = l.summary
    let pct = percent(s.confidence)
    let interval = "\(fmt(s.mean)) (\(pct) interval [\(fmt(s.low)), \(fmt(s.high))]\(s.clipped == true ? ", cut to the metric's range" : ""))"
    if !l.decisive { return "On \(l.backend) (reported, not decisive), the lift is \(interval)." }
    let p = "one-sided p = \(fmtP(l.reportedPValue)) against lift <= \(fmt(l.threshold))"
    if let why = l.inconclusiveReason {
      return "On \(l.backend), \(l.model)'s lift over \(name) is \(interval), but \(why): inconclusive."
    }
    switch l.verdict {
    case .supported:
      return "On \(l.backend), \(l.model)'s lift over \(name) is \(interval), clearing the minimum \(fmt(l.threshold)) (\(p))."
    case .refuted:
      return "On \(l.backend), \(l.model)'s lift over \(name) is \(interval), entirely below the minimum \(fmt(l.threshold)) (\(p))."
    default:
      return "On \(l.backend), \(l.model)'s lift over \(name) is \(interval), which straddles the minimum \(fmt(l.threshold)) (\(p)). "
        + (l.powerNote ?? "")
    }
  }

  /// The power estimate of an inconclusive lift in words.
  private func powerNote(_ n: Int?, mean: Double, threshold: Double) -> String {
    let side = mean >= threshold ? "clear" : "miss"
    guard let n else {
      if method.testOverTrain > 0 {
        return "No number of re-split seeds would settle it at this spread: the overlap of the training sets bounds the precision; more data would."
      }
      return "No number of seeds up to 1000 would settle it: the mean lift sits at the threshold."
    }
    return "At the observed mean and spread, about \(n) seeds would make the interval \(side) the threshold."
  }

  /// The fallback line of `b` (the best baseline by mean cross-validation score): its most often
  /// chosen parameters, that CV score and its test interval.
  private func fallbackText(_ b: BaselineResult) -> String {
    let chosen = mostCommonChoice(b.chosen)
    let params = chosen.keys.sorted().map { "\($0)=\(chosen[$0]!)" }.joined(separator: ", ")
    return "\(b.model)\(params.isEmpty ? "" : " (\(params))"): best mean cross-validation \(metric.rawValue) "
      + "\(fmt(QMLKit.mean(b.cvScore))); test \(metric.rawValue) \(fmt(b.summary.mean)) [\(fmt(b.summary.low)), \(fmt(b.summary.high))]"
  }

  private func describe(_ m: ModelPlan.Model) -> String {
    var parts = [m.encodingDescription]
    if let a = m.spec.ansatz, m.controlOf == nil {
      let layers = a.layersGrid.count > 1 ? "layers in {\(a.layersGrid.map(String.init).joined(separator: ", "))} tuned by cross-validation" : "\(a.layers) layers"
      parts.append("\(a.type.rawValue) ansatz, \(layers), \(a.entanglement.rawValue) \(a.entangler.rawValue)")
    }
    if let t = m.spec.training {
      let lr = t.learningRates.count > 1 ? "lr in {\(t.learningRates.map(fmt).joined(separator: ", "))} tuned by cross-validation" : "lr \(fmt(t.learningRate))"
      parts.append("\(t.optimizer.rawValue) \(lr), "
        + (t.tolerance > 0
          ? "at most \(t.iterations) iterations (stop when the loss falls less than \(fmt(t.tolerance)) in \(t.patience)), "
          : "\(t.iterations) iterations (no early stop), ")
        + (claim.task == .regression
          ? "squared-error loss on the target mapped to [-1, 1]; prediction = mean + range x readout"
          : "\(t.loss.rawValue) loss"))
    }
    if !m.spec.kind.isTrained {
      parts.append(claim.task == .regression
        ? "kernel ridge alpha in {\(m.spec.ridgeAlpha.map(fmt).joined(separator: ", "))}"
        : "SVM C in {\(m.spec.svmC.map(fmt).joined(separator: ", "))}")
    }
    if let control = m.controlOf {
      parts[0] = "the input and output layers of \(control), the angles fed straight to the output layer (no circuit), trained the same way"
    } else if m.spec.kind == .hybrid {
      let pre = m.spec.pre ?? PreLayerSpec()
      parts[0] = "input layer " + (pre.layer == .linear ? "linear" : "MLP (\(pre.hidden) \(pre.activation.rawValue) units)")
        + " → π/2·tanh angles on \(m.spec.qubits.map { "\($0)" } ?? "one per feature") qubit(s) (H, ry) → circuit → <Z> per qubit → linear softmax layer"
    } else if m.spec.kind == .reuploading, let u = m.spec.uploads {
      let layers = u.layersGrid.count > 1 ? "layers in {\(u.layersGrid.map(String.init).joined(separator: ", "))} tuned by cross-validation" : "\(u.layers) layer(s)"
      parts[0] = "data re-uploading on \(m.spec.qubits ?? 1) qubit(s), \(layers) of ry·rz·ry(w ⊙ x + θ)"
        + ((m.spec.qubits ?? 1) >= 2 && u.entangler != .none ? ", \(u.entangler.rawValue) chain between layers" : "")
    }
    return parts.joined(separator: "; ")
  }

  private func facts() -> ClaimFacts {
    let enc = plan.models.map { "\($0.spec.id): \($0.loadingDescription)" }.joined(separator: "; ")
    let backends = BackendFacts.backends(claim) { b in
      // Trained models on a hardware backend: say where they were trained.
      let trained = plan.backends.first { $0.spec.id == b.id }?.hardware?.inferred ?? []
      guard let on = trained.first?.trainedOn else { return nil }
      let ids = Array(Set(trained.map(\.model))).sorted().joined(separator: ", ")
      return "\(ids) trained on the simulator '\(on)', only inference on the device"
    }
    let runtime = BackendFacts.runtime(claim, seconds: manifest.seconds)
    return ClaimFacts(
      encoding: enc.isEmpty ? nil : enc, backend: backends.isEmpty ? nil : backends,
      shots: BackendFacts.shots(claim),
      baseline: claim.baselines.isEmpty ? nil : claim.baselines.map(\.id).joined(separator: ", "),
      runtime: runtime)
  }

  private func scatter(_ train: Dataset?) -> [ScatterPoint] {
    guard let t = train, t.featureCount >= 2 else { return [] }
    let step = max(1, t.count / 300)
    return stride(from: 0, to: t.count, by: step).map {
      ScatterPoint(x: t.features[$0][0], y: t.features[$0][1], label: t.labels[$0])
    }
  }

  private func curves() -> [TrainingCurve] {
    guard let s = seeds.first else { return [] }
    var out: [TrainingCurve] = []
    for m in plan.models where m.spec.kind.isTrained {
      for b in plan.backends {
        if let o = s.quantum[m.spec.id]?[b.spec.id], !o.loss.isEmpty {
          out.append(TrainingCurve(model: m.spec.id, backend: b.spec.id, seed: s.seed, loss: o.loss, accuracy: o.accuracy))
        }
      }
    }
    return out
  }

  private func kernelSnapshot() -> KernelSnapshot? {
    guard let s = seeds.first, let train = s.train else { return nil }
    for m in plan.models where !m.spec.kind.isTrained {
      for b in plan.backends {
        guard let k = s.quantum[m.spec.id]?[b.spec.id]?.kernel else { continue }
        let order = (0..<k.rows).sorted { (train.labels[$0], $0) < (train.labels[$1], $1) }
        let step = max(1, order.count / 60)
        let pick = stride(from: 0, to: order.count, by: step).map { order[$0] }
        let sub = k.submatrix(rows: pick, columns: pick)
        return KernelSnapshot(model: m.spec.id, backend: b.spec.id, labels: pick.map { train.labels[$0] }, values: sub.nested)
      }
    }
    return nil
  }
}

/// The parameter set chosen in most seeds (ties: the earliest seed's), empty when none.
func mostCommonChoice(_ chosen: [[String: String]]) -> [String: String] {
  var counts: [Int: Int] = [:]
  for (i, c) in chosen.enumerated() { counts[chosen.firstIndex(of: c) ?? i, default: 0] += 1 }
  guard let best = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }) else { return [:] }
  return chosen[best.key]
}

/// A confidence level as a percentage: "95%", "97.5%".
func percent(_ c: Double) -> String {
  let p = c * 100
  return p == p.rounded() ? "\(Int(p))%" : String(format: "%.1f%%", p)
}

/// A p-value for a sentence: "< 0.001" or three decimals.
func fmtP(_ p: Double) -> String { p.isNaN ? "n/a" : p < 0.001 ? "< 0.001" : String(format: "%.3f", p) }

