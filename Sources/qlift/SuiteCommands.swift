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
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(name: .long, help: "Ignore cached results and run every claim again.")
  var fresh = false

  @Flag(name: .long, help: "Do not render the HTML report.")
  var noReport = false

  @Option(name: .long, help: "Run only shard K of N (e.g. 2/8), balanced by recorded runtimes; combine with 'qlift merge'.")
  var shard: String?
}

/// Loads and lints spec paths for running; prints problems and exits 2 when any.
func loadClaimsOrExit(_ paths: [String]) throws -> (claims: [Claim], devices: [String: DeviceProfile]) {
  let report = SpecLinter.lint(paths: paths)
  if !report.isClean {
    for e in report.errors { printError(e.description) }
    printError("\(report.errors.count) problem(s) in the specs; nothing was run")
    throw ExitCode(2)
  }
  var devices: [String: DeviceProfile] = [:]
  for claim in report.claims {
    let folder = URL(fileURLWithPath: claim.file).deletingLastPathComponent().appendingPathComponent("devices")
    for (id, p) in DeviceProfileCatalog(folder: folder).profiles where devices[id] == nil { devices[id] = p }
  }
  return (report.claims, devices)
}

/// Runs claims with the suite runner, renders the report, prints the summary; returns the exit code.
func runSuite(_ claims: [Claim], devices: [String: DeviceProfile], flags: RunFlags, fresh: Bool) throws -> Int32 {
  guard flags.jobs >= 1 else {
    printError("error: --jobs must be at least 1")
    return 2
  }
  let out = URL(fileURLWithPath: flags.out)
  let stop = StopRequest()
  InterruptHandler.install(stop)
  let suite = SuiteRunner(options: SuiteOptions(out: out, jobs: flags.jobs, fresh: fresh, stop: stop))
  let results: [ClaimResult]
  do {
    results = try suite.run(claims, devices: devices)
  } catch let e as Interrupted {
    printError(e.description)
    return e.exitCode
  } catch let e as RunnerError {
    printError(e.description)
    return e.isInputError ? 2 : 3
  } catch let e as SpecErrors {
    printError(e.description)
    return 2
  } catch let e as DataError {
    printError(e.description)
    return 2
  } catch {
    printError("internal error: \(error)")
    return 3
  }
  if !flags.noReport { try renderReport(results, in: out) }
  print(SuiteRunner.summaryTable(results), terminator: "")
  return results.allSatisfy(\.passed) ? 0 : 1
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
    discussion: "Exit codes: 0 all claims as expected; 1 a claim failed; 2 bad input; 3 internal error.")

  @Argument(help: "Spec files or folders (default: specs).")
  var paths: [String] = ["specs"]

  @OptionGroup var flags: RunFlags

  func run() throws {
    var (claims, devices) = try loadClaimsOrExit(paths)
    if let text = flags.shard {
      guard let shard = Shard(text) else {
        printError("error: --shard: expected K/N with 1 <= K <= N, got '\(text)'")
        throw ExitCode(2)
      }
      claims = shard.select(claims, runtimes: ShardMerger.recordedRuntimes(in: URL(fileURLWithPath: flags.out)))
      printError("shard \(shard): \(claims.count) claim(s): \(claims.map(\.id).joined(separator: ", "))")
      if claims.isEmpty { return }
    }
    let code = try runSuite(claims, devices: devices, flags: flags, fresh: flags.fresh)
    if code != 0 { throw ExitCode(code) }
  }
}

/// `qlift merge`: combine the reports folders of shard runs into one.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Combine shard reports folders into one report and junit.xml, with the exit code of a single run.")

  @Argument(help: "Reports folders written by 'qlift verify --shard K/N'.")
  var folders: [String]

  @Option(name: .long, help: "The combined reports folder.")
  var out: String = "reports"

  func run() throws {
    let out = URL(fileURLWithPath: self.out)
    let results: [ClaimResult]
    do {
      results = try ShardMerger.merge(folders.map { URL(fileURLWithPath: $0) }, into: out)
    } catch let e as RunnerError {
      printError(e.description)
      throw ExitCode(2)
    }
    try renderReport(results, in: out)
    print(SuiteRunner.summaryTable(results), terminator: "")
    if !results.allSatisfy(\.passed) { throw ExitCode(1) }
  }
}

/// `qlift run`: one claim, always fresh, with progress.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run one claim now (ignoring the cache) and print its verdict.")

  @Argument(help: "The spec file.")
  var spec: String

  @OptionGroup var flags: RunFlags

  func run() throws {
    let (claims, devices) = try loadClaimsOrExit([spec])
    let code = try runSuite(claims, devices: devices, flags: flags, fresh: true)
    if code != 0 { throw ExitCode(code) }
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

  func run() throws {
    let (claims, devices) = try loadClaimsOrExit(paths)
    let suite = SuiteRunner(options: SuiteOptions(out: URL(fileURLWithPath: flags.out), jobs: flags.jobs, fresh: flags.fresh))
    let results = try suite.run(claims, devices: devices)
    for (claim, result) in zip(claims, results) {
      let store = SnapshotStore(folder: SuiteRunner.acceptedFolder(for: claim))
      try store.save(AcceptedSnapshot(result: result, date: RunEnvironment.timestamp()))
      print("accepted \(claim.id): verdict \(result.verdict.rawValue); " +
            result.lifts.map { "lift \($0.backend) \(String(format: "%.4f", $0.summary.mean))" }.joined(separator: ", "))
    }
  }
}
