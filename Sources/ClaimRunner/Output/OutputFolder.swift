import ClaimSpec
import Foundation

/// The reports folder (`--out`): created when missing and checked to be a writable folder
/// before any claim runs, so a file, a path under a file or a read-only folder is bad input
/// (exit 2) with a plain message instead of a Foundation error after the work is done.
public enum OutputFolder {
  /// Creates `out` and `out/<subfolder>` when missing; a subfolder that is a symbolic link is
  /// refused (`OutputEntry`), never followed.
  /// - Throws: `RunnerError.outputFolder` naming the path and what is wrong with it.
  public static func prepare(_ out: URL, subfolder: String? = nil) throws {
    let path = out.path
    let fm = FileManager.default
    if let subfolder {
      do { try OutputEntry.check(out.appendingPathComponent(subfolder), in: out, as: .folder) } catch {
        throw RunnerError.outputFolder(error.path, error.reason)
      }
    }
    var isFolder: ObjCBool = false
    if fm.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
      throw RunnerError.outputFolder(path, "is a file, not a folder; give a folder for the reports")
    }
    for url in [out] + (subfolder.map { [out.appendingPathComponent($0)] } ?? []) {
      if fm.fileExists(atPath: url.path, isDirectory: &isFolder) {
        guard isFolder.boolValue else { throw RunnerError.outputFolder(url.path, "is a file, not a folder") }
        continue
      }
      do {
        try fm.createDirectory(at: url, withIntermediateDirectories: true)
      } catch {
        throw RunnerError.outputFolder(url.path, "cannot create the folder (\(reason(url)))")
      }
    }
    guard access(path, W_OK | X_OK) == 0 else {
      throw RunnerError.outputFolder(path, "the folder is not writable (\(String(cString: strerror(errno))))")
    }
  }

  /// Why `url` cannot be created: the first ancestor that is a file, or is not writable.
  static func reason(_ url: URL) -> String {
    var parent = url.deletingLastPathComponent()
    let fm = FileManager.default
    while parent.path != "/" && !fm.fileExists(atPath: parent.path) { parent = parent.deletingLastPathComponent() }
    var isFolder: ObjCBool = false
    if fm.fileExists(atPath: parent.path, isDirectory: &isFolder), !isFolder.boolValue {
      return "'\(parent.path)' is a file"
    }
    return access(parent.path, W_OK | X_OK) == 0 ? "'\(parent.path)' refused it" : "'\(parent.path)' is not writable"
  }
}
