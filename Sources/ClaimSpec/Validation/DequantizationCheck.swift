/// Lint's referee question for kernel claims: a quantum-kernel claim whose encoding has a frequency
/// spectrum should also face the classical model built from that spectrum (`rff_quantum`,
/// Landman et al. 2022). A claim without one gets a warning, not an error.
public enum DequantizationCheck {
  /// Warnings of a loaded claim: one when some kernel model has a Pauli-rotation encoding and no
  /// baseline is `rff_quantum`.
  public static func warnings(_ claim: Claim) -> [SpecError] {
    // rff_quantum is a classifier: a regression claim has no dequantized baseline to add yet.
    guard claim.task == .classification else { return [] }
    let kernels = claim.quantum.filter { !$0.kind.isTrained && $0.encoding.map.hasSpectrum }
    guard let first = kernels.first, !claim.baselines.contains(where: { $0.model.isDequantized }) else { return [] }
    var w = SpecError(at: claim.location(of: "baselines"), field: "baselines",
      message: "quantum kernel '\(first.id)' has no dequantized baseline; add {model: rff_quantum, of: \(first.id)}"
        + " (random Fourier features from its own frequency spectrum) so the lift is measured against it",
      kind: .incomplete)
    w.isWarning = true
    return [w]
  }
}
