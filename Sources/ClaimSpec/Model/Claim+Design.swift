/// The design of a claim as canonical text: everything that decides its numbers (data, models,
/// baselines, backends, criteria) and nothing that does not (title, hypothesis, seeds, `expect`,
/// regression tolerances, file paths on this machine). Two specs with the same design text run
/// the same experiment; `qlift accept` records its hash to tell a design changed after its
/// results were seen.
extension Claim {
  /// The version of `designText`'s format: bump it whenever a spec type gains a field (its text
  /// changes although no design did), so snapshots of an older format are not read as a design change.
  public static let designVersion = 3

  /// Canonical text of the design (dictionary keys sorted, so it is the same in every process).
  public var designText: String {
    var lines: [String] = []
    if task != .classification { lines.append("task \(task.rawValue)") }
    if let g = generative { lines.append("generative " + String(reflecting: g)) }
    switch dataset.source {
    case .generator(let g):
      lines.append("generator \(g.name) samples \(g.samples) " + g.params.keys.sorted().map { "\($0)=\(g.params[$0]!)" }.joined(separator: " "))
    case .csv(let f, let target, let features):
      lines.append("csv \(f.path) target \(target) features \(features ?? [])")
    case .trainTest(let a, let b, let target, let features):
      lines.append("train \(a.path) test \(b.path) target \(target) features \(features ?? [])")
    }
    lines.append("test_fraction \(dataset.testFraction) preprocess \(String(reflecting: dataset.preprocess))")
    for m in quantum { lines.append("quantum " + String(reflecting: m)) }
    for b in baselines {
      let grid = b.grid.keys.sorted().map { "\($0)=\(b.grid[$0]!.map(\.description))" }.joined(separator: " ")
      lines.append("baseline \(b.id) \(b.model.rawValue) scale \(b.scale.rawValue) of \(b.of ?? "-") \(grid)")
    }
    for b in backends { lines.append("backend " + String(reflecting: b)) }
    lines.append("metric \(criteria.metric.rawValue) lift \(String(reflecting: criteria.lift)) cost \(String(reflecting: criteria.cost))")
    return lines.joined(separator: "\n")
  }
}
