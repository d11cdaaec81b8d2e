import ArgumentParser

/// The qlift command line: keeps quantum machine learning claims honest.
@main
struct Qlift: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "qlift",
    abstract: "Run quantum machine learning claims against tuned classical baselines.",
    version: "0.1.0",
    subcommands: []
  )
}
