import Foundation

/// The project folder a spec's relative paths are confined to, and the check that keeps them inside.
///
/// Rule: the project root is the nearest folder, starting at the spec file's own folder and
/// walking up, that contains `Package.swift`, `.git` or a `specs` folder; if there is none, it is
/// the spec file's own folder. A data path must be relative (to the spec file's folder), must not
/// be empty, and must stay inside the project root both as written (`..` segments) and after
/// resolving symbolic links.
public struct ProjectPaths: Sendable, Equatable {
  /// The project root folder (symlinks resolved).
  public var root: URL
  /// The folder holding the spec file.
  public var specDirectory: URL

  /// Finds the project root for a spec file.
  public init(specFile: URL) {
    // The root is found from the folder as given, so a linked folder (specs/x -> /elsewhere)
    // does not move the root outside the project; then both are resolved.
    let given = Self.lexical(specFile).deletingLastPathComponent()
    specDirectory = given.resolvingSymlinksInPath()
    root = Self.findRoot(from: given).resolvingSymlinksInPath()
  }

  /// The absolute path with `.` and `..` removed as text, no link resolved (Foundation's
  /// `standardizedFileURL` resolves links on some platforms).
  static func lexical(_ url: URL) -> URL {
    var parts: [Substring] = []
    for part in url.absoluteURL.path.split(separator: "/") {
      if part == "." || part.isEmpty { continue }
      if part == ".." { _ = parts.popLast() } else { parts.append(part) }
    }
    return URL(fileURLWithPath: "/" + parts.joined(separator: "/"))
  }

  /// Uses explicit folders (for specs loaded from memory).
  public init(root: URL, specDirectory: URL) {
    self.root = root.standardizedFileURL.resolvingSymlinksInPath()
    self.specDirectory = specDirectory.standardizedFileURL.resolvingSymlinksInPath()
  }

  /// The nearest folder holding a marker, walking up from `dir` as given. A marker found in or
  /// below a folder that is itself a symbolic link does not count (it belongs to the link's
  /// target): `specs/x -> /elsewhere` with `/elsewhere/specs` keeps the project's own root.
  static func findRoot(from dir: URL) -> URL {
    let fm = FileManager.default
    var current = dir
    var found: URL?
    while true {
      if found == nil {
        for marker in ["Package.swift", ".git", "specs"] {
          var isDir: ObjCBool = false
          let p = current.appendingPathComponent(marker).path
          if fm.fileExists(atPath: p, isDirectory: &isDir), marker != "specs" || isDir.boolValue { found = current; break }
        }
      }
      if (try? fm.destinationOfSymbolicLink(atPath: current.path)) != nil {
        found = nil
      } else if let found {
        return found
      }
      let parent = current.deletingLastPathComponent()
      if parent.path == current.path || current.path == "/" { return dir }
      current = parent
    }
  }

  /// Resolves a path as written in the spec, or returns why it is not allowed.
  public func resolve(_ path: String) -> Result<URL, PathProblem> {
    if path.isEmpty { return .failure(.empty) }
    if path.hasPrefix("/") || path.hasPrefix("~") { return .failure(.absolute) }
    if path.contains("\0") { return .failure(.escapes) }
    let joined = specDirectory.appendingPathComponent(path).standardizedFileURL
    guard Self.isInside(joined, root) else { return .failure(.escapes) }
    let resolved = joined.resolvingSymlinksInPath()
    guard Self.isInside(resolved, root) else { return .failure(.symlinkEscapes) }
    return .success(resolved)
  }

  static func isInside(_ url: URL, _ root: URL) -> Bool {
    let p = url.standardizedFileURL.path, r = root.standardizedFileURL.path
    return p == r || p.hasPrefix(r.hasSuffix("/") ? r : r + "/")
  }

  /// Why a data path was refused.
  public enum PathProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Empty path.
    case empty
    /// Absolute or home-relative path.
    case absolute
    /// `..` segments lead outside the project folder.
    case escapes
    /// A symbolic link resolves outside the project folder.
    case symlinkEscapes

    /// A lowercase phrase for messages.
    public var description: String {
      switch self {
      case .empty: return "path is empty"
      case .absolute: return "absolute paths are not allowed; write the path relative to the spec file"
      case .escapes: return "path leaves the project folder"
      case .symlinkEscapes: return "path is a symbolic link that resolves outside the project folder"
      }
    }
  }
}
