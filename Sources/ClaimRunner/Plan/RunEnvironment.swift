import Foundation
import QMLKit

/// Facts about where and with what a run happens, for the reproducibility manifest.
public enum RunEnvironment {
  /// The qlift version recorded in results and cache keys.
  public static let qliftVersion = "0.1.0"

  /// Identity of the running qlift build: SHA-256 of its executable, so a rebuilt binary does
  /// not reuse results computed by another build ("unknown" when the file cannot be read).
  public static let buildID: String = {
    guard let url = Bundle.main.executableURL, let data = try? Data(contentsOf: url, options: .mappedIfSafe) else {
      return "unknown"
    }
    return ContentHash.hex([data])
  }()

  /// A one-line machine description: OS, cores, memory, and the BLAS that wide fidelity
  /// kernels use (e.g. "BLAS: OpenBLAS 0.3.21 (libopenblas.so.0, SkylakeX)" or
  /// "BLAS: none (portable kernels)").
  public static var machine: String {
    let p = ProcessInfo.processInfo
    let gib = Double(p.physicalMemory) / 1_073_741_824
    return "\(p.operatingSystemVersionString); \(p.activeProcessorCount) cores; \(String(format: "%.0f", gib)) GiB; "
      + "BLAS: \(SystemBLAS.summary)"
  }

  /// The git commit of the project folder, or nil when not a git checkout.
  public static func gitCommit(in folder: URL) -> String? {
    var dir = folder.standardizedFileURL
    for _ in 0..<32 {
      let git = dir.appendingPathComponent(".git")
      if let head = try? String(contentsOf: git.appendingPathComponent("HEAD"), encoding: .utf8) {
        let h = head.trimmingCharacters(in: .whitespacesAndNewlines)
        if h.hasPrefix("ref: ") {
          let ref = String(h.dropFirst(5))
          if let c = try? String(contentsOf: git.appendingPathComponent(ref), encoding: .utf8) {
            return c.trimmingCharacters(in: .whitespacesAndNewlines)
          }
          if let packed = try? String(contentsOf: git.appendingPathComponent("packed-refs"), encoding: .utf8) {
            for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
              return String(line.split(separator: " ")[0])
            }
          }
          return nil
        }
        return h
      }
      let parent = dir.deletingLastPathComponent()
      if parent.path == dir.path { break }
      dir = parent
    }
    return nil
  }

  /// Now as ISO 8601 (UTC, seconds).
  public static func timestamp(_ date: Date = Date()) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: date)
  }
}
