import ArgumentParser
import ClaimRunner
import ClaimSpec
import Foundation
import QMLKit

/// Options shared by the commands that run claims.
struct RunFlags: ParsableArguments {
  @Option(name: .long, help: "Reports folder (results/, junit.xml, history.jsonl, HTML).")
  var out: String = "reports"

  @Option(name: .long, help: "Parallel jobs (default: the number of cores). Results do not depend on it.")
  var jobs: Int?

  /// `--jobs`, or the number of cores.
  var jobCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

  @Flag(name: .long, help: "Ignore cached results and run every claim again.")
  var fresh = false

  @Flag(name: .long, help: "Do not render the HTML report.")
  var noReport = false

  @Option(
    name: .long,
    help: "Run only shard K of N (e.g. 2/8), balanced by recorded runtimes; combine with 'qlift merge'. 'auto' reads K and N from the CI engine (GitHub matrix via QLIFT_SHARD_INDEX/COUNT, GitLab, Slurm, Kubernetes; docs/SCALE.md).")
  var shard: String?
}

/// Resolves spec paths once (claims, device profiles, data files); prints every problem and
/// throws bad input when any. Lint warnings are printed and do not stop the run.
func resolveSpecs(_ paths: [String]) throws -> SpecSet {
  let set = SpecSet.resolve(paths: paths)
  for w in set.warnings { printError(w.description) }
  if !set.isClean {
    for e in set.errors { printError(e.description) }
    throw CommandError.badInput("\(set.errors.count) problem(s) in the specs; nothing was run")
  }
  return set
}

/// Runs claims of a resolved set with the suite runner, renders the report and prints the
/// summary. Throws bad input (exit 2) when a claim could not run because of its inputs (it is
/// recorded as `error` and the others run); callers throw `CommandError.claimsFailed` when a claim failed.
func runSuite(_ claims: [Claim], of set: SpecSet, flags: RunFlags, fresh: Bool) throws -> [ClaimResult] {
  let options = try suiteOptions(flags, fresh: fresh)
  let lock = try lockReports(options.out)
  defer { lock.release() }
  let results = try SuiteRunner(options: options).run(claims, of: set)
  if !flags.noReport { try renderReport(in: options.out) }
  print(SuiteRunner.summaryTable(results), terminator: "")
  try throwOnInputErrors(results)
  return results
}

/// The suite settings of a running command, with a stop request wired to SIGINT and SIGTERM.
/// - Throws: bad input (exit 2) for `--jobs` below 1.
func suiteOptions(_ flags: RunFlags, fresh: Bool) throws -> SuiteOptions {
  guard flags.jobCount >= 1 else { throw CommandError.badInput("error: --jobs must be at least 1") }
  let stop = StopRequest()
  InterruptHandler.install(stop)
  return SuiteOptions(out: URL(fileURLWithPath: flags.out), jobs: flags.jobCount, fresh: fresh, stop: stop)
}

/// Bad input (exit 2) when any claim could not run because its inputs were refused at run time.
func throwOnInputErrors(_ results: [ClaimResult]) throws {
  let refused = results.filter { $0.inputError != nil }.map(\.claim)
  guard !refused.isEmpty else { return }
  throw CommandError.badInput(
    "error: \(refused.count) claim(s) could not run because of their inputs (recorded as error): \(refused.joined(separator: ", "))")
}

/// Creates the reports folder when missing and takes its lock (`OutputLock`) for the rest of the
/// command: a second qlift writing into the same folder stops with exit 2 naming the holder.
func lockReports(_ out: URL) throws -> OutputLock {
  try OutputFolder.prepare(out, subfolder: "results")
  return try OutputLock.acquire(out)
}

/// Writes a line to standard error.
func printError(_ s: String) {
  FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
}

/// `qlift verify`: every claim in the given spec files and folders.
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Run every claim and fail (exit 1) when a verdict differs from its expectation or a number regressed.",
    discussion: "Exit codes: 0 all claims as expected; 1 a claim failed; 2 bad input (a claim whose inputs fail at run time is recorded as error, the others still run); 3 internal error.")

  @Argument(help: "Spec files or folders.")
  var paths: [String] = ["specs"]

  @OptionGroup var flags: RunFlags

  @Option(
    name: .long,
    help: "What --shard splits: 'cell' (each seed's baselines and each backend of each seed of each claim; the default) or 'claim' (whole claims). Cell shards write cells/ for 'qlift merge --specs'.")
  var shardBy: String = "cell"

  func run() throws {
    let set = try resolveSpecs(paths)
    var claims = set.claims
    guard let text = flags.shard else {
      let results = try runSuite(claims, of: set, flags: flags, fresh: flags.fresh)
      if !results.allSatisfy(\.passed) { throw CommandError.claimsFailed }
      return
    }
    guard shardBy == "cell" || shardBy == "claim" else {
      throw CommandError.badInput("error: --shard-by: expected cell or claim, got '\(shardBy)'")
    }
    let shard: Shard
    if text == "auto" {
      do {
        let found = try ShardEnvironment.shard(from: ProcessInfo.processInfo.environment)
        shard = found.shard
        printError("shard \(shard) from the \(found.engine)")
      } catch { throw CommandError.badInput("error: \(error)") }
    } else {
      guard let s = Shard(text) else {
        throw CommandError.badInput("error: --shard: expected K/N with 1 <= K <= N, or auto, got '\(text)'")
      }
      shard = s
    }
    if shardBy == "cell" { return try runCells(claims, of: set, shard: shard) }
    claims = shard.select(claims, runtimes: ShardMerger.recordedRuntimes(in: URL(fileURLWithPath: flags.out)))
    printError("shard \(shard): \(claims.count) claim(s): \(claims.map(\.id).joined(separator: ", "))")
    if claims.isEmpty { return }
    let results = try runSuite(claims, of: set, flags: flags, fresh: flags.fresh)
    if !results.allSatisfy(\.passed) { throw CommandError.claimsFailed }
  }

  /// Runs this shard's cells into `--out`/cells; the verdicts come from 'qlift merge'. Exit 0
  /// when every cell of the shard was written (a refused claim is reported by the merge).
  func runCells(_ claims: [Claim], of set: SpecSet, shard: Shard) throws {
    let options = try suiteOptions(flags, fresh: flags.fresh)
    let out = options.out
    let lock = try lockReports(out)
    defer { lock.release() }
    let summary = try CellShardRunner(options: options).run(claims, of: set, shard: shard)
    for r in summary.refused { printError("note: \(r.claim): its inputs were refused; 'qlift merge' records it as error: \(r.message)") }
    let claimCount = Set(summary.cells.map(\.claim)).count
    print("shard \(shard): \(summary.cells.count) cell(s) of \(claimCount) claim(s): \(summary.ran) run, \(summary.reused) reused; "
      + "written to \(out.appendingPathComponent("cells").path); combine the shards with 'qlift merge <folders> --specs <specs>'")
  }
}

