import ClaimSpec

/// One colour per model across every chart of a claim page (quantum models first, then the
/// baselines, in result order), none of them a verdict colour; other series take the colours after.
struct ModelColours {
  /// Model id → colour.
  let map: [String: String]
  /// How many palette colours the models took.
  let used: Int

  /// The colours of a claim's models.
  init(_ r: ClaimResult) {
    var names: [String] = []
    for m in r.models where !names.contains(m.id) { names.append(m.id) }
    for b in r.baselines where !names.contains(b.model) { names.append(b.model) }
    for c in r.costs where !names.contains(c.model) { names.append(c.model) }
    var map: [String: String] = [:]
    for (i, name) in names.enumerated() { map[name] = Palette.series(i) }
    self.map = map
    self.used = names.count
  }

  /// The colour of `model` (black for an unknown one).
  func colour(_ model: String) -> String { map[model] ?? Palette.black }

  /// The colour of the `index`-th series that is not a model (e.g. a backend's trend line).
  func other(_ index: Int) -> String { Palette.series(used + index) }
}
