import Foundation

/// The checkout the tests run from: its root and the shipped files tests read (templates,
/// specs, device profiles), found from this file's own path, never from the working directory.
public enum Repository {
  /// The folder holding Package.swift.
  public static let root: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/" {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
      url.deleteLastPathComponent()
    }
    fatalError("no Package.swift above \(#filePath)")
  }()

  /// A path inside the checkout, e.g. `file("specs/devices")`.
  public static func file(_ relative: String) -> URL { root.appendingPathComponent(relative) }

  /// The shipped device profiles (specs/devices).
  public static var devices: URL { file("specs/devices") }

  /// The text of the shipped `ideal` device profile: the one ideal profile tests use.
  public static func idealProfile() throws -> String {
    try String(contentsOf: devices.appendingPathComponent("ideal.yaml"), encoding: .utf8)
  }
}
