import ArgumentParser
import ClaimRunner
import ClaimSpec
import Foundation

/// `qlift lint`: schema and completeness checks of spec files and folders, with file:line:column errors.
struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check spec files and folders: schema, completeness, references, data files.",
    discussion: """
      A folder contributes every *.yaml directly inside it (not devices/, accepted/ or data/); all \
      specs given are checked together for duplicate claim ids. Errors go to standard error as \
      file:line:column: error: field: message. Claims without such errors are also checked as 'qlift run' \
      checks them before their first seed (data, encodings, noise, imported hardware counts, memory and \
      runtime estimates), without running them. Exit code 0 when clean, 2 on any error.
      """
  )

  @Argument(help: "Spec files or folders.")
  var paths: [String] = ["specs"]

  func run() throws {
    var report = SpecSet.resolve(paths: paths)
    let faulty = Set(report.errors.map(\.file))
    var runtime: [SpecError] = []
    for claim in report.claims where !faulty.contains(claim.file) {
      runtime += Preflight.errors(claim, devices: report.devices(for: claim))
    }
    report = report.adding(errors: runtime)
    for warning in report.warnings {
      FileHandle.standardError.write(Data("\(warning.description)\n".utf8))
    }
    for error in report.errors {
      FileHandle.standardError.write(Data("\(error.description)\n".utf8))
    }
    let files = report.files.count == 1 ? "1 spec file" : "\(report.files.count) spec files"
    let errors = report.errors.count == 1 ? "1 error" : "\(report.errors.count) errors"
    let claims = report.claims.count == 1 ? "1 claim" : "\(report.claims.count) claims"
    print("lint: \(files), \(claims) loaded, \(errors)")
    if !report.isClean { throw CommandError.badInputReported }
  }
}
