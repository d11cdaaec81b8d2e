import Foundation

/// Loads a test target's fixture files (its `Fixtures` resources) by name, with an error that
/// names the missing file instead of a nil.
public struct FixtureLoader: Sendable {
  /// The resource bundle of the test target (`Bundle.module` there).
  public let bundle: Bundle

  /// A loader for `bundle`'s fixtures.
  public init(_ bundle: Bundle) { self.bundle = bundle }

  /// A fixture that is not in the bundle.
  public struct Missing: Error, CustomStringConvertible {
    /// The path asked for.
    public var path: String
    public var description: String { "fixture \(path) is not in the test bundle (is it under Fixtures/?)" }
  }

  /// The URL of `Fixtures/<subdirectory>/<name>.<ext>`.
  public func url(_ name: String, ext: String, subdirectory: String = "") throws -> URL {
    let folder = subdirectory.isEmpty ? "Fixtures" : "Fixtures/\(subdirectory)"
    guard let url = bundle.url(forResource: name, withExtension: ext, subdirectory: folder) else {
      throw Missing(path: "\(folder)/\(name).\(ext)")
    }
    return url
  }

  /// A JSON fixture decoded as `T`.
  public func json<T: Decodable>(_ name: String, subdirectory: String = "", as type: T.Type) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(contentsOf: url(name, ext: "json", subdirectory: subdirectory)))
  }

  /// A text fixture.
  public func text(_ name: String, ext: String, subdirectory: String = "") throws -> String {
    try String(contentsOf: url(name, ext: ext, subdirectory: subdirectory), encoding: .utf8)
  }
}
