/// Checks that a claim can reach a decisive verdict at all: enough seeds for an interval with a
/// spread. Fewer than 2 seeds is an error (no interval exists); 2 seeds is a warning (the runner
/// reports the interval but the verdict is `inconclusive`: a decisive verdict needs 3 seeds).
public enum ClaimRigor {
  /// Seeds below which lint refuses the claim.
  public static let minimumSeeds = 2
  /// Seeds a decisive verdict needs (the runner's rule; docs/SPEC.md "Seeds and intervals").
  public static let decisiveSeeds = 3

  /// Errors of a loaded claim (fewer than `minimumSeeds` seeds).
  public static func errors(_ claim: Claim) -> [SpecError] {
    guard claim.seeds.count < minimumSeeds else { return [] }
    return [SpecError(at: claim.location(of: "seeds"), field: "seeds",
      message: "\(claim.seeds.count) seed gives no interval; list at least \(decisiveSeeds) seeds (e.g. [1, 2, 3])",
      kind: .outOfRange)]
  }

  /// Warnings of a loaded claim (fewer than `decisiveSeeds` seeds).
  public static func warnings(_ claim: Claim) -> [SpecError] {
    guard claim.seeds.count >= minimumSeeds, claim.seeds.count < decisiveSeeds else { return [] }
    var w = SpecError(at: claim.location(of: "seeds"), field: "seeds",
      message: "\(claim.seeds.count) seeds can only give an inconclusive verdict; a decisive verdict needs at least \(decisiveSeeds)",
      kind: .outOfRange)
    w.isWarning = true
    return [w]
  }
}
