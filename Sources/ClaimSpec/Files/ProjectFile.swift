import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one checked read of every file qlift takes from a project or a reports folder: the file
/// must be a regular file whose resolved path (symbolic links followed) stays inside a root
/// folder, and no larger than a limit; anything else is refused naming the path, before a byte
/// of it is read (docs/RELIABILITY.md, "Never read outside the project").
///
/// The roots, by what is read: spec files, device profiles, data files, accepted snapshots and
/// imported hardware kernels use the spec's project root (`ProjectPaths`: the nearest folder
/// holding `Package.swift`, `.git` or `specs/`); templates the folder holding `templates/`
/// (or `--templates` itself); results and `history.jsonl` the `--out` folder.
public enum ProjectFile {
  /// The largest data file (CSV) qlift reads: 256 MB (docs/SPEC.md).
  public static let maxDataBytes = 256 * 1024 * 1024
  /// The largest results, snapshot, history, template, profile or kernels file qlift reads: 64 MB.
  public static let maxOtherBytes = 64 * 1024 * 1024

  /// A refused file: the path as shown and why.
  public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as given (for messages).
    public var path: String
    /// A lowercase phrase: what is wrong with the file.
    public var reason: String
    /// True when the file does not exist at all (callers may treat that as "absent").
    public var isMissing: Bool

    /// Creates a refusal.
    public init(path: String, reason: String, isMissing: Bool = false) {
      self.path = path; self.reason = reason; self.isMissing = isMissing
    }

    /// `path: error: reason`.
    public var description: String { "\(path): error: \(reason)" }
  }

  /// The real path of `url` (every symbolic link resolved), or nil when it does not exist.
  public static func realPath(_ url: URL) -> String? {
    guard let p = realpath(url.path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }

  /// True when `path` is `root` or below it (both real paths).
  public static func isInside(_ path: String, _ root: String) -> Bool {
    path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
  }

  /// Checks `url` without reading it: it exists, resolves inside `root`, is a regular file
  /// and holds at most `maxBytes`. Returns its size.
  /// - Throws: `Refusal` naming `shown` (default: the URL's path).
  @discardableResult
  public static func check(_ url: URL, root: URL, maxBytes: Int, shown: String? = nil) throws(Refusal) -> Int {
    let name = shown ?? url.path
    let (fd, size) = try openChecked(url, root: root, maxBytes: maxBytes, shown: name)
    close(fd)
    return size
  }

  /// Reads `url` whole after the checks of `check`.
  /// - Throws: `Refusal` naming `shown` (default: the URL's path).
  public static func read(_ url: URL, root: URL, maxBytes: Int, shown: String? = nil) throws(Refusal) -> Data {
    let name = shown ?? url.path
    let (fd, size) = try openChecked(url, root: root, maxBytes: maxBytes, shown: name)
    defer { close(fd) }
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
    let data: Data
    do { data = try handle.read(upToCount: size + 1) ?? Data() } catch {
      throw Refusal(path: name, reason: "cannot be read (\(error.localizedDescription))")
    }
    let total = data.count
    if total > maxBytes { throw tooLarge(name, total, maxBytes) }
    return data
  }

  /// Reads `url` as UTF-8 text after the checks of `check`.
  public static func readText(_ url: URL, root: URL, maxBytes: Int, shown: String? = nil) throws(Refusal) -> String {
    let data = try read(url, root: root, maxBytes: maxBytes, shown: shown)
    guard let text = String(data: data, encoding: .utf8) else {
      throw Refusal(path: shown ?? url.path, reason: "is not UTF-8 text")
    }
    return text
  }

  /// Opens the resolved file for reading after checking where it leads; returns the descriptor and size.
  private static func openChecked(_ url: URL, root: URL, maxBytes: Int, shown: String) throws(Refusal) -> (Int32, Int) {
    var link = stat()
    guard lstat(url.path, &link) == 0 else {
      throw Refusal(path: shown, reason: "no such file", isMissing: true)
    }
    guard let real = realPath(url) else {
      throw Refusal(path: shown, reason: "is a symbolic link to nothing (dangling link)")
    }
    let rootPath = realPath(root) ?? root.standardizedFileURL.path
    guard isInside(real, rootPath) else {
      let via = (link.st_mode & S_IFMT) == S_IFLNK ? "is a symbolic link to " : "resolves to "
      throw Refusal(path: shown, reason: "\(via)'\(real)', outside the folder it must stay in ('\(rootPath)'); refused, not read")
    }
    // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: the real path has no link left.
    let fd = openFile(real, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else {
      throw Refusal(path: shown, reason: "cannot be opened (\(String(cString: strerror(errno))))")
    }
    var st = stat()
    guard fstat(fd, &st) == 0 else {
      close(fd)
      throw Refusal(path: shown, reason: "cannot be read (\(String(cString: strerror(errno))))")
    }
    let kind = st.st_mode & S_IFMT
    guard kind == S_IFREG else {
      close(fd)
      let what = kind == S_IFDIR ? "a folder" : kind == S_IFIFO ? "a pipe (FIFO)" : kind == S_IFCHR || kind == S_IFBLK ? "a device" : "a special file"
      throw Refusal(path: shown, reason: "is \(what), not a regular file; refused, not read")
    }
    let size = Int(st.st_size)
    if size > maxBytes {
      close(fd)
      throw tooLarge(shown, size, maxBytes)
    }
    // Reads block again from here (a regular file never blocks anyway).
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return (fd, size)
  }

  private static func tooLarge(_ shown: String, _ size: Int, _ max: Int) -> Refusal {
    let limit = max >= 1024 * 1024 ? "\(max / (1024 * 1024)) MB" : "\(max) bytes"
    return Refusal(path: shown, reason: "is \(size) bytes, more than the \(limit) qlift reads; refused before reading")
  }
}

private func openFile(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }
