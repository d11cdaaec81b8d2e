import ClaimSpec
import Foundation

/// A counts file (`qlift import-counts`): measured bit-string counts per exported circuit,
/// bit strings with qubit 0 rightmost (Qiskit's convention).
///
/// `{"claim": "...", "spec_hash": "...", "backend": "<hardware backend id>",
///   "counts": {"<circuit id>": {"00": 812, "01": 3, ...}, ...}}`
public struct CountsFile: Codable, Sendable, Equatable {
  /// Claim id.
  public var claim: String
  /// Spec hash from the export's manifest.
  public var specHash: String
  /// Hardware backend id of the claim.
  public var backend: String
  /// Counts per circuit id, per bit string.
  public var counts: [String: [String: Int]]

  enum CodingKeys: String, CodingKey {
    case claim, specHash = "spec_hash", backend, counts
  }

  /// Creates a counts file value.
  public init(claim: String, specHash: String, backend: String, counts: [String: [String: Int]]) {
    self.claim = claim; self.specHash = specHash; self.backend = backend; self.counts = counts
  }

  /// Reads and decodes a counts file; `shown` is the path as the user gave it.
  /// - Throws: `HardwareError` naming the file (and the circuit, when the problem is in one).
  public static func load(_ url: URL, shown: String) throws -> CountsFile {
    let data: Data
    // Named on the command line, so anywhere; but a regular file of bounded size (not a pipe or a device).
    do { data = try ProjectFile.read(url, root: URL(fileURLWithPath: "/"), maxBytes: ProjectFile.maxOtherBytes, shown: shown) } catch {
      throw HardwareError(file: shown, "cannot read the counts file: \(error.reason)")
    }
    do {
      return try JSONDecoder().decode(CountsFile.self, from: data)
    } catch let DecodingError.keyNotFound(key, ctx) {
      throw located(shown, ctx.codingPath, "missing key '\(key.stringValue)'")
    } catch let DecodingError.typeMismatch(_, ctx), let DecodingError.valueNotFound(_, ctx),
      let DecodingError.dataCorrupted(ctx)
    {
      // Some Foundation versions report a non-integer count as invalid JSON with no path.
      if ctx.codingPath.isEmpty, let e = diagnose(data, shown) { throw e }
      throw located(shown, ctx.codingPath, ctx.debugDescription)
    } catch {
      throw HardwareError(file: shown, "not a counts file: \(error)")
    }
  }

  /// Finds the first count that is not a non-negative-or-negative integer in valid JSON.
  private static func diagnose(_ data: Data, _ shown: String) -> HardwareError? {
    guard let top = try? JSONSerialization.jsonObject(with: data) else {
      return HardwareError(file: shown, "not valid JSON")
    }
    guard let root = top as? [String: Any], let counts = root["counts"] as? [String: Any] else { return nil }
    for id in counts.keys.sorted() {
      guard let c = counts[id] as? [String: Any] else {
        return located(shown, [AnyKey("counts"), AnyKey(id)], "not an object of bit-string counts")
      }
      for bits in c.keys.sorted() {
        let v = c[bits]
        if let n = v as? NSNumber, Double(n.int64Value) == n.doubleValue, !(v is Bool) { continue }
        return located(shown, [AnyKey("counts"), AnyKey(id), AnyKey(bits)], "\(v.map { "\($0)" } ?? "null") is not an integer")
      }
    }
    return nil
  }

  /// An error at a coding path: `counts.<id>.<bits>` names the circuit and the bit string.
  private static func located(_ shown: String, _ codingPath: [any CodingKey], _ why: String) -> HardwareError {
    let path = codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
    let circuit = path.count >= 2 && path[0] == "counts" ? path[1] : nil
    var at = ""
    if path.count > 2 { at = "bit string '\(path[2])': " } else if circuit == nil, !path.isEmpty { at = path.joined(separator: ".") + ": " }
    return HardwareError(
      file: shown, circuit: circuit,
      at + "expected {\"claim\", \"spec_hash\", \"backend\", \"counts\": {id: {bits: count}}} with integer counts (\(why))")
  }
}

/// A coding key made from a string, for located messages.
private struct AnyKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ s: String) { stringValue = s }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
