import ClaimSpec
import Foundation
import Testing

@testable import ClaimRunner

/// Cell files: exact round trip, checksum, and a forged cell whose outcomes do not fit its claim.
@Suite struct CellRecordTests {
  static func record(_ payload: CellPayload) -> CellRecord {
    CellRecord(
      format: CellRecord.currentFormat, cell: CellID(claim: "kern", seed: 1, backend: "sv"), cacheKey: "k", specHash: "h",
      machine: "m", started: "s", finished: "f", seconds: 0.25, payload: payload)
  }

  @Test func roundTripsEveryDoubleExactly() throws {
    let values = [0.1, -0.0, 1.0 / 3.0, 5e-324, .greatestFiniteMagnitude, .nan, .infinity]
    let outcome = QuantumOutcome(
      test: values[2], failure: nil, chosen: ["C": "10"], executions: 3, shots: 0, seconds: 0.5, loss: values,
      accuracy: [], kernel: nil, warnings: [])
    let data = try Self.record(.backend(["q": outcome])).fileData()
    let back = try CellRecord.decode(data)
    guard case .backend(let o) = back.payload, let q = o["q"] else { Issue.record("payload"); return }
    #expect(q.loss.map(\.bitPattern).dropLast(2) == values.map(\.bitPattern).dropLast(2))
    #expect(q.loss[5].isNaN && q.loss[6] == .infinity && q.test == values[2])
    // One byte changed anywhere fails the checksum.
    var edited = data
    edited[edited.count / 2] ^= 1
    #expect(throws: CellRecord.Damaged.self) { try CellRecord.decode(edited) }
    #expect(throws: CellRecord.Damaged.self) { try CellRecord.decode(Data()) }
  }

  @Test func aForgedCellMissingAModelIsRefusedAtMerge() throws {
    let (dir, set) = try CellShardTests.project()
    let kern = set.claims.filter { $0.id == "kern" }
    let out = dir.appendingPathComponent("shard")
    _ = try CellShardRunner(options: SuiteOptions(out: out, jobs: 1, progress: false)).run(kern, of: set, shard: Shard("1/1")!)
    let cell = CellID(claim: "kern", seed: 2, backend: "s256")
    guard case .valid(var r) = CellStore.read(cell, in: out) else { Issue.record("no cell"); return }
    r.payload = .backend([:])  // a valid checksum over outcomes without the claim's model
    try CellStore.write(r, in: out)
    let only = SpecSet.resolve(paths: [dir.appendingPathComponent("specs/kern.yaml").path])
    #expect { try ShardMerger.merge([out], into: dir.appendingPathComponent("m"), specs: only) } throws: {
      "\($0)".contains("does not hold the outcomes of kern seed 2, backend s256")
    }
  }
}
