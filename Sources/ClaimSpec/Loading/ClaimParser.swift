import Foundation
import Yams

/// Builds a `Claim` from a composed node tree, validating as it walks (see `SpecLoader`).
final class _ClaimParser {
  let r: _NodeReader
  let paths: ProjectPaths?
  /// The claim's task (read first: it decides defaults and what the other keys may say).
  var task = ClaimTask.classification

  init(reader: _NodeReader, paths: ProjectPaths?) {
    self.r = reader; self.paths = paths
  }

  static let topKeys = [
    "claim", "title", "task", "hypothesis", "dataset", "quantum", "baselines", "backends", "seeds", "criteria", "expect",
  ]

  /// The claim, or nil when any error was recorded.
  func parseClaim(_ root: Node) -> Claim? {
    r.record("", root)
    guard let f = r.mapping(root, "", allowed: Self.topKeys, what: "a mapping of spec keys (claim, title, dataset, ...)") else {
      return nil
    }
    let id = required("claim", in: f) { self.r.safeID($0, "claim") }
    let title = required("title", in: f) { self.r.string($0, "title", acceptNumbers: true) }
    let hypothesis = f["hypothesis"].flatMap { r.string($0, "hypothesis", acceptNumbers: true) } ?? ""
    if let t = f["task"], let x = r.choice(t, "task", ClaimTask.self, what: "task") { task = x }
    if task == .generative { return parseGenerativeClaim(f, id: id, title: title, hypothesis: hypothesis) }
    let dataset = required("dataset", in: f) { self.parseDataset($0) }
    let quantum = required("quantum", in: f, why: " (the quantum models and their encodings)") {
      self.parseQuantumList($0, dataset: dataset)
    }
    let baselines = required("baselines", in: f, why: " (every claim names its classical baselines)") {
      self.parseBaselines($0, quantum: quantum)
    }
    let backends = required("backends", in: f, why: " (every claim names the backends it ran on)") {
      self.parseBackends($0)
    }
    if let quantum, let backends { checkMitigation(backends, quantum: quantum) }
    var seeds: [Int]? = [1, 2, 3, 4, 5]
    if let s = f["seeds"] { seeds = parseSeeds(s) }
    let criteria = required("criteria", in: f) {
      self.parseCriteria($0, baselines: baselines ?? [], backends: backends ?? [], quantum: quantum ?? [])
    }
    var expect: ExpectedVerdict? = .supported
    if let e = f["expect"] { expect = r.choice(e, "expect", ExpectedVerdict.self, what: "verdict") }
    checkTask(dataset: dataset, quantum: quantum, baselines: baselines, criteria: criteria)

    guard r.errors.isEmpty, let id, let title, let dataset, let quantum, let baselines, let backends,
      let seeds, let criteria, let expect
    else { return nil }
    return Claim(
      id: id, title: title, hypothesis: hypothesis, dataset: dataset, quantum: quantum, baselines: baselines,
      backends: backends, seeds: seeds, criteria: criteria, expect: expect, file: r.file,
      projectRoot: paths?.root, locations: SourceMap(r.locations), task: task)
  }

  /// Reads a required key, reporting it missing.
  func required<T>(_ key: String, in f: _Fields, why: String = "", _ read: (Node) -> T?) -> T? {
    guard let node = f[key] else { r.missing(key, in: f, why: why); return nil }
    return read(node)
  }

  // MARK: - Seeds

  func parseSeeds(_ node: Node) -> [Int]? {
    guard let items = r.list(node, "seeds", single: true) else { return nil }
    if items.count > 1000 { r.fail(node, "seeds", "expected at most 1000 seeds, found \(items.count)", .outOfRange) }
    var seen = Set<Int>()
    var out: [Int] = []
    for (i, item) in items.enumerated() {
      guard let s = r.int(item, "seeds[\(i)]", .closed(0, 2_147_483_647)) else { continue }
      if !seen.insert(s).inserted {
        r.fail(item, "seeds[\(i)]", "duplicate seed \(s); each seed must be different", .duplicateKey)
      }
      out.append(s)
    }
    return out.count == items.count ? out : nil
  }

  // MARK: - Paths

  func dataFile(_ node: Node, _ path: String) -> DataFile? {
    guard let p = r.string(node, path, acceptNumbers: true) else { return nil }
    guard let paths else {
      return DataFile(path: p, url: URL(fileURLWithPath: p))
    }
    switch paths.resolve(p) {
    case .success(let url): return DataFile(path: p, url: url)
    case .failure(let problem):
      r.fail(node, path, "'\(p)': \(problem)", .pathEscapesProject)
      return nil
    }
  }
}
