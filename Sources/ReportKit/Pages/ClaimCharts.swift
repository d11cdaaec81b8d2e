import ClaimSpec

/// The charts of a claim page, each in its slot with a caption; a plain note where there is no data.
enum ClaimCharts {
  static func fill(_ r: ClaimResult, history: [HistoryEntry], page: PageTemplate) {
    let colours = ModelColours(r)
    scatter(r, page.slot("scatter"))
    metric(r, colours, page.slot("metric-chart"))
    predictions(r, colours, page.slot("predictions"))
    lift(r, page.slot("lift-chart"))
    ladder(r, colours, page.slot("noise-ladder"))
    loss(r, colours, page.slot("loss-chart"))
    kernel(r, page.slot("kernel-heatmap"))
    costChart(r, colours, page.slot("cost-chart"))
    trend(r, colours, history: history, page.slot("trend"))
  }

  static func none(_ slot: MarkupElement, _ text: String) {
    slot.append("p", ["class": "none"], text: text)
  }

  static func caption(_ slot: MarkupElement, _ text: String) {
    slot.append("figcaption", text: text)
  }

  static func scatter(_ r: ClaimResult, _ slot: MarkupElement?) {
    guard let slot else { return }
    if let g = r.generative { return histogram(r, g, slot) }
    let d = r.dataset
    guard !d.scatter.isEmpty else { return none(slot, "No scatter points recorded.") }
    let axes = d.scatterAxes.count >= 2 ? d.scatterAxes : ["feature 1", "feature 2"]
    ScatterPlot(title: "Dataset: \(axes[0]) against \(axes[1])", points: d.scatter.map { ($0.x, $0.y, $0.label) },
                classes: d.classes, xLabel: axes[0], yLabel: axes[1]).render(into: slot, id: "chart-scatter")
    if r.task == "regression" {
      return caption(slot, "\(d.scatter.count) training points of \(d.source), the first two features (the target is real-valued).")
    }
    caption(slot, "\(d.scatter.count) points of \(d.source), one colour and shape per class.")
  }

  /// A generative claim's dataset figure: the target beside the best baseline and every Born
  /// machine (first backend), first seed.
  static func histogram(_ r: ClaimResult, _ g: GenerativeDistributions, _ slot: MarkupElement) {
    let colours = ModelColours(r)
    var series = [HistogramChart.Series(name: "target", probabilities: g.targetProbabilities)]
    if let best = g.models.first(where: { $0.backend == nil && $0.model == r.bestBaseline }) {
      series.append(.init(name: best.model, probabilities: best.probabilities))
    }
    var shown = Set<String>()
    for m in g.models where m.backend != nil && shown.insert(m.model).inserted {
      series.append(.init(name: "\(m.model) (\(m.backend ?? ""))", probabilities: m.probabilities))
    }
    var map: [String: String] = [:]
    for s in series.dropFirst() { map[s.name] = colours.colour(s.name.split(separator: " ").first.map(String.init) ?? s.name) }
    HistogramChart(title: "Model against target: \(g.target)", outcomes: g.outcomes, series: series, colours: map)
      .render(into: slot, id: "chart-histogram")
    caption(slot, "Probability of each bitstring (bit 0 rightmost) under the exact target, the best baseline by validation "
      + "likelihood and each Born machine on its first backend, first seed"
      + (r.dataset.testSamples > 0 ? ", models estimated from \(r.dataset.testSamples) samples" : ", exact model distributions")
      + ". Bitstrings shown: the target's support and any a model gives at least 1%.")
  }

