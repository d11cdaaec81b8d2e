/// Errors while running claims, each with a message a user can act on.
public enum RunnerError: Error, CustomStringConvertible, Equatable {
  /// A stored file (result, cache, snapshot) could not be read.
  case corruptFile(String, String)
  /// The claim cannot run as specified (e.g. a model that cannot be built from the spec).
  case invalidClaim(file: String, field: String, message: String)
  /// The claim would exceed a resource limit before it starts.
  case resourceLimit(file: String, field: String, message: String)
  /// Every seed of a model failed.
  case modelFailed(String)
  /// The reports folder (`--out`) is not a folder qlift can create and write.
  case outputFolder(String, String)
  /// Another qlift process holds the reports folder's lock (lock file, holder's pid).
  case outputLocked(String, Int32?)

  public var description: String {
    switch self {
    case .corruptFile(let path, let why): return "\(path): error: unreadable or corrupt file: \(why)"
    case .invalidClaim(let file, let field, let message): return "\(file): error: \(field): \(message)"
    case .resourceLimit(let file, _, let message): return "\(file): error: \(message)"
    case .modelFailed(let m): return m
    case .outputFolder(let path, let why): return "\(path): error: --out: \(why)"
    case .outputLocked(let path, let pid):
      return "\(path): error: --out: another qlift run (pid \(pid.map(String.init) ?? "unknown")) is writing into this reports folder; "
        + "wait for it to finish or use another --out (the lock is released when that process ends)"
    }
  }

  /// True when the error is the user's input (exit code 2) rather than an internal failure (3).
  public var isInputError: Bool {
    switch self {
    case .corruptFile, .invalidClaim, .resourceLimit, .outputFolder, .outputLocked: return true
    case .modelFailed: return false
    }
  }
}
