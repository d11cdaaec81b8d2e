import Foundation
import ClaimSpec

/// Fills the claim template: hypothesis, the five facts, dataset, results, lift, cost,
/// diagnostics, fallback, snapshot comparison, trend, warnings and the manifest.
enum ClaimPage {
  static let slots: Set<String> = [
    "page-title", "badge", "title", "verdict-line", "method", "reasons", "hypothesis", "spec-file", "links", "facts-warning",
    "dataset", "scatter", "metric-chart", "predictions", "lift-chart", "noise-ladder", "loss-chart", "kernel-heatmap",
    "cost-chart", "fallback", "trend", "warnings", "source", "baseline-chosen-head", "baseline-cv-head",
  ]
  static let rows: Set<String> = [
    "fact", "score", "baseline", "lift", "cost", "bound", "diagnostic", "regression", "manifest",
  ]

  /// Renders one claim page as HTML text.
  static func render(_ r: ClaimResult, history: [HistoryEntry], template html: String, file: String,
                     links: ClaimLinks? = nil) throws(ReportError) -> String
  {
    let page = try PageTemplate(html: html, file: file, requiredSlots: ["title", "hypothesis"],
                                requiredRows: ["fact"], knownSlots: slots, knownRows: rows)
    header(r, page)
    linkList(links ?? ClaimLinks(spec: "../../" + r.specFile, results: "../results/\(r.claim).json", junit: "../junit.xml"),
             r, history: history, page)
    facts(r, page)
    dataset(r, page)
    results(r, page)
    cost(r, page)
    diagnostics(r, page)
    ClaimCharts.fill(r, history: history, page: page)
    return try page.document.serialize()
  }

  // MARK: - Sections

  static func header(_ r: ClaimResult, _ page: PageTemplate) {
    page.setText("page-title", "\(r.claim): \(r.verdictLabel) | qlift")
    page.slot("badge")?.append("img", ["src": "../badges/\(r.claim).svg", "alt": "\(r.claim): \(r.verdict.rawValue)"])
    page.setText("title", r.title.isEmpty ? r.claim : r.title)
    if let line = page.slot("verdict-line") {
      line.append("code", text: r.claim)
      line.appendText(" ")
      Summary.verdictBadge(r.verdict, in: line)
      if r.verdictLabel != r.verdict.rawValue { line.append("strong", text: " " + r.verdictLabel) }
      line.appendText(" expected \(r.expectedLabel) \u{00B7} ")
      Summary.buildStatus(r, in: line)
    }
    if let list = page.slot("reasons") {
      for reason in r.allReasons { list.append("li", text: NumberText.prose(reason)) }
    }
    if let quote = page.slot("hypothesis") {
      for paragraph in Reflow.paragraphs(r.hypothesis) { quote.append("p", text: paragraph) }
    }
    page.setText("spec-file", "Spec \(r.specFile) \u{00B7} metric \(r.metric) \u{00B7} seeds "
      + r.seeds.map(String.init).joined(separator: ", "))
    page.setText("source", "results/\(r.claim).json")
    if let fallback = page.slot("fallback") {
      if let text = r.fallback, !text.isEmpty {
        fallback.appendText(NumberText.prose(text))
      } else {
        fallback.append("span", ["class": "none"], text: "No fallback recommended.")
      }
    }
    if let list = page.slot("warnings") {
      if let d = r.designWarning { list.append("li", ["class": "tripped"], text: "Design " + d) }
      if r.warnings.isEmpty && r.designWarning == nil { list.append("li", ["class": "none"], text: "None.") }
      for w in r.warnings { list.append("li", text: w) }
    }
    let m = r.manifest
    let manifest: [(String, String)] = [
      ("Spec hash", m.specHash), ("qlift version", m.qliftVersion), ("Git commit", m.gitCommit ?? "unknown"),
      ("Seeds", m.seeds.map(String.init).joined(separator: ", ")), ("Machine", m.machine),
      ("Started", m.started), ("Finished", m.finished), ("Wall-clock", NumberText.seconds(m.seconds)),
      ("From cache", m.cached ? "yes" : "no"), ("Results format", "version \(r.formatVersion)"),
    ]
    page.rows("manifest", manifest, empty: "No manifest.") { row, kv in
      row.set("key", kv.0)
      if let cell = row.cell("value") { cell.append("code", text: kv.1) }
    }
    page.rows("regression", r.regressions, empty: "No accepted snapshot to compare with (qlift accept records one).") {
      row, c in
      row.set("name", c.name)
      let (accepted, actual, change) = Summary.printed(c)
      row.set("accepted", accepted)
      row.set("actual", actual)
      row.set("change", change)
      row.set("tolerance", "\u{00B1}" + NumberText.fixed(c.tolerance))
      if let cell = row.cell("status") {
        cell.append("span", ["class": c.tripped ? "tripped" : "passes"], text: c.tripped ? "regressed" : "within tolerance")
      }
    }
  }