  /// A regression claim's predicted-against-true chart: the lift model on its first backend and
  /// the seed's best baseline (the slot is removed for other claims).
  static func predictions(_ r: ClaimResult, _ colours: ModelColours, _ slot: MarkupElement?) {
    guard let slot else { return }
    guard let p = r.predictions else { return slot.remove() }
    let quantum = p.series.first { $0.role == "quantum" }
    let baseline = p.series.first { $0.role == "baseline" }
    let shown = [quantum, baseline].compactMap { $0 }
    guard !shown.isEmpty else { return none(slot, "No test predictions recorded.") }
    func name(_ s: PredictionSeries) -> String { s.backend.map { "\(s.model) (\($0))" } ?? "\(s.model) (best baseline)" }
    PredictionPlot(title: "Predicted against true, test split of seed \(p.seed)",
                   series: shown.map { .init(name: name($0), colour: colours.colour($0.model), truth: p.yTrue, predicted: $0.yPred) },
                   axisLabel: "target").render(into: slot, id: "chart-predictions")
    let others = p.series.count - shown.count
    caption(slot, "\(p.yTrue.count) test points of seed \(p.seed); a perfect model's points lie on the dashed line y = x."
      + (others > 0 ? " The predictions on the other \(others) backend(s) are in the results JSON (predictions)." : ""))
  }

  static func metric(_ r: ClaimResult, _ colours: ModelColours, _ slot: MarkupElement?) {
    guard let slot else { return }
    var groups: [IntervalBarChart.Group] = []
    if !r.baselines.isEmpty {
      groups.append(.init(label: "classical", bars: r.baselines.map {
        .init(series: $0.model, mean: $0.summary.mean, low: $0.summary.low, high: $0.summary.high)
      }))
    }
    var backends: [String] = []
    for m in r.models { for b in m.backends where !backends.contains(b.backend) { backends.append(b.backend) } }
    for backend in backends {
      let bars = r.models.compactMap { m in
        m.backends.first { $0.backend == backend }.map {
          IntervalBarChart.Bar(series: m.id, mean: $0.summary.mean, low: $0.summary.low, high: $0.summary.high)
        }
      }
      groups.append(.init(label: backend, bars: bars))
    }
    guard !groups.isEmpty else { return }  // the empty tables above already say so
    let values = groups.flatMap { $0.bars.flatMap { [$0.low, $0.high] } }.filter(\.isFinite)
    let unit = values.allSatisfy { $0 >= 0 && $0 <= 1 }
    IntervalBarChart(title: "Test \(r.metric) per model and backend", yLabel: r.metric, groups: groups,
                     yDomain: unit ? (0, 1) : nil, colours: colours.map).render(into: slot, id: "chart-metric")
    caption(slot, "Bars are means over seeds; whiskers are the confidence intervals.")
  }

  static func lift(_ r: ClaimResult, _ slot: MarkupElement?) {
    guard let slot else { return }
    guard let first = r.lifts.first else { return }  // the empty lift table already says so
    LiftChart(title: "Lift over \(LiftReference.name(r)) per backend",
              rows: r.lifts.map { .init(backend: $0.decisive ? $0.backend : "\($0.backend) (info)", mean: $0.summary.mean, low: $0.summary.low,
                                        high: $0.summary.high, verdict: $0.verdict.rawValue) },
              threshold: first.threshold, xLabel: LiftReference.axisLabel(r)).render(into: slot, id: "chart-lift")
    caption(slot, "A backend supports the claim when its whole interval lies right of the dashed threshold.")
  }

  static func ladder(_ r: ClaimResult, _ colours: ModelColours, _ slot: MarkupElement?) {
    guard let slot else { return }
    var steps: [String] = []
    for m in r.models { for b in m.backends where !steps.contains(b.backend) { steps.append(b.backend) } }
    guard !steps.isEmpty else { return none(slot, "No quantum model results.") }
    let lines = r.models.map { m in
      NoiseLadder.Line(model: m.id, steps: steps.map { s in
        m.backends.first { $0.backend == s }.map { .init(mean: $0.summary.mean, low: $0.summary.low, high: $0.summary.high) }
      })
    }
    let best = r.baselines.first { $0.model == r.bestBaseline }
    var map = colours.map
    if let best { map["best baseline (\(best.model))"] = colours.colour(best.model) }
    // A mitigated backend is its own rung (ideal → noisy → noisy + mitigation), named as such.
    let notes: [String?] = steps.map { s in
      r.costs.first { $0.backend == s && $0.mitigation != nil }?.mitigation.map { "mitigated: " + $0.replacingOccurrences(of: "+", with: " + ") }
    }
    var frame = ChartFrame(width: 640, height: 300)
    if notes.contains(where: { $0 != nil }) { frame.bottom += 14 }
    NoiseLadder(title: "\(r.metric) from ideal simulation to device", yLabel: r.metric, steps: steps, stepNotes: notes,
                lines: lines, baseline: best.map { ("best baseline (\($0.model))", $0.summary.mean) }, colours: map, frame: frame)
      .render(into: slot, id: "chart-ladder")
    caption(slot, "Backends in the spec's order (ideal, shots, noise model, device; a mitigated backend is marked under its name). "
      + "How much of the lift survives each step down the ladder.")
  }

