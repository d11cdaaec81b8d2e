import Foundation
import QMLKit

/// What one cell computed: the numbers `qlift merge` needs to assemble the claim exactly as a
/// single run would (the split and preprocessing of a seed are recomputed at merge: they are cheap
/// and deterministic).
enum CellPayload: Sendable, Codable {
  /// A classification or regression seed's baselines, in spec order.
  case baselines([BaselineOutcome])
  /// A classification or regression seed's quantum models on one backend, by model id.
  case backend([String: QuantumOutcome])
  /// A generative seed's baselines, in spec order, with their seconds.
  case generativeBaselines(outcomes: [GenerativeExperiment.ModelOutcome], seconds: [Double])
  /// A generative seed's Born machines on one backend, by model id.
  case generativeBackend([String: GenerativeCellOutcome])
  /// The cell stopped on an input error (located message): the single run would have recorded
  /// the claim as `error` with this message, and so does `qlift merge`.
  case inputError(String)
}

/// One Born machine on one backend and seed: its outcome or why it failed, and its seconds.
struct GenerativeCellOutcome: Sendable, Codable {
  var outcome: GenerativeExperiment.ModelOutcome?
  var failure: String?
  var seconds: Double
}
