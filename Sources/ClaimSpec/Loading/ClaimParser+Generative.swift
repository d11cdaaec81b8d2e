import Yams

/// The keys of a generative claim (`task: generative`): `dataset.target`, Born machines in
/// `quantum`, generative baselines in `baselines`, and the metrics `kl`, `mmd`, `tv`. Keys of
/// the other tasks are located errors here, and the generative metrics are errors in the other
/// tasks (`checkTask`).
extension _ClaimParser {
  static let generativeDatasetKeys = ["target", "train_samples", "evaluation_samples"]
  static let targetKeys = ["kind", "rows", "cols", "n", "k", "J", "h", "temperature"]
  static let bornMachineKeys = ["id", "kind", "depth", "pairs", "bandwidths", "training"]
  static let bornTrainingKeys = ["iterations", "learning_rate"]
  static let generativeBaselineKeys = ["id", "model", "grid"]
  /// The largest number of bits of a generative target.
  static let maximumGenerativeBits = 12

  /// The claim of `task: generative` from its top-level fields (id, title, hypothesis read).
  func parseGenerativeClaim(_ f: _Fields, id: String?, title: String?, hypothesis: String) -> Claim? {
    let data = required(
      "dataset", in: f, why: " (the target: dataset: {target: {kind: bars_and_stripes, rows: 2, cols: 2}, train_samples: 500})"
    ) {
      self.parseGenerativeDataset($0)
    }
    let machines = required("quantum", in: f, why: " (the Born machines: - {id: qcbm, kind: born_machine, depth: 2})") {
      self.parseBornMachines($0)
    }
    let baselines = required("baselines", in: f, why: " (the classical generative baselines)") {
      self.parseGenerativeBaselines($0)
    }
    let backends = required("backends", in: f, why: " (every claim names the backends it ran on)") { self.parseBackends($0) }
    var seeds: [Int]? = [1, 2, 3, 4, 5]
    if let s = f["seeds"] { seeds = parseSeeds(s) }
    let criteria = required("criteria", in: f) { self.parseCriteria($0, baselines: [], backends: backends ?? [], quantum: []) }
    var expect: ExpectedVerdict? = .supported
    if let e = f["expect"] { expect = r.choice(e, "expect", ExpectedVerdict.self, what: "verdict") }
    var lift = criteria?.lift
    if let criteria, let c = f["criteria"] {
      if !criteria.metric.isGenerative {
        fail(
          "criteria.metric",
          "metric \(criteria.metric.rawValue) scores classifiers; a claim with task generative uses one of kl, mmd, tv")
      }
      lift = generativeLift(c, criteria.lift, machines: machines ?? [], baselines: baselines ?? [])
    }
    for (i, b) in (backends ?? []).enumerated() {
      if !b.mitigation.isNone {
        fail("backends[\(i)].mitigation", "mitigation is not applied to Born machines yet (they train on sampled distributions); remove 'mitigation'")
      }
      if b.measureDiagonal {
        fail("backends[\(i)].measure_diagonal", "measure_diagonal applies to kernel models; a generative claim has none")
      }
      // A `hardware:` backend is scored from imported samples of the Born machines trained on the
      // simulator (docs/HARDWARE.md); lint and run refuse it, located, until counts are imported.
    }
    guard r.errors.isEmpty, let id, let title, let data, let machines, let baselines, let backends, let seeds,
      var criteria, let expect, let lift
    else { return nil }
    criteria.lift = lift
    let spec = GenerativeSpec(
      target: data.target, trainSamples: data.trainSamples, evaluationSamples: data.evaluationSamples,
      bornMachines: machines, baselines: baselines)
    var claim = Claim(
      id: id, title: title, hypothesis: hypothesis, dataset: spec.dataset, quantum: [], baselines: [], backends: backends,
      seeds: seeds, criteria: criteria, expect: expect, file: r.file, projectRoot: paths?.root,
      locations: SourceMap(r.locations), task: .generative)
    claim.generative = spec
    return claim
  }

  /// A located error at `field` (or its nearest recorded parent).
  private func fail(_ field: String, _ message: String, _ kind: SpecError.Kind = .conflict) {
    var key = field
    while r.locations[key] == nil, let dot = key.lastIndex(of: ".") { key = String(key[..<dot]) }
    r.fail(at: r.locations[key] ?? SourceLocation(file: r.file, line: 1, column: 1), field, message, kind)
  }

  private func parseGenerativeDataset(_ node: Node) -> (target: GenerativeTargetSpec, trainSamples: Int, evaluationSamples: Int?)?
  {
    guard let f = r.mapping(node, "dataset", allowed: Self.generativeDatasetKeys) else { return nil }
    let target = required("target", in: f, why: " (kind: bars_and_stripes, cardinality or ising)") { self.parseTarget($0) }
    let train = required("train_samples", in: f, why: " (training samples drawn from the target per seed)") {
      self.r.int($0, f.path("train_samples"), .closed(8, 1_000_000))
    }
    var evaluation: Int?
    var ok = true
    if let e = f["evaluation_samples"] {
      if let x = r.int(e, f.path("evaluation_samples"), .closed(2, 10_000_000)) { evaluation = x } else { ok = false }
    }
    guard ok, let target, let train else { return nil }
    return (target, train, evaluation)
  }

