import Foundation
import ClaimSpec

/// Which backends of a claim are devices (simulated device profiles or imported hardware counts),
/// derived from the backend fact ("garnet: device iqm-garnet; ideal: statevector").
enum BackendKinds {
  /// Ids of the device and hardware backends.
  static func devices(_ r: ClaimResult) -> Set<String> {
    var out: Set<String> = []
    for part in (r.facts.backend ?? "").split(separator: ";") {
      let pieces = part.split(separator: ":", maxSplits: 1)
      guard pieces.count == 2 else { continue }
      let kind = pieces[1].trimmingCharacters(in: .whitespaces)
      if kind.hasPrefix("device ") || kind.hasPrefix("hardware ") {
        out.insert(pieces[0].trimmingCharacters(in: .whitespaces))
      }
    }
    return out
  }

  /// The price of one cost record: money on a priced device; "not priced" on a device whose profile
  /// has no prices (a cost of exactly 0 cannot be told from a missing price); "none (simulator)" elsewhere.
  static func price(_ c: CostRecord, devices: Set<String>) -> String {
    guard devices.contains(c.backend) else { return "none (simulator)" }
    return c.cloudUsd > 0 ? NumberText.usd(c.cloudUsd) : "not priced"
  }

  /// The projected queue of one cost record: "unknown" on a device without a queue figure, "none" elsewhere.
  static func queue(_ c: CostRecord, devices: Set<String>) -> String {
    guard devices.contains(c.backend) else { return "none (simulator)" }
    return c.queueSeconds > 0 ? NumberText.seconds(c.queueSeconds) : "unknown"
  }

  /// The summed price of a claim: nil without device backends, "not priced" when no device has a price.
  static func totalPrice(_ r: ClaimResult) -> String? {
    let devices = devices(r)
    let onDevices = r.costs.filter { devices.contains($0.backend) }
    guard !onDevices.isEmpty else { return nil }
    let priced = onDevices.filter { $0.cloudUsd > 0 }
    if priced.isEmpty { return "not priced" }
    let sum = NumberText.usd(priced.map(\.cloudUsd).reduce(0, +))
    return priced.count < onDevices.count ? sum + " (some devices not priced)" : sum
  }
}