  static func loss(_ r: ClaimResult, _ colours: ModelColours, _ slot: MarkupElement?) {
    guard let slot else { return }
    let curves = r.curves.filter { !$0.loss.isEmpty }
    guard !curves.isEmpty else { return none(slot, "No training curves: no variational model was trained.") }
    func name(_ c: TrainingCurve) -> String { "\(c.model) on \(c.backend) (seed \(c.seed))" }
    var map: [String: String] = [:]
    for c in curves { map[name(c)] = colours.colour(c.model) }
    LineChart(title: "Training loss", xLabel: "iteration", yLabel: "loss",
              series: curves.map { c in
                .init(name: name(c), points: c.loss.enumerated().map { (Double($0.offset), $0.element) })
              }, colours: map).render(into: slot, id: "chart-loss")
    caption(slot, "Loss per optimiser iteration on the training split, first seed.")
  }

  static func kernel(_ r: ClaimResult, _ slot: MarkupElement?) {
    guard let slot else { return }
    guard let k = r.kernel, !k.values.isEmpty else { return none(slot, "No kernel matrix recorded.") }
    let shown = Heatmap.subsampled(k.values, labels: k.labels)
    Heatmap(title: "Kernel matrix of \(k.model) on \(k.backend)", values: shown.values, labels: shown.labels,
            classNames: r.dataset.classes)
      .render(into: slot, id: "chart-kernel")
    if r.task == "regression" {
      return caption(slot, "Training kernel, rows and columns in training order"
        + (shown.stride > 1 ? ", every \(shown.stride)th of \(k.values.count) rows and columns shown" : "") + ". "
        + "Uniformly light off the diagonal means concentration.")
    }
    caption(slot, "Training kernel, rows and columns ordered by class (lines mark class boundaries)"
      + (shown.stride > 1 ? ", every \(shown.stride)th of \(k.values.count) rows and columns shown" : "") + ". "
      + "A useful kernel is dark within classes and light across them; uniformly light means concentration.")
  }

  static func costChart(_ r: ClaimResult, _ colours: ModelColours, _ slot: MarkupElement?) {
    guard let slot else { return }
    var seen: Set<String> = []
    let perModel = r.costs.filter { seen.insert($0.model).inserted }
    guard !perModel.isEmpty else { return none(slot, "No cost recorded.") }
    let parts = ["data loading (encoding)", "trainable / rest"]
    func routed(_ value: (CostRecord) -> Int) -> [String: Double] {
      var out: [String: Double] = [:]
      for c in r.costs { out[c.model] = max(out[c.model] ?? 0, Double(value(c))) }
      return out
    }
    func limit(_ name: String) -> (value: Double, label: String)? {
      r.costChecks.first { $0.name == name }.map { ($0.limit, "limit \(BoundText.value(name, $0.limit))") }
    }
    StackedBarChart(title: "Circuit depth: data loading vs the rest", xLabel: "depth (before routing)", parts: parts,
                    bars: perModel.map { .init(label: $0.model, values: [Double($0.encodingDepth),
                                                                         Double(max($0.depth - $0.encodingDepth, 0))]) },
                    limit: limit("max_depth"), colours: colours.map,
                    marks: r.costs.contains { $0.routedDepth != $0.depth } ? routed(\.routedDepth) : [:])
      .render(into: slot, id: "chart-cost-depth")
    StackedBarChart(title: "Two-qubit gates: data loading vs the rest", xLabel: "two-qubit gates (before routing)",
                    parts: parts,
                    bars: perModel.map { .init(label: $0.model, values: [Double($0.encodingTwoQubitGates),
                                                                         Double(max($0.twoQubitGates - $0.encodingTwoQubitGates, 0))]) },
                    limit: limit("max_two_qubit_gates"), colours: colours.map,
                    marks: r.costs.contains { $0.routedTwoQubitGates != $0.twoQubitGates } ? routed(\.routedTwoQubitGates) : [:])
      .render(into: slot, id: "chart-cost-gates")
    caption(slot, "How much of each circuit only loads the data (solid) against the rest (light), in each model's colour; "
      + "the diamond marks the worst total after routing to a device, which the dashed limit of the criteria applies to. "
      + "Executions, shots and price per backend are in the table above.")
  }

