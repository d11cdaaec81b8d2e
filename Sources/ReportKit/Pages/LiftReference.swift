import ClaimSpec

/// What a claim's lift is measured over, named for axis labels: the best baseline by name, a named
/// baseline or a quantum model. Results carry it only in the reasons ("zz's lift over baseline knn is …").
enum LiftReference {
  /// "svm_rbf (best baseline)", "baseline knn", "quantum model hea"; the best baseline when no reason names one.
  static func name(_ r: ClaimResult) -> String {
    let best = r.bestBaseline.isEmpty ? "the best baseline" : "\(r.bestBaseline) (best baseline)"
    for reason in r.reasons {
      guard let start = reason.range(of: "'s lift over ") else { continue }
      let rest = reason[start.upperBound...]
      guard let end = rest.range(of: " is ") else { continue }
      let named = String(rest[..<end.lowerBound])
      return named.hasPrefix("the best baseline") ? best : named
    }
    return best
  }

  /// The lift axis label: "lift of zz over svm_rbf (best baseline)".
  static func axisLabel(_ r: ClaimResult) -> String {
    let models = Set(r.lifts.map(\.model))
    let of = models.count == 1 ? "of \(models.first!) " : ""
    return "lift \(of)over \(name(r))"
  }
}
