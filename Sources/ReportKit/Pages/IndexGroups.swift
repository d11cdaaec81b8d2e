import ClaimSpec

/// The order of the index: claims failing the build first, then the rest by verdict
/// (supported, refuted, inconclusive, could not run), each group under a heading row.
enum IndexGroups {
  /// One row of the index table: a group heading or a claim.
  enum Item {
    /// A heading row naming the group and how many claims it holds.
    case heading(String)
    /// A claim row.
    case claim(ClaimResult)
  }

  /// The heading of a passing verdict's group.
  static func title(_ v: Verdict) -> String {
    switch v {
    case .supported: return "Supported"
    case .refuted: return "Refuted"
    case .inconclusive: return "Inconclusive"
    case .error: return "Could not run"
    }
  }

  /// The rows in display order; claims keep their given (id) order inside a group. Empty groups are left out.
  static func items(_ results: [ClaimResult]) -> [Item] {
    var out: [Item] = []
    func add(_ title: String, _ claims: [ClaimResult]) {
      guard !claims.isEmpty else { return }
      out.append(.heading("\(title) (\(claims.count))"))
      out += claims.map(Item.claim)
    }
    add("Failing the build", results.filter { !$0.passed })
    for v in Verdict.allCases { add(title(v), results.filter { $0.passed && $0.verdict == v }) }
    return out
  }
}
