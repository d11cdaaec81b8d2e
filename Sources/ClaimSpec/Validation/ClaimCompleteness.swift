/// The facts every claim must state: encoding, backend(s), shot counts, baseline(s) and a runtime
/// bound. A missing fact is an error in `qlift lint`.
///
/// Shots rule: every `device:` or `hardware:` backend states `shots: N`; a simulator without
/// `shots` computes exact probabilities, but at least one backend must state its shots, so a
/// claim whose backends are all exact must say so with `shots: exact` on at least one of them.
public enum ClaimCompleteness {
  /// The missing facts of a loaded claim, each located where the fact belongs.
  public static func check(_ claim: Claim) -> [SpecError] {
    var out: [SpecError] = []
    func missing(_ field: String, _ message: String) {
      let loc = claim.location(of: field)
      out.append(SpecError(at: loc, field: field, message: message, kind: .incomplete))
    }
    if claim.quantum.isEmpty { missing("quantum", "missing fact: no quantum model, so no encoding is stated") }
    if claim.backends.isEmpty { missing("backends", "missing fact: no backend is named") }
    if claim.baselines.isEmpty { missing("baselines", "missing fact: no classical baseline is named") }
    for (i, b) in claim.backends.enumerated() where b.profileID != nil && b.shotCount == nil {
      missing("backends[\(i)]", "missing fact: backend '\(b.id)' runs on a device but states no shot count; add shots: N")
    }
    if !claim.backends.isEmpty && claim.backends.allSatisfy({ $0.shots == .unstated }) {
      missing("backends", "missing fact: no backend states its shots; add shots: N, or shots: exact to state that the claim uses exact probabilities")
    }
    if claim.criteria.cost.maxRuntimeSeconds == nil {
      let field = claim.locations["criteria.cost"] != nil ? "criteria.cost" : "criteria"
      missing(field, "missing fact: no runtime bound; add criteria.cost.max_runtime_seconds")
    }
    return out
  }

  /// The five facts as the results record states them (runtime: the bound only; the runner adds the measured time).
  public static func facts(of claim: Claim) -> ClaimFacts {
    func encoding(_ m: QuantumModelSpec) -> String {
      let e = m.encoding
      switch e.map {
      case .amplitude, .basis: return "\(m.id): \(e.map.rawValue)"
      default: return "\(m.id): \(e.map.rawValue) (reps \(e.reps), \(e.entanglement.rawValue))"
      }
    }
    func backend(_ b: BackendSpec) -> String {
      switch b.target {
      case .simulator(let s): return "\(b.id): \(s.rawValue)" + (b.noise == nil ? "" : " + noise")
      case .device(let p): return "\(b.id): device \(p)"
      case .hardware(let p): return "\(b.id): hardware \(p)"
      }
    }
    func shots(_ b: BackendSpec) -> String { b.shotCount.map { "\(b.id): \($0)" } ?? "\(b.id): exact" }
    let stated = !claim.backends.allSatisfy { $0.shots == .unstated }
    return ClaimFacts(
      encoding: claim.quantum.isEmpty ? nil : claim.quantum.map(encoding).joined(separator: "; "),
      backend: claim.backends.isEmpty ? nil : claim.backends.map(backend).joined(separator: "; "),
      shots: stated ? claim.backends.map(shots).joined(separator: "; ") : nil,
      baseline: claim.baselines.isEmpty ? nil : claim.baselines.map(\.id).joined(separator: ", "),
      runtime: claim.criteria.cost.maxRuntimeSeconds.map { "bound \(_Range.show($0)) s" })
  }
}
