import ClaimSpec
import Foundation
import QMLKit
import QuantumSim

/// Which errors of a claim's run are about its inputs (spec, data, counts, resources: exit 2),
/// so the suite records that claim as `error` and goes on with the others.
public enum InputFailure {
  /// The located message of an input error, or nil for any other error (an interruption, a
  /// failure of qlift itself, a write error), which stops the suite.
  public static func message(_ error: Error) -> String? {
    switch error {
    case let e as RunnerError:
      if case .outputFolder = e { return nil }
      return e.isInputError ? e.description : nil
    case let e as SpecErrors: return e.description
    case let e as SpecError: return e.description
    case let e as DataError: return e.description
    case let e as HardwareError: return e.description
    case let e as NoiseError: return "error: \(e)"
    default: return nil
    }
  }

  /// The result of a claim that could not run: verdict `error`, the message in `input_error`
  /// and first among the reasons, nothing measured.
  public static func result(
    claim: Claim, message: String, specHash: String, gitCommit: String?, started: Date, finished: Date = Date()
  ) -> ClaimResult {
    let manifest = RunManifest.of(claim, specHash: specHash, gitCommit: gitCommit, started: started, finished: finished)
    let source: String
    if case .generator(let g) = claim.dataset.source { source = g.name } else {
      source = claim.dataset.source.files.map(\.path).joined(separator: ", ")
    }
    let dataset = DatasetSummary(
      source: source, samples: 0, trainSamples: 0,
      testSamples: 0, features: [], classes: [], preprocessing: [], scatter: [], scatterAxes: [])
    var r = ClaimResult(
      claim: claim.id, title: claim.title, hypothesis: claim.hypothesis, specFile: claim.file,
      facts: ClaimCompleteness.facts(of: claim), dataset: dataset, metric: claim.criteria.metric.rawValue,
      seeds: claim.seeds, verdict: .error, expected: Verdict(claim.expect),
      reasons: ["Could not run: its inputs were refused: \(message)"], manifest: manifest)
    r.inputError = message
    if claim.task != .classification { r.task = claim.task.rawValue }
    return r
  }
}