  /// Links to the spec, the results JSON, junit.xml, the accepted snapshot and the previous run
  /// (its results file when kept; its date, commit and verdict from the history).
  static func linkList(_ links: ClaimLinks, _ r: ClaimResult, history: [HistoryEntry] = [], _ page: PageTemplate) {
    guard let slot = page.slot("links") else { return }
    // (label, link target, link text, text after the link); links do not wrap, the text after them does.
    var items: [(String, String?, String, String)] = [
      ("Spec file", links.spec, r.specFile, ""), ("Results JSON", links.results, "results/\(r.claim).json", ""),
      ("JUnit report", links.junit, "junit.xml", ""),
    ]
    if let snapshot = links.snapshot, !r.regressions.isEmpty {
      items.append(("Accepted snapshot", snapshot, "accepted/\(r.claim).json", ""))
    }
    let before = previousRun(r, history: history)
    if links.previous != nil || before != nil {
      let facts = before.map(describe) ?? ""
      if let file = links.previous {
        items.append(("Previous run", file, "results/previous/\(r.claim).json", facts.isEmpty ? "" : " (\(facts))"))
      } else {
        items.append(("Previous run", nil, "", facts + " (its results were not kept)"))
      }
    }
    for (i, item) in items.enumerated() {
      if i > 0 { slot.appendText(" \u{00B7} ") }
      slot.appendText(item.0 + " ")
      if let href = item.1 { slot.append("a", ["href": href], text: item.2) }
      if !item.3.isEmpty { slot.appendText(item.3) }
    }
  }

  /// The latest history entry of the claim finished before this result.
  static func previousRun(_ r: ClaimResult, history: [HistoryEntry]) -> HistoryEntry? {
    history.filter { $0.claim == r.claim && $0.date < r.manifest.finished }.max { $0.date < $1.date }
  }

  /// "2026-11-25 10:00, commit abc1234, supported".
  static func describe(_ e: HistoryEntry) -> String {
    let date = e.date.prefix(16).replacingOccurrences(of: "T", with: " ")
    return [date, e.gitCommit.map { "commit \($0.prefix(7))" }, e.verdict.rawValue].compactMap { $0 }.joined(separator: ", ")
  }

  static func facts(_ r: ClaimResult, _ page: PageTemplate) {
    let missing = r.facts.missing
    if !missing.isEmpty, let slot = page.slot("facts-warning") {
      let p = slot.append("p", ["class": "warning serious", "role": "alert"])
      p.append("strong", text: "Incomplete result: ")
      p.appendText("this claim does not report its \(missing.joined(separator: ", ")). "
        + "Without the encoding, backend, shots, baseline and runtime a reader cannot judge the claim.")
    }
    let facts: [(String, String?)] = [
      ("Encoding", r.facts.encoding), ("Backend", r.facts.backend), ("Shots", r.facts.shots),
      ("Baseline", r.facts.baseline), ("Runtime", r.facts.runtime),
    ]
    page.rows("fact", facts, empty: "") { row, fact in
      row.set("name", fact.0)
      guard let cell = row.cell("value") else { return }
      if let value = fact.1, !value.isEmpty {
        cell.appendText(value)
      } else {
        cell.append("span", ["class": "missing"], text: "\u{26A0} missing")
      }
    }
  }

  /// True for metrics where lower is better (a lift is the reference minus the model).
  static func lowerIsBetter(_ metric: String) -> Bool { ["log_loss", "rmse", "mae", "kl", "mmd", "tv"].contains(metric) }

