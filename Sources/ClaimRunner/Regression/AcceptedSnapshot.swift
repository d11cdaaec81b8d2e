import ClaimSpec
import Foundation

/// A claim's headline numbers recorded by `qlift accept`, stored in `specs/accepted/<claim>.json`.
public struct AcceptedSnapshot: Codable, Sendable, Equatable {
  /// Claim id.
  public var claim: String
  /// When it was accepted, ISO 8601.
  public var accepted: String
  /// Verdict at acceptance.
  public var verdict: Verdict
  /// Mean lift per backend.
  public var lift: [String: Double]
  /// Worst measured value of each cost bound (name -> value).
  public var cost: [String: Double]
  /// The spec hash at acceptance.
  public var specHash: String
  /// Hash of the claim's design at acceptance (`Claim.designText`); nil in snapshots from before it.
  public var designHash: String?
  /// `Claim.designVersion` of that hash: hashes of another format are not compared.
  public var designVersion: Int?
  /// The seeds of this acceptance.
  public var seeds: [Int]?
  /// Every seed whose results were seen by an acceptance of this claim, this one included.
  public var seenSeeds: [Int]?
  /// True when this design was accepted on seeds an earlier, different design had already been
  /// seen on: the design may have been chosen on those test splits and needs fresh seeds.
  public var unconfirmed: Bool?

  /// The snapshot of a result's headline numbers.
  public init(result: ClaimResult, date: String) {
    claim = result.claim
    accepted = date
    verdict = result.verdict
    lift = Dictionary(uniqueKeysWithValues: result.lifts.map { ($0.backend, $0.summary.mean) })
    cost = Dictionary(uniqueKeysWithValues: result.costChecks.map { ($0.name, $0.actual) })
    specHash = result.manifest.specHash
  }

  /// The snapshot of `result` for `claim`, carrying forward what `previous` saw: a design that
  /// changed while sharing seeds with earlier acceptances is recorded as unconfirmed until it is
  /// accepted on seeds none of them used.
  public init(result: ClaimResult, claim c: Claim, date: String, previous: AcceptedSnapshot?) {
    self.init(result: result, date: date)
    let design = Self.designHash(c)
    designHash = design
    designVersion = Claim.designVersion
    seeds = c.seeds
    let seen = Set(previous?.seenSeeds ?? previous?.seeds ?? [])
    seenSeeds = Array(seen.union(c.seeds)).sorted()
    let reused = !seen.isDisjoint(with: c.seeds)
    if let previous, let old = previous.designHash, previous.designVersion == Claim.designVersion {
      if old != design { unconfirmed = reused ? true : nil }
      else { unconfirmed = previous.unconfirmed == true && reused ? true : nil }
    }
  }

  /// The hash of a claim's design text.
  public static func designHash(_ claim: Claim) -> String { ContentHash.hex([Data(claim.designText.utf8)]) }

  /// The warning `verify` prints and the page shows when the claim's design changed after its
  /// results were seen on the seeds it still uses, or was accepted that way; nil when clean.
  public func designWarning(for claim: Claim) -> String? {
    guard let design = designHash, designVersion == Claim.designVersion else { return nil }
    let seen = Set(seenSeeds ?? seeds ?? [])
    let reused = !seen.isDisjoint(with: claim.seeds)
    if design != Self.designHash(claim) && reused {
      return "changed after its results were seen on these seeds: confirm on fresh seeds (the models, encodings, "
        + "baselines or criteria differ from the accepted design, and seeds \(seen.intersection(claim.seeds).sorted()) were already seen)"
    }
    if design == Self.designHash(claim) && unconfirmed == true && reused {
      return "accepted after a design change on seeds it had already seen: confirm on fresh seeds"
    }
    return nil
  }

  /// Compares today's result with this snapshot: a lift that drops by more than `liftDrop`
  /// or a cost that rises by more than `costRise` (relative) trips. Runtime is not compared
  /// (it depends on the machine); its absolute bound is a cost check of its own.
  public func compare(with result: ClaimResult, liftDrop: Double, costRise: Double) -> [RegressionCheck] {
    var checks: [RegressionCheck] = []
    for l in result.lifts {
      guard let old = lift[l.backend] else { continue }
      checks.append(RegressionCheck(
        name: "lift \(l.backend)", accepted: old, actual: l.summary.mean, tolerance: liftDrop,
        tripped: l.summary.mean < old - liftDrop - 1e-12))
    }
    // Wall-clock runtime is checked against its absolute bound only: it moves with machine load.
    for c in result.costChecks where c.name != "max_runtime_seconds" {
      guard let old = cost[c.name] else { continue }
      let allowed = old * (1 + costRise)
      checks.append(RegressionCheck(
        name: "cost \(c.name)", accepted: old, actual: c.actual, tolerance: costRise,
        tripped: c.actual > allowed + 1e-12 && c.actual > old))
    }
    return checks.sorted { $0.name < $1.name }
  }
}

/// Reads and writes accepted snapshots in a folder (normally `specs/accepted/`).
public struct SnapshotStore: Sendable {
  /// The folder holding `<claim>.json` files.
  public let folder: URL
  /// The folder snapshots must resolve inside (the project root; default: `folder`).
  public let root: URL

  /// A store over `folder`, reading only files inside `root` (see `ProjectFile`).
  public init(folder: URL, root: URL? = nil) { self.folder = folder; self.root = root ?? folder }

  /// The snapshot for `claim`, or nil if none was accepted.
  /// - Throws: `ProjectFile.Refusal` for a link leaving the project, a pipe or a device;
  ///   `RunnerError.corruptFile` when it does not decode.
  public func load(_ claim: String) throws -> AcceptedSnapshot? {
    let url = folder.appendingPathComponent(claim + ".json")
    let data: Data
    do { data = try ProjectFile.read(url, root: root, maxBytes: ProjectFile.maxOtherBytes) } catch {
      if error.isMissing { return nil }
      throw error
    }
    do {
      return try ResultsCoding.decoder().decode(AcceptedSnapshot.self, from: data)
    } catch {
      throw RunnerError.corruptFile(url.path, "\(error)")
    }
  }

  /// Stores a snapshot (atomically), replacing any earlier one. The folder and the file must not
  /// be symbolic links (`OutputEntry`, from the folder's parent): a write never follows one.
  /// - Throws: `ProjectFile.Refusal` naming a link in the way.
  public func save(_ snapshot: AcceptedSnapshot) throws {
    let file = folder.appendingPathComponent(snapshot.claim + ".json")
    try OutputEntry.check(file, in: folder.deletingLastPathComponent(), as: .file)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let data = try ResultsCoding.encoder().encode(snapshot)
    try data.write(to: file, options: .atomic)
  }
}
