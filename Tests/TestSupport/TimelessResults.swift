import Foundation

/// A results file's JSON without what depends on the clock or the machine, to compare runs
/// (sharded against unsharded, one process against another) byte for byte.
public enum TimelessResults {
  /// Keys dropped wherever they appear: timings, the machine, the cache flag, the checksum and
  /// the runtime fact (`took 0.5 s`).
  public static let droppedKeys: Set<String> = ["seconds", "started", "finished", "machine", "cached", "checksum", "runtime"]

  /// Sorted-key JSON of `data` with `droppedKeys` removed, the measured side (`actual`) of the
  /// `max_runtime_seconds` check removed, and the `classical_simulation_seconds` diagnostic replaced.
  public static func json(_ data: Data) throws -> String {
    let object = try JSONSerialization.jsonObject(with: data)
    let out = try JSONSerialization.data(withJSONObject: strip(object), options: [.sortedKeys, .prettyPrinted])
    return String(decoding: out, as: UTF8.self)
  }

  static func strip(_ v: Any) -> Any {
    if let d = v as? [String: Any] {
      if d["name"] as? String == "classical_simulation_seconds" { return "timing" }
      let runtimeCheck = d["name"] as? String == "max_runtime_seconds"
      var out: [String: Any] = [:]
      for (k, x) in d where !droppedKeys.contains(k) && !(runtimeCheck && k == "actual") { out[k] = strip(x) }
      return out
    }
    if let a = v as? [Any] { return a.map(strip) }
    return v
  }
}