  private func parseTarget(_ node: Node) -> GenerativeTargetSpec? {
    let p = "dataset.target"
    guard let f = r.mapping(node, p, allowed: Self.targetKeys) else { return nil }
    guard let kn = f["kind"] else { r.missing("kind", in: f, why: " (bars_and_stripes, cardinality or ising)"); return nil }
    guard let kind = r.string(kn, f.path("kind")) else { return nil }
    let allowed: [String: [String]] = [
      "bars_and_stripes": ["rows", "cols"], "cardinality": ["n", "k"], "ising": ["n", "J", "h", "temperature"]
    ]
    guard let keys = allowed[kind] else {
      let hint = EditDistance.suggestion(for: kind, among: GenerativeTargetSpec.kinds)
      r.fail(
        kn, f.path("kind"),
        "unknown target '\(kind)'; expected one of \(GenerativeTargetSpec.kinds.joined(separator: ", "))"
          + (hint.map { "; did you mean '\($0)'?" } ?? ""), .unknownName, suggestion: hint)
      return nil
    }
    var ok = true
    for key in f.order where key != "kind" && !keys.contains(key) {
      r.fail(
        f.keys[key], f.path(key), "'\(key)' does not apply to target \(kind); it takes \(keys.joined(separator: ", "))", .conflict
      )
      ok = false
    }
    func int(_ k: String, _ range: _Range, default d: Int? = nil) -> Int? {
      guard let v = f[k] else {
        if let d { return d }
        r.missing(k, in: f)
        return nil
      }
      return r.int(v, f.path(k), range)
    }
    func num(_ k: String, _ range: _Range, default d: Double) -> Double? {
      guard let v = f[k] else { return d }
      return r.number(v, f.path(k), range)
    }
    let bits = _Range.closed(1, Double(Self.maximumGenerativeBits))
    switch kind {
    case "bars_and_stripes":
      guard let rows = int("rows", bits), let cols = int("cols", bits), ok else { return nil }
      if rows * cols > Self.maximumGenerativeBits {
        r.fail(
          node, p, "bars and stripes of \(rows)x\(cols) has \(rows * cols) bits; at most \(Self.maximumGenerativeBits)",
          .outOfRange)
        return nil
      }
      return .barsAndStripes(rows: rows, cols: cols)
    case "cardinality":
      guard let n = int("n", bits), let k = int("k", .closed(0, Double(Self.maximumGenerativeBits))), ok else { return nil }
      if k > n { r.fail(f["k"], f.path("k"), "k = \(k) exceeds n = \(n)", .outOfRange); return nil }
      return .cardinality(n: n, k: k)
    default:
      guard let n = int("n", bits), let j = num("J", .closed(-100, 100), default: 1),
        let h = num("h", .closed(-100, 100), default: 0),
        let t = num("temperature", .closed(0.01, 1000), default: 1), ok
      else { return nil }
      return .ising(n: n, coupling: j, field: h, temperature: t)
    }
  }

  private func parseBornMachines(_ node: Node) -> [BornMachineSpec]? {
    guard let items = r.list(node, "quantum") else { return nil }
    var out: [BornMachineSpec] = []
    var seen = Set<String>()
    for (i, item) in items.enumerated() {
      let p = "quantum[\(i)]"
      guard let f = r.mapping(item, p, allowed: Self.bornMachineKeys) else { continue }
      guard let idn = f["id"] else { r.missing("id", in: f); continue }
      guard let id = r.safeID(idn, f.path("id")) else { continue }
      if !seen.insert(id).inserted { r.fail(idn, f.path("id"), "duplicate quantum model id '\(id)'", .duplicateKey); continue }
      guard let kn = f["kind"] else { r.missing("kind", in: f, why: " (born_machine)"); continue }
      guard let kind = r.string(kn, f.path("kind")) else { continue }
      guard kind == "born_machine" else {
        r.fail(
          kn, f.path("kind"), "a claim with task generative runs quantum circuit Born machines: kind born_machine, not '\(kind)'",
          .conflict)
        continue
      }
      var spec = BornMachineSpec(id: id, depths: [2])
      var ok = true
      if let d = f["depth"] {
        if let items = r.list(d, f.path("depth"), single: true) {
          let ds = items.enumerated().compactMap { r.int($1, f.path("depth") + "[\($0)]", .closed(1, 50)) }
          if ds.count == items.count { spec.depths = ds } else { ok = false }
        } else {
          ok = false
        }
      }
      if let pn = f["pairs"], let s = r.string(pn, f.path("pairs")) {
        if s == "line" || s == "ring" {
          spec.pairs = s
        } else {
          r.fail(pn, f.path("pairs"), "unknown pairs '\(s)'; expected line or ring", .unknownName)
          ok = false
        }
      }
      if let b = f["bandwidths"] {
        if let bs = positiveList(b, f.path("bandwidths")) { spec.bandwidths = bs } else { ok = false }
      }
      if let t = f["training"] {
        if let tf = r.mapping(t, f.path("training"), allowed: Self.bornTrainingKeys) {
          if let v = tf["iterations"] {
            if let x = r.int(v, tf.path("iterations"), .closed(1, 100_000)) { spec.iterations = x } else { ok = false }
          }
          if let v = tf["learning_rate"] {
            if let x = r.number(v, tf.path("learning_rate"), .open(0, 10)) { spec.learningRate = x } else { ok = false }
          }
        } else {
          ok = false
        }
      }
      if ok { out.append(spec) }
    }
    return out.count == items.count ? out : nil
  }

