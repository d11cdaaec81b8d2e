import ClaimSpec

/// Headline numbers of a claim shared by the index and the claim page.
enum Summary {
  /// "N supported, N refuted, N inconclusive, N failing the build" (plus errors when any).
  static func line(_ results: [ClaimResult]) -> String { SuiteSummary(results).line }

  /// "8 qubits · depth 42 · 1,228,800 shots · $12.40": the largest circuit, summed shots and price.
  static func cost(_ result: ClaimResult) -> String {
    costParts(result).joined(separator: " \u{00B7} ")
  }

  /// The parts of `cost`: qubits, routed depth, shots, and the price on devices ("not priced" when
  /// no device profile has prices; left out for simulator-only claims); or "not recorded".
  static func costParts(_ result: ClaimResult) -> [String] {
    guard !result.costs.isEmpty else { return ["not recorded"] }
    let qubits = result.costs.map(\.qubits).max() ?? 0
    let depth = result.costs.map(\.routedDepth).max() ?? 0
    let shots = result.costs.map(\.shots).reduce(0, +)
    var parts = ["\(NumberText.integer(qubits)) qubits", "depth \(NumberText.integer(depth))",
                 shots > 0 ? NumberText.count(shots) + " shots" : "exact (no shots)"]
    if let price = BackendKinds.totalPrice(result) { parts.append(price) }
    return parts
  }

  /// A lift as a signed value and in points: "+0.261 (+26.1 points)".
  static func lift(_ v: Double) -> String {
    v.isFinite ? "\(NumberText.signed(v)) (\(NumberText.points(v)))" : "n/a"
  }

  /// A lift of `metric`: in points for scores in [0, 1], plain for rmse and mae (the target's units).
  static func lift(_ v: Double, metric: String) -> String {
    guard NumberText.unitless(metric) else { return lift(v) }
    return v.isFinite ? NumberText.signed(v) : "n/a"
  }

  /// Appends a verdict badge span to `parent`.
  static func verdictBadge(_ verdict: Verdict, in parent: MarkupElement) {
    parent.append("span", ["class": "badge \(verdict.rawValue)"], text: verdict.rawValue)
  }

  /// Appends "passes" or "fails the build" to `parent`.
  static func buildStatus(_ result: ClaimResult, in parent: MarkupElement) {
    if result.passed {
      parent.append("span", ["class": "passes"], text: "\u{2713} passes")
    } else {
      parent.append("span", ["class": "fails"], text: "\u{2717} fails the build")
    }
  }

  /// "lift ideal: 0.120 → 0.105 (−0.015)" for a snapshot comparison; costs in their bound's unit
  /// ("cost max_depth: 20 → 24 (+4)").
  static func moved(_ r: RegressionCheck) -> String {
    let (accepted, actual, change) = printed(r)
    return "\(r.name): \(accepted) \u{2192} \(actual) (\(change))"
  }

  /// The accepted value, today's value and the change as printed.
  static func printed(_ r: RegressionCheck) -> (String, String, String) {
    guard r.name.hasPrefix("cost ") else {
      return (NumberText.fixed(r.accepted), NumberText.fixed(r.actual), NumberText.signed(r.actual - r.accepted))
    }
    let bound = String(r.name.dropFirst(5))
    let delta = r.actual - r.accepted
    let sign = delta > 0 ? "+" : (delta < 0 ? NumberText.minus : "")
    return (BoundText.value(bound, r.accepted), BoundText.value(bound, r.actual), sign + BoundText.value(bound, abs(delta)))
  }

  /// True when a snapshot number tripped or moved in its printed form.
  static func visiblyMoved(_ r: RegressionCheck) -> Bool {
    let (accepted, actual, _) = printed(r)
    return r.tripped || accepted != actual
  }
}
