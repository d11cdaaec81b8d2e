import Foundation
import TestSupport
import Testing

/// The QMLKit test bundle's fixtures.
let fixtures = FixtureLoader(Bundle.module)

/// Reads `Fixtures/<name>.json` of the QMLKit test bundle as a dictionary.
func ml3Fixture(_ name: String) throws -> [String: Any] {
  let object = try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.url(name, ext: "json")))
  return try #require(object as? [String: Any])
}

/// Path of a fixture file other than JSON (`subdirectory` under Fixtures).
func ml3FixturePath(_ name: String, _ ext: String, subdirectory: String = "Fixtures") throws -> String {
  let under = subdirectory == "Fixtures" ? "" : String(subdirectory.dropFirst("Fixtures/".count))
  return try fixtures.url(name, ext: ext, subdirectory: under).path
}

/// |a − b| ≤ tol · max(1, |b|).
func ml3Close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool {
  abs(a - b) <= tol * max(1, abs(b))
}

extension Dictionary where Key == String, Value == Any {
  func ml3Double(_ k: String) -> Double { (self[k] as? NSNumber)?.doubleValue ?? .nan }
  func ml3Ints(_ k: String) -> [Int] { (self[k] as? [NSNumber])?.map(\.intValue) ?? [] }
  func ml3Doubles(_ k: String) -> [Double] { (self[k] as? [NSNumber])?.map(\.doubleValue) ?? [] }
  func ml3Matrix(_ k: String) -> [[Double]] { (self[k] as? [[NSNumber]])?.map { $0.map(\.doubleValue) } ?? [] }
  func ml3List(_ k: String) -> [[String: Any]] { (self[k] as? [[String: Any]]) ?? [] }
}
