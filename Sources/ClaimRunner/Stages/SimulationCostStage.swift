import ClaimSpec
import Foundation

/// The price of the quantum route against simulating it: for each quantum model, the seconds
/// qlift's own exact classical simulation took on this machine beside the projected QPU price and
/// queue time of the claim's device backends (issue 14: a reader sees what the quantum route costs
/// against just running the model classically).
enum SimulationCostStage {
  /// One `classical_simulation_seconds` record per quantum model that has an exact simulator backend.
  static func records(claim: Claim, costs: [CostRecord]) -> [DiagnosticRecord] {
    let exact = Set(claim.backends.filter { b in
      if case .simulator = b.target { return b.shots == .exact || b.shots == .unstated } else { return false }
    }.map(\.id))
    let devices = Set(claim.backends.filter { $0.profileID != nil }.map(\.id))
    var out: [DiagnosticRecord] = []
    for model in claim.quantum.map(\.id) {
      guard let sim = costs.first(where: { $0.model == model && exact.contains($0.backend) }) else { continue }
      let qpu = costs.filter { $0.model == model && devices.contains($0.backend) }
      var reading = "qlift simulated this model exactly in \(String(format: "%.2f", sim.seconds)) s on this machine "
        + "(all seeds, \(Int(sim.executions)) circuit evaluations)"
      if qpu.isEmpty {
        reading += "; no device backend in the claim to compare with."
      } else {
        let parts = qpu.map { c -> String in
          let price = c.cloudUsd > 0 ? String(format: "$%.2f", c.cloudUsd) : "not priced"
          let queue = c.queueSeconds > 0 ? String(format: "%.0f s queue", c.queueSeconds) : "queue unknown"
          let time = c.qpuSeconds.map { String(format: "%.1f s of QPU time", $0) } ?? "QPU time unknown"
          return "\(c.backend): \(price), \(Int(c.shots)) shots, \(time), \(queue)"
        }
        reading += "; the projected QPU route: " + parts.joined(separator: "; ") + "."
      }
      out.append(DiagnosticRecord(name: "classical_simulation_seconds", model: model, value: sim.seconds, reading: reading))
    }
    return out
  }
}