/// `qlift merge`: combine the reports folders of shard runs into one.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Combine shard reports folders into one report and junit.xml, with the exit code of a single run.")

  @Argument(help: "Reports folders written by 'qlift verify --shard K/N' (cells/ or results/).")
  var folders: [String]

  @Option(name: .long, help: "The combined reports folder.")
  var out: String = "reports"

  @Option(
    name: .long, parsing: .singleValue,
    help: "Spec files or folders the shards ran (repeatable; default: specs). Needed to assemble cell shards (verify --shard, the default --shard-by cell).")
  var specs: [String] = []

  func run() throws {
    let out = URL(fileURLWithPath: self.out)
    let urls = folders.map { URL(fileURLWithPath: $0) }
    // The specs are resolved only when cells need them, so merging claim shards needs none.
    let set = CellMerger.hasCells(urls) ? try resolveSpecs(specs.isEmpty ? ["specs"] : specs) : nil
    let lock = try lockReports(out)
    defer { lock.release() }
    let results: [ClaimResult]
    do {
      let commit = RunEnvironment.gitCommit(in: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
      results = try ShardMerger.merge(urls, into: out, specs: set, gitCommit: commit)
    } catch let e as RunnerError {
      throw CommandError.badInput(e.description)
    }
    try renderReport(in: out)
    print(SuiteRunner.summaryTable(results), terminator: "")
    try throwOnInputErrors(results)
    if !results.allSatisfy(\.passed) { throw CommandError.claimsFailed }
  }
}

/// `qlift run`: the claims of the given specs, always fresh, with progress.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run the claims of the given spec files or folders now (ignoring the cache) and print their verdicts.",
    discussion: "Exit codes: 0 all claims as expected; 1 a claim failed; 2 bad input (a claim whose inputs fail at run time is recorded as error, the others still run); 3 internal error.")

  @Argument(help: "Spec files or folders (a folder contributes every *.yaml directly inside it).")
  var paths: [String]

  @OptionGroup var flags: RunFlags

  func run() throws {
    guard !paths.isEmpty else { throw CommandError.badInput("error: give at least one spec file or folder") }
    if flags.shard != nil { throw CommandError.badInput("error: --shard: only 'qlift verify' runs shards") }
    let set = try resolveSpecs(paths)
    let results = try runSuite(set.claims, of: set, flags: flags, fresh: true)
    if !results.allSatisfy(\.passed) { throw CommandError.claimsFailed }
  }
}

/// `qlift accept`: record a claim's current headline numbers as its accepted snapshot.
struct AcceptCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "accept",
    abstract: "Record today's numbers of the given claims in specs/accepted/ (runs them if not cached).")

  @Argument(help: "Spec files or folders.")
  var paths: [String]

  @OptionGroup var flags: RunFlags

  @Flag(name: .long, help: "Record a claim even when its verdict differs from its 'expect'.")
  var force = false

  func run() throws {
    let set = try resolveSpecs(paths)
    let lock = try lockReports(URL(fileURLWithPath: flags.out))
    defer { lock.release() }
    let suite = SuiteRunner(options: SuiteOptions(out: URL(fileURLWithPath: flags.out), jobs: flags.jobCount, fresh: flags.fresh))
    let results = try suite.run(set.claims, of: set)
    var refused: [String] = []
    for (claim, result) in zip(set.claims, results) {
      if result.inputError != nil { continue }  // its message is printed; the exit code says bad input
      if result.verdict != result.expected && !force {
        printError("warning: \(claim.id): verdict \(result.verdict.rawValue) differs from its expect "
          + "\(result.expected.rawValue); not recorded (change 'expect' or pass --force)")
        refused.append(claim.id)
        continue
      }
      let store = SnapshotStore(folder: SuiteRunner.acceptedFolder(for: claim), root: claim.projectRoot)
      let previous = try? store.load(claim.id)
      let snapshot = AcceptedSnapshot(result: result, claim: claim, date: RunEnvironment.timestamp(), previous: previous ?? nil)
      try store.save(snapshot)
      if snapshot.unconfirmed == true {
        printError("warning: \(claim.id): the design changed and was accepted on seeds already seen; confirm it on fresh seeds")
      }
      print("accepted \(claim.id): verdict \(result.verdict.rawValue); " +
            result.lifts.map { "lift \($0.backend) \(String(format: "%.4f", $0.summary.mean))" }.joined(separator: ", "))
    }
    try throwOnInputErrors(results)
    if !refused.isEmpty {
      throw CommandError.failed("\(refused.count) claim(s) not accepted: \(refused.joined(separator: ", "))")
    }
  }
}
