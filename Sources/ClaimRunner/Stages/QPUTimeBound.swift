import ClaimSpec

/// The `max_qpu_seconds` bound can only be checked when every device backend's profile states
/// what QPU time is made of (gate times for the schedule, the repetition delay, native gates to
/// compile to). A bound that cannot be checked is refused before the run (and by `lint`), never
/// passed on an unknown figure.
enum QPUTimeBound {
  /// Throws `RunnerError.invalidClaim` at `criteria.cost.max_qpu_seconds` when the claim has the
  /// bound and no device backend, or a device backend whose QPU time would be unknown.
  static func check(_ claim: Claim, plan: ModelPlan) throws {
    guard claim.criteria.cost.maxQPUSeconds != nil else { return }
    let field = "criteria.cost.max_qpu_seconds"
    func refuse(_ message: String) -> RunnerError {
      .invalidClaim(file: claim.location(of: field).description, field: field, message: message)
    }
    let devices = plan.backends.filter { $0.device != nil && $0.hardware == nil }
    if devices.isEmpty {
      throw refuse("QPU time is counted on device backends (`device:` profiles) and the claim has none; drop the bound or add one")
    }
    for b in devices {
      let profile = b.device!, adapter = DeviceAdapter(profile)
      var missing: [String] = []
      if adapter.compiler == nil { missing.append("native_gates") }
      if adapter.durations == nil { missing.append("gate_time_1q_ns and gate_time_2q_ns") }
      if profile.repetitionDelayUs == nil { missing.append("repetition_delay_us") }
      if !missing.isEmpty {
        throw refuse("the QPU time of backend '\(b.spec.id)' is unknown: device profile '\(profile.id)' gives no "
          + missing.joined(separator: ", ") + " (docs/HARDWARE.md, Prices and time), so the bound cannot be checked; "
          + "drop max_qpu_seconds or use a profile that states them with their source")
      }
    }
  }
}
