import Foundation

/// Keeps the results file a fresh run of a claim replaces as `results/previous/<claim>.json`,
/// so the claim page can link the previous run of the same claim.
public enum PreviousRun {
  /// The folder of previous results inside a results folder.
  public static let folderName = "previous"

  /// Copies `file` (an existing `results/<claim>.json`, about to be replaced atomically) to
  /// `results/previous/<claim>.json`, replacing an older one; does nothing when there is no file.
  public static func keep(_ file: URL) throws {
    let fm = FileManager.default
    guard fm.fileExists(atPath: file.path) else { return }
    let folder = file.deletingLastPathComponent().appendingPathComponent(folderName, isDirectory: true)
    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
    let target = folder.appendingPathComponent(file.lastPathComponent)
    if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
    try fm.copyItem(at: file, to: target)
  }
}
