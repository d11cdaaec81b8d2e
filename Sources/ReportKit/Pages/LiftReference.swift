import ClaimSpec

/// What a claim's lift is measured over, named for axis labels: the best baseline by name, a named
/// baseline or a quantum model, read from the lifts' `reference` field.
enum LiftReference {
  /// "svm_rbf (best baseline)", "baseline knn", "quantum model hea"; the best baseline when the
  /// lifts name no reference (results written before the field existed).
  static func name(_ r: ClaimResult) -> String {
    let best = r.bestBaseline.isEmpty ? "the best baseline" : "\(r.bestBaseline) (best baseline)"
    guard let named = r.lifts.lazy.compactMap(\.reference).first, !named.hasPrefix("the best baseline") else { return best }
    return named
  }

  /// The lift axis label: "lift of zz over svm_rbf (best baseline)".
  static func axisLabel(_ r: ClaimResult) -> String {
    let models = Set(r.lifts.map(\.model))
    let of = models.count == 1 ? "of \(models.first!) " : ""
    return "lift \(of)over \(name(r))"
  }
}
