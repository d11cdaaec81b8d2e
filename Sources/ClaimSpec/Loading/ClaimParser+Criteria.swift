import Yams

extension _ClaimParser {
  static let criteriaKeys = ["metric", "lift", "cost", "regression"]
  static let liftKeys = ["min", "over", "model", "confidence", "on", "interval"]
  static let costKeys = [
    "max_qubits", "max_depth", "max_two_qubit_gates", "max_shots", "max_runtime_seconds", "max_cloud_usd",
    "max_executions", "max_qpu_seconds",
  ]
  static let regressionKeys = ["lift_drop", "cost_rise"]

  func parseCriteria(_ node: Node, baselines: [BaselineSpec], backends: [BackendSpec], quantum: [QuantumModelSpec]) -> Criteria? {
    guard let f = r.mapping(node, "criteria", allowed: Self.criteriaKeys) else { return nil }
    var ok = true
    var metric = task == .regression ? MetricName.rmse : MetricName.balancedAccuracy
    if let m = f["metric"] { if let x = r.choice(m, f.path("metric"), MetricName.self, what: "metric") { metric = x } else { ok = false } }
    let lift = required("lift", in: f, why: " (the lift bar: {min: 0.05, over: best_baseline})") {
      self.parseLift($0, baselines: baselines, backends: backends, quantum: quantum)
    }
    var cost = CostBounds()
    if let c = f["cost"] { if let x = parseCost(c) { cost = x } else { ok = false } }
    var regression = RegressionTolerance()
    if let g = f["regression"] {
      if let gf = r.mapping(g, f.path("regression"), allowed: Self.regressionKeys) {
        if let v = gf["lift_drop"] { if let x = r.number(v, gf.path("lift_drop"), .closed(0, task == .regression ? 1e12 : 1)) { regression.liftDrop = x } else { ok = false } }
        if let v = gf["cost_rise"] { if let x = r.number(v, gf.path("cost_rise"), .closed(0, 1000)) { regression.costRise = x } else { ok = false } }
      } else { ok = false }
    }
    guard ok, let lift else { return nil }
    return Criteria(metric: metric, lift: lift, cost: cost, regression: regression)
  }

