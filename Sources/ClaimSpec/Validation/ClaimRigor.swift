/// Checks that a claim can reach a decisive verdict at all: enough seeds for an interval with a
/// spread. Fewer than 2 seeds is an error (no interval exists); 2 seeds is a warning (the runner
/// reports the interval but the verdict is `inconclusive`: a decisive verdict needs 3 seeds).
public enum ClaimRigor {
  /// Seeds below which lint refuses the claim.
  public static let minimumSeeds = 2
  /// Seeds a decisive verdict needs (the runner's rule; docs/SPEC.md "Seeds and intervals").
  public static let decisiveSeeds = 3

  /// Errors of a loaded claim: fewer than `minimumSeeds` seeds; an encoding grid (`alpha` or
  /// `reps` lists) on a claim with a `hardware:` backend, whose imported counts hold one encoding only.
  public static func errors(_ claim: Claim) -> [SpecError] {
    var out: [SpecError] = []
    if claim.seeds.count < minimumSeeds {
      out.append(SpecError(at: claim.location(of: "seeds"), field: "seeds",
        message: "\(claim.seeds.count) seed gives no interval; list at least \(decisiveSeeds) seeds (e.g. [1, 2, 3])",
        kind: .outOfRange))
    }
    let hardware = claim.backends.contains { if case .hardware = $0.target { return true } else { return false } }
    for (i, m) in claim.quantum.enumerated() where hardware && (m.encoding.alphaGrid.count > 1 || m.encoding.repsGrid.count > 1) {
      out.append(SpecError(at: claim.location(of: "quantum[\(i)].encoding"), field: "quantum[\(i)].encoding",
        message: "an alpha or reps list is tuned by running every candidate's circuits, but a hardware backend's imported counts "
          + "hold one encoding; give one value on claims with hardware backends",
        kind: .conflict))
    }
    return out
  }

  /// Warnings of a loaded claim: fewer than `decisiveSeeds` seeds; one side tuned with far fewer
  /// configurations than the other (`budgetRatio` or more).
  public static func warnings(_ claim: Claim) -> [SpecError] {
    var out: [SpecError] = []
    func warn(_ field: String, _ message: String) {
      var w = SpecError(at: claim.location(of: field), field: field, message: message, kind: .conflict)
      w.isWarning = true
      out.append(w)
    }
    if claim.seeds.count >= minimumSeeds, claim.seeds.count < decisiveSeeds {
      warn("seeds", "\(claim.seeds.count) seeds can only give an inconclusive verdict; a decisive verdict needs at least \(decisiveSeeds)")
    }
    let tunedBaselines = claim.baselines.filter { !$0.grid.isEmpty }
    if let widest = tunedBaselines.max(by: { configurations($0) < configurations($1) }) {
      let b = configurations(widest)
      for (i, m) in claim.quantum.enumerated() {
        let q = configurations(m)
        if b >= budgetRatio * q {
          warn("quantum[\(i)]", "quantum model '\(m.id)' is tuned over \(q) configuration\(q == 1 ? "" : "s") and baseline "
            + "'\(widest.id)' over \(b): give the quantum model a grid too (svm C, encoding alpha, training learning_rate) "
            + "so the comparison has equal budgets")
        } else if q >= budgetRatio * b {
          warn("baselines", "quantum model '\(m.id)' is tuned over \(q) configurations and the widest baseline grid "
            + "('\(widest.id)') has \(b): widen the baselines' grids so the comparison has equal budgets")
        }
      }
    }
    return out
  }

  /// A budget at least this many times another's draws a warning.
  public static let budgetRatio = 5

  /// Configurations a baseline's grid holds.
  public static func configurations(_ b: BaselineSpec) -> Int { b.grid.values.reduce(1) { $0 * max(1, $1.count) } }

  /// Configurations a quantum model is tuned over: C (or gamma) times the encoding's alphas and
  /// reps, or the variational model's learning rates times its layer counts.
  public static func configurations(_ m: QuantumModelSpec) -> Int {
    let encoding = max(1, m.encoding.alphaGrid.count) * max(1, m.encoding.repsGrid.count)
    // The penalty grid: svm C (classification) or ridge alpha (regression); the other stays at its default [1].
    let penalty = max(1, m.svmC.count, m.ridgeAlpha.count)
    switch m.kind {
    case .kernel: return penalty * encoding
    case .projectedKernel: return penalty * max(1, m.gamma.count) * encoding
    case .variational, .hybrid: return max(1, m.training?.learningRates.count ?? 1) * max(1, m.ansatz?.layersGrid.count ?? 1)
    case .reuploading: return max(1, m.training?.learningRates.count ?? 1) * max(1, m.uploads?.layersGrid.count ?? 1)
    }
  }
}
