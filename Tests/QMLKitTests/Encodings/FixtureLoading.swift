import Foundation
import Testing

/// Reads a JSON fixture from `Tests/QMLKitTests/Fixtures/`.
func loadQuantumFixture(_ name: String) throws -> [String: Any] {
  let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
  let data = try Data(contentsOf: url)
  return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

/// A JSON number array as [Double].
func doubles(_ any: Any?) -> [Double] { (any as? [Any] ?? []).map { ($0 as? NSNumber)?.doubleValue ?? .nan } }
