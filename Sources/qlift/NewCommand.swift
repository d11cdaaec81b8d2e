import ArgumentParser
import ClaimSpec
import Foundation

/// `qlift new NAME`: writes a commented starting spec `NAME.yaml` that lints clean.
struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Write a commented starting spec NAME.yaml (never overwrites).",
    discussion: "NAME becomes the claim id and file name: [a-z0-9][a-z0-9_-]*. Exit code 2 on bad input."
  )

  @Argument(help: "Claim id and file name (lowercase letters, digits, '_' and '-').")
  var name: String

  @Option(help: "Folder to write into (created if missing).")
  var dir: String = "specs"

  @Option(help: "The claim's task: classification (default), regression or generative.")
  var task: String = "classification"

  func run() throws {
    func fail(_ message: String) -> CommandError { .badInput("error: \(message)") }
    guard SpecVocabulary.isSafeID(name) else {
      throw fail("'\(name)' is not a safe claim id: use lowercase letters, digits, '_' and '-', starting with a letter or digit")
    }
    guard let claimTask = ClaimTask(rawValue: task) else {
      throw fail("--task '\(task)': expected one of \(ClaimTask.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    guard let text = SpecTemplate.starter(name: name, task: claimTask) else {
      throw fail("--task \(task): task \(task) has no starter spec; use classification, regression or generative")
    }
    let folder = URL(fileURLWithPath: dir)
    let file = folder.appendingPathComponent("\(name).yaml")
    let shown = (dir as NSString).appendingPathComponent("\(name).yaml")
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), !isDir.boolValue {
      throw fail("'\(dir)' exists and is not a folder")
    }
    if FileManager.default.fileExists(atPath: file.path) {
      throw fail("\(shown) already exists; not overwriting it")
    }
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      // .withoutOverwriting: refuse atomically even if the file appeared since the check above.
      try Data(text.utf8).write(to: file, options: .withoutOverwriting)
    } catch {
      throw fail("cannot write \(shown): \(error.localizedDescription)")
    }
    print("wrote \(shown); check it with: qlift lint \(shown)")
  }
}
