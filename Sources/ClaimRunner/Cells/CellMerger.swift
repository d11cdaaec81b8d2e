import ClaimSpec
import Foundation

/// The cell half of `qlift merge`: for each claim of the specs, collects its cell files from the
/// shard folders, checks each (checksum, same inputs and build as the claim has now), assembles
/// the claim (`CellAssembler`) and checks it against its accepted snapshot, as a single run does.
public enum CellMerger {
  /// True when any folder holds a `cells/` folder.
  public static func hasCells(_ folders: [URL]) -> Bool {
    folders.contains { FileManager.default.fileExists(atPath: $0.appendingPathComponent("cells").path) }
  }

  /// The results of the claims of `set` that are not in `skipping`, assembled from the cells in
  /// `folders`; every cell used is copied to `out/cells/` (so the merged folder is a complete cache).
  /// - Throws: `RunnerError.corruptFile` naming a damaged or foreign cell file, or a claim whose
  ///   cells are missing (which shard should have run them is in the message).
  static func assemble(
    _ folders: [URL], set: SpecSet, skipping: Set<String>, into out: URL, gitCommit: String?
  ) throws -> [ClaimResult] {
    var results: [ClaimResult] = []
    for claim in set.claims where !skipping.contains(claim.id) {
      let devices = set.devices(for: claim)
      let hash = SuiteRunner.specHash(claim)
      let key = SuiteRunner.cacheKey(claim, specHash: hash, devices: devices)
      let records = try collect(claim.id, from: folders, key: key)
      let prepared: PreparedClaim
      do {
        prepared = try PreparedClaim(claim, runner: ClaimRunner(devices: devices, options: RunOptions(jobs: 1)))
      } catch {
        guard let message = InputFailure.message(error) else { throw error }
        var r = InputFailure.result(claim: claim, message: message, specHash: hash, gitCommit: gitCommit, started: Date())
        r.manifest.cacheKey = key
        results.append(r)
        continue
      }
      if records.isEmpty {
        throw RunnerError.corruptFile(
          folders.map { $0.appendingPathComponent("cells").path }.joined(separator: ", "),
          "claim '\(claim.id)' has no cells (and no results) in these folders; run every shard of the same specs before merging")
      }
      var result = try CellAssembler.result(prepared, records: records, specHash: hash, gitCommit: gitCommit)
      result.manifest.cacheKey = key
      if result.inputError == nil {
        do {
          result = try SuiteRunner.checkRegressions(result, claim: claim)
        } catch {
          guard let message = InputFailure.message(error) else { throw error }
          result = InputFailure.result(claim: claim, message: message, specHash: hash, gitCommit: gitCommit, started: Date())
          result.manifest.cacheKey = key
        }
      }
      for record in prepared.cells.compactMap({ records[$0] }) where !isSame(CellStore.url(record.cell, in: out), folders) {
        try CellStore.write(record, in: out)
      }
      results.append(result)
    }
    return results
  }

  /// A claim's verified cell records from every folder (the first copy of a cell wins).
  static func collect(_ claim: String, from folders: [URL], key: String) throws -> [CellID: CellRecord] {
    var records: [CellID: CellRecord] = [:]
    for folder in folders {
      for file in CellStore.files(claim: claim, in: folder) ?? [] {
        switch CellStore.read(file, in: folder) {
        case .missing: continue
        case .damaged(let why): throw RunnerError.corruptFile(file.path, why)
        case .valid(let r):
          guard r.cell.claim == claim else {
            throw RunnerError.corruptFile(file.path, "holds a cell of claim '\(r.cell.claim)', not '\(claim)'")
          }
          guard r.format == CellRecord.currentFormat, r.cacheKey == key else {
            throw RunnerError.corruptFile(
              file.path,
              "was computed for other inputs or by another qlift build than this merge's (cache key differs); "
                + "run the shards and the merge with the same qlift and specs")
          }
          if records[r.cell] == nil { records[r.cell] = r }
        }
      }
    }
    return records
  }

  /// True when `url` is inside one of `folders` already (merging into a shard's own folder).
  static func isSame(_ url: URL, _ folders: [URL]) -> Bool {
    let target = url.standardizedFileURL.resolvingSymlinksInPath().path
    return folders.contains { target.hasPrefix($0.standardizedFileURL.resolvingSymlinksInPath().path + "/") }
  }
}