  static func dataset(_ r: ClaimResult, _ page: PageTemplate) {
    guard let dl = page.slot("dataset") else { return }
    let d = r.dataset
    let items: [(String, String)] = [
      ("Source", d.source), ("Samples", NumberText.count(Double(d.samples))),
      r.task == "generative"
        ? ("Split", "\(d.trainSamples) training samples per seed, scored against the exact target")
        : ("Split", "\(d.trainSamples) train / \(d.testSamples) test per seed"),
      ("Features", d.features.isEmpty ? "not recorded" : "\(d.features.count): " + d.features.joined(separator: ", ")),
      r.task == "regression"
        ? ("Target", "real-valued (task regression; metric \(r.metric))")
        : r.task == "generative"
          ? ("Target", "a distribution over \(d.features.count)-bit strings (task generative; metric \(r.metric))")
          : ("Classes", d.classes.isEmpty ? "not recorded" : d.classes.joined(separator: ", ")),
      ("Preprocessing", d.preprocessing.isEmpty ? "none" : d.preprocessing.joined(separator: " \u{2192} ")
        + (r.task == "generative" ? "" : " (fitted on the training split)")),
    ]
    for (k, v) in items {
      dl.append("dt", text: k)
      dl.append("dd", text: v)
    }
  }

  /// How a claim's models were chosen: cross-validation, or the validation likelihood of a
  /// generative claim (its "CV score" column holds the validation negative log-likelihood).
  static func selection(_ r: ClaimResult) -> String {
    r.task == "generative" ? "validation likelihood" : "cross-validation"
  }

  static func results(_ r: ClaimResult, _ page: PageTemplate) {
    let scores = r.models.flatMap { m in m.backends.map { (m, $0) } }
    page.rows("score", scores, empty: "No quantum model results.") { row, pair in
      let (m, b) = pair
      if let cell = row.cell("model") {
        cell.append("strong", text: m.id)
        cell.append("span", ["class": "claim-title"], text: "\(ModelKindLabel.text(m)): \(m.description)")
        if let t = b.tuning { cell.append("span", ["class": "claim-title"], text: tuningText(t)) }
        // `trained_on` (a hardware backend's trained model) is not a tuned value: said apart.
        let trainedOn = Set((b.chosen ?? []).compactMap { $0["trained_on"]?.replacingOccurrences(of: " (simulator)", with: "") }).sorted()
        if !trainedOn.isEmpty {
          cell.append("span", ["class": "claim-title"],
                      text: "trained on the simulator backend \(trainedOn.joined(separator: ", ")); "
                        + (r.task == "generative" ? "only sampling on \(b.backend)" : "only its inference circuits ran on \(b.backend)"))
        }
        if let chosen = b.chosen?.map({ $0.filter { $0.key != "trained_on" } }), chosen.contains(where: { !$0.isEmpty }) {
          cell.append("span", ["class": "claim-title"], text: "chosen by \(selection(r)): " + chosenText(chosen))
        }
        if let slow = b.notConvergedSeeds, !slow.isEmpty {
          cell.append("span", ["class": "claim-title"],
                      text: "not converged at the iteration limit on seed\(slow.count == 1 ? "" : "s") \(slow.map(String.init).joined(separator: ", "))")
        }
      }
      row.set("backend", b.backend)
      row.set("mean", NumberText.fixed(b.summary.mean))
      row.set("interval", NumberText.interval(b.summary.low, b.summary.high) + " "
        + "\(Int((b.summary.confidence * 100).rounded()))% \(b.summary.method)")
      row.set("seeds", b.test.map { NumberText.fixed($0) }.joined(separator: ", "))
      row.set("failed", b.failedSeeds.isEmpty ? "none" : b.failedSeeds.map(String.init).joined(separator: ", "))
    }
    if r.task == "generative" {
      page.setText("baseline-chosen-head", "Chosen by validation likelihood")
      page.setText("baseline-cv-head", "Validation NLL")
    }
    page.rows("baseline", r.baselines, empty: "No classical baselines.") { row, b in
      if let cell = row.cell("model") {
        cell.append("strong", text: b.model)
        if b.model == r.bestBaseline { cell.append("span", ["class": "claim-title"], text: "best by \(selection(r))") }
        if let what = dequantizedNote(b.model) { cell.append("span", ["class": "claim-title"], text: what) }
      }
      row.set("chosen", chosenText(b.chosen) + (b.tuning.map { "; " + tuningText($0) } ?? ""))
      let cv = b.cvScore.filter(\.isFinite)
      row.set("cv", cv.isEmpty ? "n/a" : NumberText.fixed(cv.reduce(0, +) / Double(cv.count)))
      row.set("mean", NumberText.fixed(b.summary.mean))
      row.set("interval", NumberText.interval(b.summary.low, b.summary.high))
    }
    page.rows("lift", r.lifts, empty: "No lift computed.") { row, l in
      row.set("backend", l.backend)
      row.set("model", l.model)
      row.set("mean", Summary.lift(l.summary.mean, metric: r.metric))
      row.set("interval", NumberText.interval(l.summary.low, l.summary.high, signed: true))
      row.set("threshold", NumberText.signed(l.threshold))
      let p = l.reportedPValue
      row.set("p", p.isNaN ? "n/a" : (p < 0.001 ? "< 0.001" : NumberText.fixed(p)) + (l.pValueHolm != nil && (r.inference?.tests ?? 1) > 1 ? " (Holm)" : ""))
      if let cell = row.cell("verdict") {
        Summary.verdictBadge(l.verdict, in: cell)
        if l.threshold <= 0 && l.verdict != .error { cell.append("span", ["class": "claim-title"], text: l.verdict.label(threshold: l.threshold)) }
        if !l.decisive { cell.append("span", ["class": "claim-title"], text: "reported only: not named in the criteria") }
        if let why = l.inconclusiveReason { cell.append("span", ["class": "claim-title"], text: why) }
        if let note = l.powerNote { cell.append("span", ["class": "claim-title"], text: note) }
      }
    }
    method(r, page)
  }

