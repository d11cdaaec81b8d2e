/// What a profile's gate-error figure is: the vendor's total gate error (1 − average gate
/// fidelity, thermal relaxation included), or the parameter of a depolarizing channel that the
/// vendor's own noise model composes with thermal relaxation over the gate (IQM's fake backends).
public enum GateErrorKind: String, Sendable, Equatable, CaseIterable {
  /// Total error: the depolarizing part is what is left after the thermal part (Aer's recipe).
  case total
  /// Depolarizing parameter: used as is, with thermal relaxation added on top.
  case depolarizing
}
