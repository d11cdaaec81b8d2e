import ClaimSpec
import Foundation

/// Keeps the results file a fresh run of a claim replaces as `results/previous/<claim>.json`,
/// so the claim page can link the previous run of the same claim.
public enum PreviousRun {
  /// The folder of previous results inside a results folder.
  public static let folderName = "previous"

  /// Copies `file` (an existing `results/<claim>.json`, about to be replaced atomically) to
  /// `results/previous/<claim>.json`, replacing an older one; does nothing when there is no file.
  /// Neither the file nor anything on the way to the copy may be a symbolic link (`OutputEntry`):
  /// a planted `results/previous` link never leads the copy outside `out`.
  public static func keep(_ file: URL, in out: URL) throws {
    let fm = FileManager.default
    guard fm.fileExists(atPath: file.path) else { return }
    try OutputEntry.check(file, in: out, as: .file)
    let folder = file.deletingLastPathComponent().appendingPathComponent(folderName, isDirectory: true)
    let target = folder.appendingPathComponent(file.lastPathComponent)
    try OutputEntry.check(target, in: out, as: .file)
    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
    if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
    try fm.copyItem(at: file, to: target)
  }
}
