import Foundation
import Testing

/// Reads a JSON fixture from `Tests/QMLKitTests/Fixtures/`.
func loadQuantumFixture(_ name: String) throws -> [String: Any] {
  let data = try Data(contentsOf: fixtures.url(name, ext: "json"))
  return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

/// A JSON number array as [Double].
func doubles(_ any: Any?) -> [Double] { (any as? [Any] ?? []).map { ($0 as? NSNumber)?.doubleValue ?? .nan } }
