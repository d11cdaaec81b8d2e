import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that readers see either the old file or the new one whole, never a half-written one.
enum AtomicFile {
  /// Writes `data` to a temporary file in the destination's folder, then renames it over `url`
  /// (rename(2) is atomic within one file system). The temporary file is removed on failure.
  /// - Throws: `ReportError.write` naming the destination.
  static func write(_ data: Data, to url: URL) throws(ReportError) {
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)")
    do {
      try data.write(to: temporary)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw .write(path: url.relativePath, reason: error.localizedDescription)
    }
    if rename(temporary.path, url.path) != 0 {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw .write(path: url.relativePath, reason: reason)
    }
  }

  /// Writes UTF-8 text atomically.
  static func write(_ text: String, to url: URL) throws(ReportError) {
    try write(Data(text.utf8), to: url)
  }

  /// Creates a folder (and parents) if it does not exist.
  static func makeFolder(_ url: URL) throws(ReportError) {
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw .write(path: url.relativePath, reason: error.localizedDescription)
    }
  }
}
