import ClaimRunner
import ClaimSpec
import Foundation
import TestSupport
import Testing

/// One small claim run end to end, its whole results JSON compared with a pinned copy
/// (Fixtures/golden): any change to splits, tuning, kernels, shots, statistics, verdicts or the
/// results format shows up here as a named field. Timings, paths and the machine are left out.
///
/// After an intended change: `QLIFT_UPDATE_GOLDEN=1 swift test --filter GoldenResultTests`, then
/// review the diff of Fixtures/golden/adhoc-small.json and name the changed numbers in the commit.
@Suite struct GoldenResultTests {
  /// Keys whose values depend on the run, not the claim: timings, machine, paths, versions.
  static let volatile: Set<String> = [
    "seconds", "started", "finished", "machine", "qlift_version", "git_commit", "cache_key", "cached", "spec_file",
    "spec_hash", "classical_simulation_seconds", "runtime", "design_hash",
  ]

  @Test func theSmallClaimReproducesItsPinnedResults() throws {
    let fixtures = FixtureLoader(Bundle.module)
    let dir = try SpecFixtures.project()
    let spec = try fixtures.text("adhoc-small", ext: "yaml", subdirectory: "golden")
    let claim = try SpecFixtures.claim(spec, name: "adhoc-small", in: dir)
    let result = try #require(SpecFixtures.run([claim], in: dir).first)
    let actual = Self.stable(try JSONSerialization.jsonObject(with: ResultsCoding.encoder().encode(result)))
    if ProcessInfo.processInfo.environment["QLIFT_UPDATE_GOLDEN"] == "1" {
      let data = try JSONSerialization.data(withJSONObject: actual, options: [.prettyPrinted, .sortedKeys])
      try data.write(to: Repository.file("Tests/ClaimRunnerTests/Fixtures/golden/adhoc-small.json"))
      return
    }
    let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.url("adhoc-small", ext: "json", subdirectory: "golden")))
    var differences: [String] = []
    Self.compare(actual, expected, path: "$", into: &differences)
    #expect(differences.isEmpty, Comment(rawValue: "\(differences.count) field(s) moved:\n" + differences.prefix(20).joined(separator: "\n")))
  }

  @Test func theComparisonNamesEveryMovedField() {
    let pinned: [String: Any] = ["lifts": [["mean": 0.25, "verdict": "supported"]], "seeds": [1, 2], "seconds": 3]
    let now: [String: Any] = ["lifts": [["mean": 0.25 + 1e-6, "verdict": "refuted"]], "seeds": [1], "seconds": 9, "extra": 1]
    var out: [String] = []
    Self.compare(Self.stable(now), Self.stable(pinned), path: "$", into: &out)
    #expect(out == ["$.extra: new", "$.lifts[0].mean: 0.250001, pinned 0.25", "$.lifts[0].verdict: \"refuted\", pinned \"supported\"",
                    "$.seeds: 1 items, pinned 2"])
    out = []
    Self.compare(["x": 0.1 + 1e-12], ["x": 0.1], path: "$", into: &out)
    #expect(out.isEmpty)
  }

  /// Named records whose figures are timings (a cost check, a diagnostic): their name stays.
  static let timed: Set<String> = ["max_runtime_seconds", "classical_simulation_seconds"]

  /// The JSON tree without volatile keys.
  static func stable(_ value: Any) -> Any {
    if var object = value as? [String: Any] {
      if let name = object["name"] as? String, timed.contains(name) {
        for key in ["actual", "value", "reading", "held"] { object[key] = nil }
      }
      return object.filter { !volatile.contains($0.key) }.mapValues(stable)
    }
    if let array = value as? [Any] { return array.map(stable) }
    return value
  }

  /// Records every difference between `a` and `b`; numbers agree to 1e-9 (relative), so a
  /// different libm's last bit is not a change.
  static func compare(_ a: Any, _ b: Any, path: String, into out: inout [String]) {
    switch (a, b) {
    case let (x as [String: Any], y as [String: Any]):
      for key in Set(x.keys).union(y.keys).sorted() {
        guard let u = x[key], let v = y[key] else {
          out.append("\(path).\(key): \(x[key] == nil ? "missing now" : "new")")
          continue
        }
        compare(u, v, path: "\(path).\(key)", into: &out)
      }
    case let (x as [Any], y as [Any]):
      if x.count != y.count { out.append("\(path): \(x.count) items, pinned \(y.count)"); return }
      for (i, (u, v)) in zip(x, y).enumerated() { compare(u, v, path: "\(path)[\(i)]", into: &out) }
    case let (x as NSNumber, y as NSNumber) where !(x is Bool) || !(y is Bool):
      let u = x.doubleValue, v = y.doubleValue
      if !(abs(u - v) <= 1e-9 * max(1, abs(v)) || (u.isNaN && v.isNaN)) { out.append("\(path): \(u), pinned \(v)") }
    case let (x as String, y as String):
      if x != y { out.append("\(path): \"\(x)\", pinned \"\(y)\"") }
    default:
      if "\(a)" != "\(b)" { out.append("\(path): \(a), pinned \(b)") }
    }
  }
}
