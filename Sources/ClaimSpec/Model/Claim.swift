import Foundation

/// One claim: a hypothesis about quantum lift over tuned classical baselines, with its data,
/// models, backends, seeds and pass criteria, as loaded and validated from a spec file.
public struct Claim: Sendable, Equatable {
  /// The claim id (key `claim`), a safe id `[a-z0-9][a-z0-9_-]*` (it becomes a file name).
  public var id: String
  /// One-line title.
  public var title: String
  /// What the models learn (key `task`, default `classification`).
  public var task: ClaimTask
  /// The hypothesis in prose (empty when the spec omits it).
  public var hypothesis: String
  /// Where the data comes from and how it is preprocessed.
  public var dataset: DatasetSpec
  /// Quantum models under test, in spec order.
  public var quantum: [QuantumModelSpec]
  /// Classical baselines, in spec order.
  public var baselines: [BaselineSpec]
  /// Backends every quantum model runs on, in spec order.
  public var backends: [BackendSpec]
  /// Seeds; every random choice flows from them (default `[1, 2, 3, 4, 5]`).
  public var seeds: [Int]
  /// Pass criteria: metric, lift, cost bounds, regression tolerances.
  public var criteria: Criteria
  /// The verdict the spec expects (default `supported`).
  public var expect: ExpectedVerdict
  /// The spec file path as given to the loader (used in messages).
  public var file: String
  /// The project folder the spec's relative paths are confined to.
  public var projectRoot: URL?
  /// The generative comparison (`task: generative`): target, Born machines and generative
  /// baselines; nil for other tasks. Such a claim's `quantum` and `baselines` are empty and its
  /// `dataset` only names the target (`GenerativeSpec.dataset`).
  public var generative: GenerativeSpec?
  /// Source locations of every field, keyed by field path (e.g. `quantum[0].encoding.reps`).
  public var locations: SourceMap

  /// Creates a claim; normally produced by `SpecLoader`.
  public init(
    id: String, title: String, hypothesis: String = "", dataset: DatasetSpec,
    quantum: [QuantumModelSpec], baselines: [BaselineSpec], backends: [BackendSpec],
    seeds: [Int] = [1, 2, 3, 4, 5], criteria: Criteria, expect: ExpectedVerdict = .supported,
    file: String = "<memory>", projectRoot: URL? = nil, locations: SourceMap = SourceMap(),
    task: ClaimTask = .classification
  ) {
    self.task = task
    self.id = id; self.title = title; self.hypothesis = hypothesis; self.dataset = dataset
    self.quantum = quantum; self.baselines = baselines; self.backends = backends
    self.seeds = seeds; self.criteria = criteria; self.expect = expect
    self.file = file; self.projectRoot = projectRoot; self.locations = locations
  }

  /// The location of a field, falling back to its nearest located parent, then to line 1.
  public func location(of field: String) -> SourceLocation {
    locations.nearest(field) ?? SourceLocation(file: file, line: 1, column: 1)
  }

  /// The backend with this id, if any.
  public func backend(id: String) -> BackendSpec? { backends.first { $0.id == id } }

  /// The baseline with this id, if any.
  public func baseline(id: String) -> BaselineSpec? { baselines.first { $0.id == id } }
}

/// The verdict a spec expects (key `expect`): a claim whose verdict differs fails the build.
public enum ExpectedVerdict: String, Sendable, Equatable, CaseIterable, Codable {
  /// The quantum model must clear the lift and cost bars.
  case supported
  /// A tracked negative result (like xfail): the claim must be refuted.
  case refuted
  /// The evidence is expected to be undecided.
  case inconclusive
}

/// Field path -> source location map carried by a loaded claim.
public struct SourceMap: Sendable, Equatable {
  /// Locations keyed by field path (`dataset.test_fraction`, `baselines[1].grid.C`).
  public var entries: [String: SourceLocation]

  /// Creates a map.
  public init(_ entries: [String: SourceLocation] = [:]) { self.entries = entries }

  /// The exact location of a field path, if recorded.
  public subscript(field: String) -> SourceLocation? { entries[field] }

  /// The location of the field or of its nearest recorded ancestor path.
  public func nearest(_ field: String) -> SourceLocation? {
    var path = field
    while true {
      if let hit = entries[path] { return hit }
      guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return entries[""] }
      path = String(path[..<cut])
    }
  }
}