  /// How the lift was inferred, in sentences a referee can check: the interval method, the
  /// multiple-test correction, the p-value's null, the baseline chosen in each seed and its scores.
  static func method(_ r: ClaimResult, _ page: PageTemplate) {
    guard let slot = page.slot("method") else { return }
    if let i = r.inference {
      slot.append("p", text: i.explanation)
      var test = "Each p-value is one-sided: it tests \"the mean lift is at most the threshold\" against the claim's direction, not against zero."
      if i.tests > 1 {
        test += " The \(i.tests) decisive backends are \(i.tests) tests: their p-values are Holm-adjusted and their intervals "
          + "use the Bonferroni-adjusted confidence \(NumberText.fixed(i.intervalConfidence * 100, 1))%, so all hold together."
      }
      slot.append("p", text: test)
      if let m = i.margin {
        slot.append("p", text: "A minimum lift at or below zero makes this a non-inferiority claim with margin \(NumberText.fixed(m)): "
          + "supported means the quantum model is at most \(NumberText.difference(m, metric: r.metric).replacingOccurrences(of: "+", with: "")) worse.")
      }
    }
    if let best = r.bestBaselinePerSeed, !best.isEmpty {
      var counts: [String: Int] = [:]
      for b in best { counts[b, default: 0] += 1 }
      let text = counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")
      slot.append("p", text: "Best baseline by \(selection(r)) in each seed: \(text).")
    }
    for l in r.lifts where l.decisive {
      if let ref = l.referenceScores, !ref.isEmpty {
        slot.append("p", text: "Reference scores per seed on \(l.backend) (\(l.reference ?? "reference")): "
          + ref.map { NumberText.fixed($0) }.joined(separator: ", ")
          + (ClaimPage.lowerIsBetter(r.metric) ? "; the lift is these minus the model's score (lower is better)." : "; the lift is the model's score minus these."))
      }
    }
  }

  /// What a dequantized or kernel-approximation baseline is, for a reader who does not know the name
  /// (baselines are listed by id, which is the model name unless the spec gives another).
  static func dequantizedNote(_ id: String) -> String? {
    if id.hasPrefix("rff_quantum") {
      return "dequantized: random Fourier features drawn from the quantum model's own frequency spectrum, with a linear model"
    }
    if id.hasPrefix("nystroem_rbf") { return "Nyström approximation of an RBF kernel, with a linear model" }
    return nil
  }

