import Foundation
import ArgumentParser
import QMLKit

/// The qlift command line: keeps quantum machine learning claims honest.
@main
struct Qlift: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "qlift",
    abstract: "Run quantum machine learning claims against tuned classical baselines.",
    version: "0.1.0",
    subcommands: [VerifyCommand.self, RunCommand.self, AcceptCommand.self, MergeCommand.self, KernelCommand.self, LintCommand.self, SchemaCommand.self, NewCommand.self, ReportCommand.self, SimulateCommand.self, ExportQASMCommand.self, ImportCountsCommand.self]
  )

  /// Runs the command; every error becomes an exit code in `ExitStatus`, nowhere else.
  static func main() {
    // Before any thread starts: the system BLAS, opened later on demand, must start no threads.
    SystemBLAS.startNoLibraryThreads()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let (code, message) = ExitStatus.of(error)
      if code == 0 {
        if !message.isEmpty { print(message) }
        Foundation.exit(0)
      }
      if !message.isEmpty { FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8)) }
      Foundation.exit(code)
    }
  }
}
