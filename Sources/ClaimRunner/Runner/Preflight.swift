import ClaimSpec
import Foundation

/// What `qlift run` would refuse about a claim's inputs (data, encodings, backends and noise,
/// imported hardware counts, the data guard, memory and runtime estimates before its first seed;
/// an unreadable accepted snapshot after it), found without running it, as spec errors: `qlift
/// lint` reports them with file, line and field.
public enum Preflight {
  /// The run-time input problems of a claim (empty when the claim would start).
  public static func errors(_ claim: Claim, devices: [String: DeviceProfile]) -> [SpecError] {
    do {
      if claim.task == .generative {
        _ = try GenerativeClaimRunner.prepare(claim, devices: devices)
      } else {
        _ = try ClaimRunner(devices: devices).prepare(claim)
      }
      _ = try SnapshotStore(folder: SuiteRunner.acceptedFolder(for: claim)).load(claim.id)
      return []
    } catch {
      return specErrors(error, claim: claim)
    }
  }

  /// A run-time input error as spec errors located in the claim's spec file.
  public static func specErrors(_ error: Error, claim: Claim) -> [SpecError] {
    func at(_ field: String, _ message: String) -> [SpecError] {
      [SpecError(at: claim.location(of: field), field: field, message: message, kind: .notRunnable)]
    }
    switch error {
    case let e as RunnerError:
      switch e {
      case .invalidClaim(_, let field, let message), .resourceLimit(_, let field, let message): return at(field, message)
      case .corruptFile(let path, let why): return at("claim", "\(path): unreadable or corrupt file: \(why)")
      case .modelFailed(let m), .outputFolder(_, let m): return at("claim", m)
      case .outputLocked: return at("claim", e.description)
      }
    case let e as SpecError: return [e]
    case let e as SpecErrors: return e.errors
    default: return at("claim", "\(error)")
    }
  }
}