  /// A tuning budget in words: "tuned over 16 configurations, 5-fold CV, 2.3 s" (a generative
  /// model's single held-out split, recorded as 1 fold: "one held-out validation split").
  static func tuningText(_ t: TuningBudget) -> String {
    t.configurations <= 1 ? "not tuned" : "tuned over \(t.configurations) configurations, "
      + (t.folds == 1 ? "one held-out validation split, " : "\(t.folds)-fold CV, ") + "\(NumberText.fixed(t.seconds, 1)) s"
  }

  /// Chosen hyperparameters across seeds, identical sets merged: "C=10, gamma=scale (3 seeds)".
  static func chosenText(_ chosen: [[String: String]]) -> String {
    var order: [String] = []
    var counts: [String: Int] = [:]
    for params in chosen {
      let text = params.keys.sorted().map { "\($0)=\(params[$0]!)" }.joined(separator: ", ")
      let key = text.isEmpty ? "defaults" : text
      if counts[key] == nil { order.append(key) }
      counts[key, default: 0] += 1
    }
    if order.isEmpty { return "not recorded" }
    return order.map { "\($0) (\(counts[$0]!) seed\(counts[$0]! == 1 ? "" : "s"))" }.joined(separator: "; ")
  }

  static func cost(_ r: ClaimResult, _ page: PageTemplate) {
    let devices = BackendKinds.devices(r)
    func pair(_ a: Int, _ b: Int) -> String { a == b ? NumberText.integer(a) : "\(NumberText.integer(a)) (\(NumberText.integer(b)))" }
    page.rows("cost", r.costs, empty: "No cost recorded.") { row, c in
      row.set("model", c.model)
      row.set("backend", c.backend)
      row.set("qubits", NumberText.integer(c.qubits))
      // Device backends: the compiled native circuit decides the bounds; logical (routed) figures alongside.
      if let d = c.nativeDepth {
        row.set("depth", "\(NumberText.integer(d)) native (logical \(pair(c.depth, c.routedDepth)))")
      } else {
        row.set("depth", pair(c.depth, c.routedDepth))
      }
      if let g = c.nativeTwoQubitGates {
        let swaps = c.swaps.map { ", \(NumberText.integer($0)) swaps" } ?? ""
        row.set("gates", "\(NumberText.integer(g)) native\(swaps) (logical \(pair(c.twoQubitGates, c.routedTwoQubitGates)))")
      } else {
        row.set("gates", pair(c.twoQubitGates, c.routedTwoQubitGates))
      }
      row.set("encoding", "\(NumberText.integer(c.encodingDepth)) / \(NumberText.integer(c.encodingTwoQubitGates))")
      row.set("executions", NumberText.count(c.executions))
      row.set("shots", c.shots > 0 ? NumberText.count(c.shots) : "exact")
      row.set("price", BackendKinds.price(c, devices: devices))
      row.set("queue", BackendKinds.queue(c, devices: devices))
      row.set("seconds", NumberText.seconds(c.seconds))
    }
    page.rows("bound", r.costChecks, empty: "No cost bounds in the criteria.") { row, b in
      row.set("name", b.name)
      row.set("limit", BoundText.value(b.name, b.limit))
      row.set("actual", BoundText.value(b.name, b.actual))
      row.set("aggregate", BoundText.aggregateText(b.name))
      if let cell = row.cell("held") {
        cell.append("span", ["class": b.held ? "passes" : "fails"], text: b.held ? "\u{2713} held" : "\u{2717} exceeded")
      }
    }
  }

  static func diagnostics(_ r: ClaimResult, _ page: PageTemplate) {
    page.rows("diagnostic", r.diagnostics, empty: "No diagnostics recorded.") { row, d in
      row.set("name", d.name.replacingOccurrences(of: "_", with: " "))
      row.set("model", d.backend.map { "\(d.model) on \($0)" } ?? d.model)
      row.set("value", abs(d.value) < 1e-3 && d.value != 0 ? NumberText.trueMinus(String(format: "%.2e", d.value)) : NumberText.fixed(d.value))
      row.set("reading", d.reading)
    }
  }
}