  func parseLift(_ node: Node, baselines: [BaselineSpec], backends: [BackendSpec], quantum: [QuantumModelSpec]) -> LiftCriterion? {
    guard let f = r.mapping(node, "criteria.lift", allowed: Self.liftKeys) else { return nil }
    var ok = true
    let min = required("min", in: f, why: " (the smallest lift that supports the claim)") {
      // Classification lifts are differences of scores in [0, 1]; regression lifts are in the target's units.
      self.r.number($0, f.path("min"), self.task == .regression ? .closed(-1e12, 1e12) : .closed(-1, 1))
    }
    var model: String?
    if let m = f["model"], let s = r.string(m, f.path("model"), acceptNumbers: true) {
      if quantum.contains(where: { $0.id == s }) {
        model = s
      } else if !quantum.isEmpty {
        let hint = EditDistance.suggestion(for: s, among: quantum.map(\.id))
        r.fail(m, f.path("model"), "unknown quantum model '\(s)'; expected one of \(quantum.map(\.id).joined(separator: ", "))"
          + (hint.map { "; did you mean '\($0)'?" } ?? ""), .unknownReference, suggestion: hint)
        ok = false
      }
    } else if f.has("model") { ok = false }
    let liftModel = model ?? quantum.first?.id
    var over = LiftReference.bestBaseline
    if let o = f["over"], let s = r.string(o, f.path("over"), acceptNumbers: true) {
      let controls = quantum.filter { $0.kind == .hybrid }.map { QuantumModelSpec.controlID(of: $0.id) }
      if s != "best_baseline", quantum.contains(where: { $0.id == s }) || controls.contains(s) {
        if s == liftModel {
          r.fail(o, f.path("over"), "the lift of '\(s)' cannot be measured over itself", .outOfRange)
          ok = false
        } else {
          over = .quantumModel(s)
        }
      } else if s != "best_baseline" {
        let byID = baselines.filter { $0.id == s }
        let byModel = baselines.filter { $0.model.rawValue == s }
        if byID.count == 1 {
          over = .baseline(s)
        } else if byModel.count == 1 {
          over = .baseline(byModel[0].id)
        } else if byModel.count > 1 {
          r.fail(o, f.path("over"), "'\(s)' names \(byModel.count) baselines; use one baseline's id", .unknownReference)
          ok = false
        } else if !baselines.isEmpty {
          let names = ["best_baseline"] + baselines.map(\.id)
          let hint = EditDistance.suggestion(for: s, among: names)
          r.fail(o, f.path("over"), "unknown baseline or quantum model '\(s)'; expected best_baseline or one of \((baselines.map(\.id) + quantum.map(\.id) + controls).joined(separator: ", "))"
            + (hint.map { "; did you mean '\($0)'?" } ?? ""), .unknownReference, suggestion: hint)
          ok = false
        }
      }
    } else if f.has("over") { ok = false }
    var confidence = 0.95
    if let c = f["confidence"] { if let x = r.number(c, f.path("confidence"), .open(0, 1)) { confidence = x } else { ok = false } }
    var on = backends.map(\.id)
    if let o = f["on"] {
      if let items = r.list(o, f.path("on"), single: true) {
        on = []
        for (i, item) in items.enumerated() {
          guard let s = r.string(item, f.path("on") + "[\(i)]", acceptNumbers: true) else { ok = false; continue }
          if !backends.isEmpty && !backends.contains(where: { $0.id == s }) {
            let hint = EditDistance.suggestion(for: s, among: backends.map(\.id))
            r.fail(item, f.path("on") + "[\(i)]", "unknown backend '\(s)'; expected one of \(backends.map(\.id).joined(separator: ", "))"
              + (hint.map { "; did you mean '\($0)'?" } ?? ""), .unknownReference, suggestion: hint)
            ok = false; continue
          }
          on.append(s)
        }
      } else { ok = false }
    }
    var interval = IntervalMethod.studentT
    if let v = f["interval"] { if let x = r.choice(v, f.path("interval"), IntervalMethod.self, what: "interval method") { interval = x } else { ok = false } }
    guard ok, let min else { return nil }
    return LiftCriterion(min: min, over: over, model: model, confidence: confidence, on: on, interval: interval)
  }

  func parseCost(_ node: Node) -> CostBounds? {
    guard let f = r.mapping(node, "criteria.cost", allowed: Self.costKeys) else { return nil }
    var ok = true
    func int(_ k: String, _ range: _Range) -> Int? {
      guard let v = f[k] else { return nil }
      let x = r.int(v, f.path(k), range); if x == nil { ok = false }; return x
    }
    func num(_ k: String, _ range: _Range) -> Double? {
      guard let v = f[k] else { return nil }
      let x = r.number(v, f.path(k), range); if x == nil { ok = false }; return x
    }
    let c = CostBounds(
      maxQubits: int("max_qubits", .closed(1, Double(SpecVocabulary.maxQubits))),
      maxDepth: int("max_depth", .closed(1, 1e9)),
      maxTwoQubitGates: int("max_two_qubit_gates", .closed(0, 1e9)),
      maxShots: num("max_shots", _Range(low: 0, lowOpen: true, high: 1e15)),
      maxRuntimeSeconds: num("max_runtime_seconds", _Range(low: 0, lowOpen: true, high: 1e7)),
      maxCloudUSD: num("max_cloud_usd", .closed(0, 1e12)),
      maxExecutions: num("max_executions", _Range(low: 0, lowOpen: true, high: 1e15)),
      maxQPUSeconds: num("max_qpu_seconds", _Range(low: 0, lowOpen: true, high: 1e12)))
    return ok ? c : nil
  }
}
