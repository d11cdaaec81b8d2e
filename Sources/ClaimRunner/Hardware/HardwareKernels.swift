import ClaimSpec
import Foundation
import QMLKit

/// The kernel matrices of one hardware backend, built from imported counts: what the runner
/// scores a `hardware:` backend from. Stored as `hardware/<claim>/<backend>.json` beside the
/// spec (like `accepted/`), so it survives a fresh `reports/` and is committed with the claim.
public struct HardwareKernels: Codable, Sendable, Equatable {
  /// The kernels of one model and seed.
  public struct Entry: Codable, Sendable, Equatable {
    /// Model id and seed.
    public var model: String
    public var seed: Int
    /// Train-train kernel (unit diagonal, symmetric) and test-train kernel.
    public var train: Matrix
    public var test: Matrix
    /// Circuits run and shots counted for these matrices.
    public var executions: Int
    public var shots: Int
  }

  /// A trained model's test outputs of one seed, from its inference circuits' counts: the model
  /// was trained on a simulator (`trainedOn`), only inference ran on the device.
  public struct Inferred: Codable, Sendable, Equatable {
    /// Model id, seed and kind.
    public var model: String
    public var seed: Int
    public var kind: String
    /// The simulator backend the weights were trained on.
    public var trainedOn: String
    /// Readout expectations per test row (every output circuit's readouts, in order) from the counts.
    public var expectations: Matrix
    /// The model's outputs per test row from them: class scores, or one prediction (regression).
    public var outputs: Matrix
    /// Circuits run and shots counted.
    public var executions: Int
    public var shots: Int

    enum CodingKeys: String, CodingKey {
      case model, seed, kind, trainedOn = "trained_on", expectations, outputs, executions, shots
    }
  }

  /// The test score of one model and seed at import (the runner recomputes it identically).
  public struct Score: Codable, Sendable, Equatable {
    public var model: String
    public var seed: Int
    public var metric: String
    public var test: Double
    /// The chosen C (a regression claim's ridge alpha); absent for a trained model.
    public var chosenC: Double?

    enum CodingKeys: String, CodingKey { case model, seed, metric, test, chosenC = "C" }
  }

  /// Format version of this file.
  public var formatVersion: Int
  /// Claim id, spec hash at export, backend id and device profile.
  public var claim: String
  public var specHash: String
  public var backend: String
  public var device: String
  /// qlift version and time of the import, and the counts file read.
  public var qliftVersion: String
  public var imported: String
  public var countsFile: String
  /// Kernels per model and seed.
  public var entries: [Entry]
  /// Scores at import.
  public var scores: [Score]
  /// Trained models' outputs per model and seed (absent when the claim has none, as in files
  /// written before trained models were exported).
  public var inferred: [Inferred]? = nil
  /// Born machines' samples per model and seed (a generative claim; absent otherwise).
  public var sampled: [Sampled]? = nil

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version", claim, specHash = "spec_hash", backend, device
    case qliftVersion = "qlift_version", imported, countsFile = "counts_file", entries, scores, inferred, sampled
  }

  /// The entry of a model and seed.
  public func entry(model: String, seed: Int) -> Entry? {
    entries.first { $0.model == model && $0.seed == seed }
  }

  /// The trained model's outputs of a model and seed.
  public func inferred(model: String, seed: Int) -> Inferred? {
    inferred?.first { $0.model == model && $0.seed == seed }
  }
}

/// Where imported kernels live and how the runner loads them.
public enum HardwareKernelStore {
  /// `hardware/<claim>/<backend>.json` in the spec's folder, as a path relative to the spec's
  /// path as given (for messages) and as a URL.
  public static func location(claim: Claim, backend: String) -> (shown: String, url: URL) {
    let dir = (claim.file as NSString).deletingLastPathComponent
    let rel = "hardware/\(claim.id)/\(backend).json"
    let shown = dir.isEmpty ? rel : dir + "/" + rel
    return (shown, URL(fileURLWithPath: shown))
  }

  /// `hardware/<claim>/` in the spec's folder, as shown relative to the spec's path as given: the
  /// one folder of a claim's hardware files (exported circuits and manifest, imported kernels).
  public static func folder(claim: Claim) -> String {
    let dir = (claim.file as NSString).deletingLastPathComponent
    let rel = "hardware/\(claim.id)"
    return dir.isEmpty ? rel : dir + "/" + rel
  }

  /// Writes imported kernels atomically; no entry from the spec's folder down is followed if it
  /// is a symbolic link (`OutputEntry`).
  public static func save(_ k: HardwareKernels, claim: Claim) throws -> String {
    let (shown, url) = location(claim: claim, backend: k.backend)
    let specFolder = URL(fileURLWithPath: claim.file).deletingLastPathComponent()
    try OutputEntry.check(url, in: specFolder, as: .file)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try HardwareJSON.encoder().encode(k).write(to: url, options: .atomic)
    return shown
  }

  /// The imported kernels of the claim's hardware backend `backendIndex`, checked against the
  /// spec's current hash.
  /// - Throws: `RunnerError.invalidClaim` (exit 2) naming the commands to run when there are
  ///   none, when they are stale and when the file is unreadable.
  static func loadForRun(claim: Claim, backendIndex i: Int) throws -> HardwareKernels {
    let b = claim.backends[i]
    let field = "backends[\(i)]"
    let (shown, url) = location(claim: claim, backend: b.id)
    let again = "run 'qlift export-qasm \(claim.file) --backend \(b.id)', run the circuits on the device, "
      + "then 'qlift import-counts \(claim.file) <counts.json>'"
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw RunnerError.invalidClaim(
        file: claim.location(of: field).description, field: field,
        message: "hardware backend '\(b.id)' has no imported counts (\(shown) is missing): \(again)")
    }
    let k: HardwareKernels
    let root = claim.projectRoot ?? ProjectPaths(specFile: URL(fileURLWithPath: claim.file)).root
    do {
      k = try JSONDecoder().decode(HardwareKernels.self, from: ProjectFile.read(url, root: root, maxBytes: ProjectFile.maxOtherBytes, shown: shown))
    } catch let e as ProjectFile.Refusal {
      throw e
    } catch {
      throw RunnerError.invalidClaim(
        file: claim.location(of: field).description, field: field,
        message: "\(shown): unreadable or corrupt imported counts (\(error)): \(again)")
    }
    guard k.specHash == ContentHash.claim(claim) else {
      throw RunnerError.invalidClaim(
        file: claim.location(of: field).description, field: field,
        message: "the counts imported into \(shown) were measured for an earlier version of this spec or its data: \(again)")
    }
    return k
  }
}
