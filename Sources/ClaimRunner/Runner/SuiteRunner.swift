import ClaimSpec
import Foundation

/// Settings of `qlift verify` / `qlift run`.
public struct SuiteOptions: Sendable {
  /// The reports folder (results/, junit.xml, history.jsonl).
  public var out: URL
  /// Parallel jobs.
  public var jobs: Int
  /// Ignore cached results.
  public var fresh: Bool
  /// Print progress lines to stderr.
  public var progress: Bool
  /// Checked between claims and seeds; a requested stop ends the run with `Interrupted`.
  public var stop: StopRequest?

  /// Creates settings.
  public init(out: URL, jobs: Int, fresh: Bool = false, progress: Bool = true) {
    self.out = out; self.jobs = jobs; self.fresh = fresh; self.progress = progress
  }

  /// Creates settings with a stop request.
  public init(out: URL, jobs: Int, fresh: Bool = false, progress: Bool = true, stop: StopRequest?) {
    self.init(out: out, jobs: jobs, fresh: fresh, progress: progress)
    self.stop = stop
  }
}

/// Runs a set of loaded claims: reuses cached results of unchanged claims, runs the rest,
/// checks them against accepted snapshots, and writes results JSON, junit.xml and history.
public struct SuiteRunner: Sendable {
  /// Settings.
  public var options: SuiteOptions

  /// A suite runner.
  public init(options: SuiteOptions) { self.options = options }

  /// The hash of a claim's inputs, recorded in its manifest: the spec file, its data files and
  /// the qlift version. Imported hardware counts are checked against it.
  public static func specHash(_ claim: Claim) -> String { ContentHash.claim(claim) }

  /// The cache key of a claim's result: its spec hash, the qlift build that computes it (a
  /// rebuilt binary recomputes everything) and any imported hardware kernels of the claim.
  /// The device profiles the claim's backends use enter the key by value, so an edited profile
  /// (new noise figures, prices) recomputes the claim instead of serving a stale result.
  public static func cacheKey(_ claim: Claim, specHash: String, devices: [String: DeviceProfile] = [:]) -> String {
    var parts = [Data(specHash.utf8), Data(RunEnvironment.buildID.utf8)]
    for id in Set(claim.backends.compactMap(\.profileID)).sorted() {
      // Canonical (sorted) text: a profile's dictionaries (sources, per-qubit figures) iterate in a
      // different order in every process, which would give every run a new key.
      parts.append(Data("device \(id): \(devices[id].map { CanonicalText.of($0) } ?? "missing")".utf8))
    }
    for b in claim.backends where { if case .hardware = b.target { return true } else { return false } }() {
      parts.append(ContentHash.projectData(HardwareKernelStore.location(claim: claim, backend: b.id).url, claim) ?? Data())
    }
    return ContentHash.hex(parts)
  }

  /// The folder of accepted snapshots for a claim: `accepted/` beside its spec file.
  public static func acceptedFolder(for claim: Claim) -> URL {
    URL(fileURLWithPath: claim.file).deletingLastPathComponent().appendingPathComponent("accepted")
  }

  /// Runs every claim with one device catalog for all of them.
  public func run(_ claims: [Claim], devices: [String: DeviceProfile]) throws -> [ClaimResult] {
    try run(claims, profiles: { _ in devices })
  }

  /// Runs claims of a resolved spec set, each against the device profiles it resolved to.
  public func run(_ claims: [Claim], of set: SpecSet) throws -> [ClaimResult] {
    try run(claims, profiles: set.devices(for:))
  }