  private func parseGenerativeBaselines(_ node: Node) -> [GenerativeBaselineSpec]? {
    guard let items = r.list(node, "baselines") else { return nil }
    var out: [GenerativeBaselineSpec] = []
    var seen = Set<String>()
    for (i, item) in items.enumerated() {
      let p = "baselines[\(i)]"
      guard let f = r.mapping(item, p, allowed: Self.generativeBaselineKeys) else { continue }
      guard let mn = f["model"] else { r.missing("model", in: f); continue }
      guard let ms = r.string(mn, f.path("model")) else { continue }
      guard let model = GenerativeBaselineName(rawValue: ms) else {
        let names = GenerativeBaselineName.allCases.map(\.rawValue)
        let hint = EditDistance.suggestion(for: ms, among: names)
        let kind: SpecError.Kind = BaselineModel(rawValue: ms) != nil ? .conflict : .unknownName
        r.fail(
          mn, f.path("model"),
          (kind == .conflict ? "\(ms) is not a generative model; " : "unknown baseline model '\(ms)'; ")
            + "a claim with task generative uses one of \(names.joined(separator: ", "))"
            + (hint.map { "; did you mean '\($0)'?" } ?? ""),
          kind, suggestion: hint)
        continue
      }
      var id = model.rawValue
      if let idn = f["id"] { guard let s = r.safeID(idn, f.path("id")) else { continue }; id = s }
      if !seen.insert(id).inserted { r.fail(item, p, "duplicate baseline id '\(id)'; give each an id", .duplicateKey); continue }
      var spec = GenerativeBaselineSpec(id: id, model: model)
      if let g = f["grid"] {
        guard let gf = r.mapping(g, f.path("grid"), allowed: [model.gridKey]) else { continue }
        guard let v = gf[model.gridKey] else { r.missing(model.gridKey, in: gf); continue }
        guard let values = positiveList(v, gf.path(model.gridKey)) else { continue }
        if model == .bernoulliMixture || model == .rbm, let bad = values.first(where: { $0 != $0.rounded() || $0 > 64 }) {
          r.fail(v, gf.path(model.gridKey), "\(model.gridKey) are whole numbers from 1 to 64, got \(bad)", .outOfRange)
          continue
        }
        spec.grid = values
      }
      out.append(spec)
    }
    return out.count == items.count ? out : nil
  }

  /// `criteria.lift` re-read against the generative model and baseline ids.
  private func generativeLift(
    _ node: Node, _ lift: LiftCriterion, machines: [BornMachineSpec], baselines: [GenerativeBaselineSpec]
  ) -> LiftCriterion? {
    guard case .mapping = node, let f = r.mapping(node, "criteria", allowed: Self.criteriaKeys),
      let ln = f["lift"], let lf = r.mapping(ln, "criteria.lift", allowed: Self.liftKeys)
    else { return lift }
    var out = lift
    var ok = true
    if let m = lf["model"], let s = r.string(m, lf.path("model"), acceptNumbers: true) {
      if machines.contains(where: { $0.id == s }) {
        out.model = s
      } else {
        r.fail(
          m, lf.path("model"), "unknown quantum model '\(s)'; expected one of \(machines.map(\.id).joined(separator: ", "))",
          .unknownReference)
        ok = false
      }
    }
    if let o = lf["over"], let s = r.string(o, lf.path("over"), acceptNumbers: true), s != "best_baseline" {
      if baselines.contains(where: { $0.id == s }) {
        out.over = .baseline(s)
      } else if machines.contains(where: { $0.id == s }), s != (out.model ?? machines.first?.id) {
        out.over = .quantumModel(s)
      } else {
        r.fail(
          o, lf.path("over"),
          "unknown baseline '\(s)'; expected best_baseline or one of \((baselines.map(\.id) + machines.map(\.id)).joined(separator: ", "))",
          .unknownReference)
        ok = false
      }
    }
    return ok ? out : nil
  }
}
