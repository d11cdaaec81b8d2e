import ClaimSpec
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The lock of a reports folder: `<out>/.qlift.lock`, held with flock(2) for the life of a
/// `verify`, `run`, `accept`, `merge` or `report` writing into it. A second run into the same
/// folder does not wait: it stops at once with exit 2, naming the lock file and the holder's
/// pid. The kernel drops a flock when its process dies, so a lock left by a killed run never
/// blocks the next one (the file stays; only the flock counts).
public final class OutputLock: @unchecked Sendable {
  /// The lock file's name inside the reports folder.
  public static let fileName = ".qlift.lock"

  private var descriptor: Int32
  /// The lock file.
  public let url: URL

  private init(descriptor: Int32, url: URL) { self.descriptor = descriptor; self.url = url }

  deinit { release() }

  /// Takes the lock of `out` (the folder must exist).
  /// - Throws: `RunnerError.outputLocked` when another process holds it; `RunnerError.outputFolder`
  ///   when the lock file cannot be opened (a link, a folder, no permission).
  public static func acquire(_ out: URL) throws -> OutputLock {
    let url = out.appendingPathComponent(fileName)
    do { try OutputEntry.check(url, in: out, as: .file) } catch { throw RunnerError.outputFolder(error.path, error.reason) }
    let fd = open(url.path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw RunnerError.outputFolder(url.path, "cannot open the lock file (\(String(cString: strerror(errno))))")
    }
    if flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let holder = Self.holder(fd)
      close(fd)
      throw RunnerError.outputLocked(url.path, holder)
    }
    let text = "\(getpid())\n"
    _ = ftruncate(fd, 0)
    _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
    return OutputLock(descriptor: fd, url: url)
  }

  /// Releases the lock (also done when the value is freed or the process ends).
  public func release() {
    guard descriptor >= 0 else { return }
    _ = flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }

  /// The pid written by the holder, if readable.
  static func holder(_ fd: Int32) -> Int32? {
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
    try? handle.seek(toOffset: 0)
    guard let data = try? handle.read(upToCount: 32) else { return nil }
    return Int32(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
