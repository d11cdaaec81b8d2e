import ClaimSpec

/// The backend and shots facts of a claim's five facts, in the words every task's results use.
enum BackendFacts {
  /// "id: kind" per backend, joined by "; " (empty when the claim has no backends); a hardware
  /// backend's `hardwareNote`, when given, follows in parentheses.
  static func backends(_ claim: Claim, hardwareNote: (BackendSpec) -> String? = { _ in nil }) -> String {
    claim.backends.map { b -> String in
      switch b.target {
      case .simulator(let m): return "\(b.id): \(m.rawValue) simulator" + (b.noise != nil ? " with noise" : "")
      case .device(let d): return "\(b.id): device profile \(d)"
      case .hardware(let d): return "\(b.id): hardware \(d)" + (hardwareNote(b).map { " (\($0))" } ?? "")
      }
    }.joined(separator: "; ")
  }

  /// "id: shots" per backend, or nil when some backend leaves its shots unstated.
  static func shots(_ claim: Claim) -> String? {
    let shots = claim.backends.map { b -> String in
      switch b.shots {
      case .count(let n): return "\(b.id): \(n)"
      case .exact: return "\(b.id): exact"
      case .unstated: return ""
      }
    }.filter { !$0.isEmpty }
    return shots.count == claim.backends.count ? shots.joined(separator: "; ") : nil
  }

  /// "bound B s; took T s" when the claim bounds its runtime.
  static func runtime(_ claim: Claim, seconds: Double) -> String? {
    claim.criteria.cost.maxRuntimeSeconds.map { "bound \(fmt($0)) s; took \(String(format: "%.1f", seconds)) s" }
  }
}
