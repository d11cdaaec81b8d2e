import ClaimSpec
import Foundation

extension RunManifest {
  /// The manifest of a claim run on this machine from `started` to `finished` (now by default).
  static func of(
    _ claim: Claim, specHash: String, gitCommit: String?, started: Date, finished: Date = Date()
  ) -> RunManifest {
    RunManifest(
      specHash: specHash, qliftVersion: RunEnvironment.qliftVersion, gitCommit: gitCommit, seeds: claim.seeds,
      machine: RunEnvironment.machine, started: RunEnvironment.timestamp(started),
      finished: RunEnvironment.timestamp(finished), seconds: finished.timeIntervalSince(started))
  }
}
