import Foundation
import Testing

/// Runs the built `qlift` binary (beside the test bundle) and captures its output.
enum QliftProcess {
  /// The finished process: exit status, standard output and standard error.
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The same as a tuple, for call sites that destructure it.
    var tuple: (status: Int32, stdout: String, stderr: String) { (status, stdout, stderr) }
  }

  /// The variables `--shard auto` reads: left out of a child's environment unless a test sets
  /// them, so a CI engine running the tests cannot change what they check.
  static let shardVariables = [
    "QLIFT_SHARD_INDEX", "QLIFT_SHARD_COUNT", "CI_NODE_INDEX", "CI_NODE_TOTAL", "SLURM_ARRAY_TASK_ID",
    "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_STEP", "JOB_COMPLETION_INDEX",
  ]

  /// Runs `qlift arguments...` in `cwd` (default: the current folder), with `environment` added
  /// to the test's own (without its shard variables).
  static func run(_ arguments: [String], cwd: URL? = nil, environment: [String: String] = [:]) throws -> Output {
    let candidates = [
      Bundle.module.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
      Bundle.main.bundleURL.deletingLastPathComponent(),
    ].map { $0.appendingPathComponent("qlift") }
    let exe = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
    let p = Process()
    p.executableURL = exe
    p.arguments = arguments
    if let cwd { p.currentDirectoryURL = cwd }
    var env = ProcessInfo.processInfo.environment
    for key in shardVariables { env[key] = nil }
    p.environment = env.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    // Read both pipes concurrently so a large stderr cannot block the child.
    nonisolated(unsafe) var errData = Data()
    let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    while !reader.isFinished { Thread.sleep(forTimeInterval: 0.001) }
    return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Starts `qlift arguments...` in `cwd` without waiting; stdout is discarded, stderr goes to a file.
  static func start(_ arguments: [String], cwd: URL, stderr: URL) throws -> Process {
    let candidates = [
      Bundle.module.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
      Bundle.main.bundleURL.deletingLastPathComponent(),
    ].map { $0.appendingPathComponent("qlift") }
    let exe = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
    FileManager.default.createFile(atPath: stderr.path, contents: nil)
    let p = Process()
    p.executableURL = exe
    p.arguments = arguments
    p.currentDirectoryURL = cwd
    p.standardOutput = FileHandle.nullDevice
    p.standardError = try FileHandle(forWritingTo: stderr)
    try p.run()
    return p
  }

  /// A fresh temporary project folder with a `specs/` subfolder.
  static func project() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("specs"), withIntermediateDirectories: true)
    return dir
  }
}
