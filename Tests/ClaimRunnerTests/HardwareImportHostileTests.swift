import ClaimRunner
import ClaimSpec
import Foundation
import Testing

/// Hostile counts files: counts whose total overflows a 64-bit integer or exceeds the per-circuit
/// bound are refused naming the circuit and the bit string (exit 2 on the command line), never a trap.
@Suite struct HardwareImportHostileTests {
  /// The exported manifest of the fixture claim, with every circuit given `counts(width)`.
  func counts(_ make: (Int) -> [String: Int]) throws -> (Claim, CountsFile) {
    let (dir, claim) = try HardwareFixtures.project()
    let backend = try HardwareExporter.hardwareBackend(claim, id: nil)
    let m = try HardwareExporter.export(claim, backend: backend, to: dir.appendingPathComponent("hardware-export"))
    var counts: [String: [String: Int]] = [:]
    for e in m.circuits { counts[e.id] = make(e.qubits) }
    return (claim, CountsFile(claim: m.claim, specHash: m.specHash, backend: m.backend, counts: counts))
  }

  @Test("overflowing or oversized counts are located errors", arguments: [
    [Int.max, Int.max], [Int.max - 1, 2], [HardwareImporter.maxShotsPerCircuit, 1], [HardwareImporter.maxShotsPerCircuit + 1, 0],
  ])
  func oversizedCountsAreRefused(_ values: [Int]) throws {
    let (claim, file) = try counts { width in
      [HardwareFixtures.bits(0, width: width): values[0], HardwareFixtures.bits(1, width: width): values[1]]
    }
    let e = try #require(throws: HardwareError.self) {
      try HardwareImporter.kernels(claim: claim, counts: file, shown: "counts.json")
    }
    #expect(e.circuit != nil && e.message.contains("more than \(HardwareImporter.maxShotsPerCircuit) shots"), "\(e)")
    #expect(e.description.hasPrefix("counts.json: error: circuit '"))
  }

  @Test func countsAtTheBoundAreAccepted() throws {
    let (claim, file) = try counts { width in
      [HardwareFixtures.bits(0, width: width): HardwareImporter.maxShotsPerCircuit / 2,
       HardwareFixtures.bits(1, width: width): HardwareImporter.maxShotsPerCircuit / 2]
    }
    let k = try HardwareImporter.kernels(claim: claim, counts: file, shown: "counts.json")
    #expect(k.entries.allSatisfy { $0.shots > 0 })
  }
}
