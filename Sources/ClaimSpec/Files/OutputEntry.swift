import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The check before every write or deletion inside the reports folder (`--out`): no entry on
/// the way from `--out` to the file (`results/`, `claims/`, `badges/`, `junit.xml`,
/// `index.html`, `history.jsonl`, a page) may be a symbolic link, so a committed or planted
/// link never leads a write or a deletion outside `--out`. `--out` itself may be a link: the
/// user named it.
public enum OutputEntry {
  /// What the last path component must be when it exists.
  public enum Kind: Sendable {
    /// A regular file (or absent).
    case file
    /// A folder (or absent).
    case folder
  }

  /// Throws when an existing entry between `out` and `url` is a symbolic link, an intermediate
  /// entry is not a folder, or the entry itself exists with the wrong kind. Absent entries are
  /// fine (they will be created).
  /// - Throws: `ProjectFile.Refusal` naming the offending path.
  public static func check(_ url: URL, in out: URL, as kind: Kind) throws(ProjectFile.Refusal) {
    let base = out.standardizedFileURL.path
    let target = url.standardizedFileURL.path
    guard ProjectFile.isInside(target, base) else {
      throw ProjectFile.Refusal(path: url.path, reason: "is outside the reports folder '\(out.path)'; not written")
    }
    let rest = target.dropFirst(base.count).split(separator: "/").map(String.init)
    var current = out.standardizedFileURL
    for (i, part) in rest.enumerated() {
      current.appendPathComponent(part)
      var st = stat()
      guard lstat(current.path, &st) == 0 else { return }  // absent from here on
      let mode = st.st_mode & S_IFMT
      let last = i == rest.count - 1
      if mode == S_IFLNK {
        throw ProjectFile.Refusal(
          path: current.path, reason: "is a symbolic link inside the reports folder; qlift never writes or deletes through links there (remove it)")
      }
      if !last || kind == .folder {
        if mode != S_IFDIR { throw ProjectFile.Refusal(path: current.path, reason: "is not a folder; expected the reports subfolder here") }
      } else if mode != S_IFREG {
        throw ProjectFile.Refusal(path: current.path, reason: "is not a regular file; qlift only replaces files it wrote")
      }
    }
  }

  /// True when `url` is a regular file (not a link, not a folder).
  public static func isRegularFile(_ url: URL) -> Bool {
    var st = stat()
    return lstat(url.path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
  }
}