  /// Runs every claim (in order; each claim's seeds in parallel) and writes the outputs;
  /// `profiles` gives each claim's device profiles by id. A claim whose inputs fail at run time
  /// (data, counts, resources) is recorded with verdict `error` and its message in
  /// `input_error`, and the suite goes on with the other claims.
  public func run(_ claims: [Claim], profiles: (Claim) -> [String: DeviceProfile]) throws -> [ClaimResult] {
    let results = options.out.appendingPathComponent("results")
    try OutputFolder.prepare(options.out, subfolder: "results")
    let commit = RunEnvironment.gitCommit(in: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    var out: [ClaimResult] = []
    let reporter = options.progress ? ProgressReporter() : nil
    reporter?.start()
    defer { reporter?.stop() }
    for (i, claim) in claims.enumerated() {
      try options.stop?.check(finished: i)
      let hash = Self.specHash(claim)
      let file = results.appendingPathComponent(claim.id + ".json")
      var result: ClaimResult
      var damaged: String?
      var cached: ClaimResult?
      if !options.fresh {
        switch ResultsIntegrity.read(file) {
        case .missing: break
        case .valid(let r): cached = r
        case .corrupt(let why):
          // A file without a checksum is not damaged, only unverified: a note, not a result warning.
          let text = "cached results file \(file.path) \(why); recomputed"
          let legacy = why == ResultsIntegrity.noChecksum
          if !legacy { damaged = text }
          FileHandle.standardError.write(Data("\(legacy ? "note" : "warning"): \(text)\n".utf8))
        }
      }
      let key = Self.cacheKey(claim, specHash: hash, devices: profiles(claim))
      // A claim that could not run is never reused: what it lacked (a device profile, counts) may exist now.
      if let cached, cached.inputError == nil, cached.manifest.specHash == hash, cached.manifest.cacheKey == key,
        cached.formatVersion == ClaimResult.currentFormatVersion
      {
        result = cached
        result.manifest.cached = true
      } else {
        let bound = claim.criteria.cost.maxRuntimeSeconds
        reporter?.claimStarted(index: i + 1, total: claims.count, id: claim.id, seeds: claim.seeds.count, runtimeBound: bound)
        var progress: (@Sendable (String) -> Void)?
        if let reporter { progress = { _ in reporter.seedFinished() } }
        var runOptions = RunOptions(jobs: options.jobs, progress: progress, stop: options.stop)
        if let reporter { runOptions.iteration = { model, it, total in reporter.trainingIteration(model: model, it, of: total) } }
        let runner = ClaimRunner(devices: profiles(claim), options: runOptions)
        let started = Date()
        do {
          result = try runner.run(claim, specHash: hash, gitCommit: commit)
        } catch var e as Interrupted {
          e.finishedClaims = i
          throw e
        } catch {
          guard let message = InputFailure.message(error) else { throw error }
          FileHandle.standardError.write(Data("\(message)\n".utf8))
          result = InputFailure.result(claim: claim, message: message, specHash: hash, gitCommit: commit, started: started)
        }
        if let damaged { result.warnings.append(damaged) }
        result.manifest.cacheKey = key
      }
      if result.inputError == nil {
        do {
          result = try Self.checkRegressions(result, claim: claim)
        } catch {
          guard let message = InputFailure.message(error) else { throw error }
          FileHandle.standardError.write(Data("\(message)\n".utf8))
          result = InputFailure.result(claim: claim, message: message, specHash: hash, gitCommit: commit, started: Date())
          result.manifest.cacheKey = key
        }
      }
      // The result it replaces stays readable as the claim's previous run (linked from its page).
      if !result.manifest.cached { try PreviousRun.keep(file, in: options.out) }
      try ResultsIntegrity.write(result, to: file, in: options.out)
      if let reporter {
        if result.manifest.cached {
          reporter.claimStarted(index: i + 1, total: claims.count, id: claim.id, seeds: claim.seeds.count)
        }
        let note = result.manifest.cached ? " (cached)" : ""
        let outcome = result.inputError != nil ? "could not run (input error)" : result.passed ? "ok" : "FAIL"
        reporter.claimFinished(
          "\(claim.id): \(result.verdict.rawValue) (expected \(result.expected.rawValue))"
            + " \(outcome) \(String(format: "%.1f", result.manifest.seconds)) s\(note)", ran: !result.manifest.cached)
      }
      out.append(result)
    }
    // junit.xml lists every result kept in results/ (this run's, then earlier runs' other claims),
    // as index.html does, so the two never describe different sets.
    let kept = Self.keptResults(in: results, excluding: Set(out.map(\.claim)))
    try OutputFiles.write(Data(JUnitWriter.document(out + kept).utf8), to: options.out.appendingPathComponent("junit.xml"), in: options.out)
    try HistoryLog.append(out.filter { !$0.manifest.cached }, to: options.out)
    return out
  }

  /// The valid (checksummed) results in `folder` of claims not in `excluding`, by claim id.
  static func keptResults(in folder: URL, excluding: Set<String>) -> [ClaimResult] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
    return names.compactMap { name -> ClaimResult? in
      guard !excluding.contains(String(name.dropLast(5))),
        case .valid(let r) = ResultsIntegrity.read(folder.appendingPathComponent(name)), !excluding.contains(r.claim)
      else { return nil }
      return r
    }
  }

  /// Compares a result with its accepted snapshot (if any) and fails it when a number moved too far.
  public static func checkRegressions(_ r: ClaimResult, claim: Claim) throws -> ClaimResult {
    var result = r
    guard let snap = try SnapshotStore(folder: acceptedFolder(for: claim), root: claim.projectRoot).load(claim.id) else {
      result.regressions = []
      result.designWarning = nil
      return result
    }
    let tol = claim.criteria.regression
    result.regressions = snap.compare(with: result, liftDrop: tol.liftDrop, costRise: tol.costRise)
    result.designWarning = snap.designWarning(for: claim)
    if let w = result.designWarning { FileHandle.standardError.write(Data("warning: \(claim.id): \(w)\n".utf8)) }
    return result
  }

  /// The summary table printed after a run.
  public static func summaryTable(_ results: [ClaimResult]) -> String {
    var rows = [["claim", "verdict", "expected", "lift (mean [low, high]) per backend", "runtime", "build"]]
    for r in results {
      let lifts = r.lifts.map { "\($0.backend) \(fmt($0.summary.mean)) [\(fmt($0.summary.low)), \(fmt($0.summary.high))]" }
        .joined(separator: "; ")
      rows.append([r.claim, r.verdictLabel, r.expectedLabel, lifts,
                   String(format: "%.1f s", r.manifest.seconds), r.passed ? "pass" : "FAIL"])
    }
    let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max()! }
    var text = ""
    for (i, row) in rows.enumerated() {
      text += row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
        .joined(separator: "  ") + "\n"
      if i == 0 { text += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
    }
    let notes = results.flatMap { r in
      r.lifts.filter(\.decisive).compactMap { l in (l.powerNote ?? l.inconclusiveReason).map { "  \(r.claim) on \(l.backend): \($0)" } }
    }
    if !notes.isEmpty { text += "\nInconclusive lifts:\n" + notes.joined(separator: "\n") + "\n" }
    let refused = results.compactMap { r in r.inputError.map { "  \(r.claim): \($0)" } }
    if !refused.isEmpty { text += "\nCould not run (inputs refused at run time; recorded as error):\n" + refused.joined(separator: "\n") + "\n" }
    let s = SuiteSummary(results)
    text += "\n\(s[.supported]) supported, \(s[.refuted]) refuted, \(s[.inconclusive]) inconclusive, "
      + "\(s.errors) errors; \(s.failing) failing the build\n"
    return text
  }
}