  /// A run's x-axis label: its date, or its month, day and time when several runs share a day.
  static func tickLabel(_ e: HistoryEntry, sameDay: Bool) -> String {
    guard sameDay, e.date.count >= 16 else { return String(e.date.prefix(10)) }
    let d = Array(e.date)
    return String(d[5..<10]) + " " + String(d[11..<16])
  }

  static func trend(_ r: ClaimResult, _ colours: ModelColours, history: [HistoryEntry], _ slot: MarkupElement?) {
    guard let slot else { return }
    let entries = history.filter { $0.claim == r.claim }.sorted { $0.date < $1.date }
    guard entries.count >= 2 else {
      return none(slot, "Not enough history for a trend yet (\(entries.count) run\(entries.count == 1 ? "" : "s") recorded).")
    }
    var backends: [String] = r.lifts.map(\.backend)
    for e in entries { for k in e.lift.keys.sorted() where !backends.contains(k) { backends.append(k) } }
    let series = backends.map { b in
      let runs = entries.enumerated().filter { $0.element.lift[b] != nil }
      return LineChart.Series(
        name: "lift on \(b)", points: runs.map { (Double($0.offset), $0.element.lift[b]!) },
        bands: runs.map { _, e in e.interval?[b].flatMap { $0.count == 2 ? (low: $0[0], high: $0[1]) : nil } },
        notes: runs.map { _, e in ClaimPage.describe(e) })
    }.filter { !$0.points.isEmpty }
    guard !series.isEmpty else { return none(slot, "The history holds no lift values for this claim.") }
    let threshold = r.lifts.first.map { (value: $0.threshold, label: "threshold \(NumberText.signed($0.threshold))") }
    let days = entries.map { $0.date.prefix(10) }
    let sameDay = Set(days).count < days.count
    var map: [String: String] = [:]
    for (i, s) in series.enumerated() { map[s.name] = colours.other(i) }
    LineChart(title: "Headline lift over the last \(entries.count) runs", xLabel: "run",
              yLabel: LiftReference.axisLabel(r), series: series, reference: threshold,
              xTickLabels: entries.enumerated().map { i, e in (Double(i), tickLabel(e, sameDay: sameDay) + (e.gitCommit.map { "\n" + $0.prefix(7) } ?? "")) },
              colours: map,
              frame: ChartFrame(width: 640, height: 312, bottom: entries.contains { $0.gitCommit != nil } ? 52 : 40))
      .render(into: slot, id: "chart-trend")
    let withIntervals = entries.contains { $0.interval?.isEmpty == false }
    caption(slot, "Mean lift per backend after each recorded run (reports/history.jsonl), runs under their date "
      + "and, when known, their commit (every point's date, commit and verdict are in its tooltip). "
      + (withIntervals
        ? "Bars show each run's interval; runs recorded before intervals were kept show the mean only."
        : "These runs were recorded before intervals were kept, so only means are drawn."))
  }
}
