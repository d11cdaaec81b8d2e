import ClaimSpec
import Foundation

/// The list of report files qlift wrote into a reports folder (`.qlift-written`, one relative
/// path a line): the only files a later render may delete as stale.
enum WrittenFiles {
  /// The list's file name inside the reports folder.
  static let name = ".qlift-written"

  /// The paths the previous render listed (none when the list is missing or unreadable).
  static func read(in folder: URL) -> [String] {
    let url = folder.appendingPathComponent(name)
    guard let text = try? ProjectFile.readText(url, root: folder, maxBytes: ProjectFile.maxOtherBytes) else { return [] }
    return text.split(separator: "\n").map(String.init).filter(isGenerated)
  }

  /// Replaces the list atomically.
  static func write(_ paths: [String], in folder: URL) throws(ReportError) {
    try AtomicFile.write(paths.sorted().joined(separator: "\n") + "\n", to: folder.appendingPathComponent(name))
  }

  /// True for a path a render can produce (`claims/<id>.html`, `badges/<id>.svg`): an edited
  /// list cannot name anything else.
  static func isGenerated(_ path: String) -> Bool {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2 else { return false }
    let (dir, file) = (parts[0], String(parts[1]))
    if dir == "claims", file.hasSuffix(".html") { return ClaimID.isSafe(String(file.dropLast(5))) }
    if dir == "badges", file.hasSuffix(".svg") { return ClaimID.isSafe(String(file.dropLast(4))) }
    return false
  }
}
