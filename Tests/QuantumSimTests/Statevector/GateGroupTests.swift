import Numerics
import Testing
@testable import QuantumSim

/// Tiled gate groups of cache-blocked passes against the plain gate-by-gate run.
@Suite struct GateGroupTests {
  /// Circuits of single-qubit gates of every kind, x and cx (the gates groups take), on n qubits.
  static func groupableCircuit(n: Int, gates: Int, seed: UInt64) -> Circuit {
    var rng = SeededGenerator(seed: seed)
    let kinds = GateKind.allCases.filter { $0.arity == 1 } + [.cx, .cx, .cx]
    var c = Circuit(qubits: n)
    for _ in 0..<gates {
      c.append(SVReference.randomGate(kinds[Int(rng.next() % UInt64(kinds.count))], n: n, &rng))
    }
    return c
  }

  @Test("groups in blocks of 2^12-2^13 (several 2^11 tiles per block) equal the plain run to 1e-12", arguments: [UInt64(1), 2, 3])
  func tiledBlocks(seed: UInt64) throws {
    for (n, k) in [(13, 12), (14, 12), (14, 13)] {
      let start = SVReference.randomState(n, seed: seed &+ UInt64(n))
      for c in [Self.groupableCircuit(n: n, gates: 120, seed: seed), SVReference.randomCircuit(n: n, gates: 80, seed: seed)] {
        var plain = start
        try plain.apply(c)
        var blocked = start
        blocked.apply(try CompiledCircuit(c), blockQubits: k)
        let diff = SVReference.maxDifference(plain.amplitudes, blocked.amplitudes)
        #expect(diff < 1e-12, "n = \(n), k = \(k), seed \(seed): max difference \(diff)")
      }
    }
  }

  @Test("1 and 2 threads give bit-identical runs with tiled groups")
  func threadCountIndependent() throws {
    let n = 14
    let start = SVReference.randomState(n, seed: 9)
    let c = Self.groupableCircuit(n: n, gates: 100, seed: 4)
    var one = start, two = start
    two.threads = 2
    one.apply(try CompiledCircuit(c), blockQubits: 12)
    two.apply(try CompiledCircuit(c), blockQubits: 12)
    #expect(one == two)
  }

  @Test("consecutive gates below the tile size share one group; consecutive gates above it share one whose tile is the block")
  func grouping() {
    let p = GateParameters(repeating: 0.4)
    let ops: [CacheBlockPlan.Op] = [
      .gate(Gate(.ry, [0]), p), .gate(Gate(.cx, [3, 10]), p), .gate(Gate(.h, [12]), p),
      .gate(Gate(.ry, [1]), p), .gate(Gate(.rzz, [0, 1]), p), .gate(Gate(.x, [2]), p),
    ]
    let grouped = GateGroup.grouped(ops, blockQubits: 13)
    let shape = grouped.map { op -> String in
      switch op {
      case .group(let g): return "g\(g.gateCount)/\(g.tileQubits)"
      case .gate(let g, _): return "\(g.kind)"
      case .tables: return "tables"
      }
    }
    #expect(shape == ["g2/11", "g1/13", "g1/11", "rzz", "g1/11"])
    let high: [CacheBlockPlan.Op] = [.gate(Gate(.h, [12]), p), .gate(Gate(.cx, [0, 11]), p), .gate(Gate(.ry, [1]), p)]
    let highShape = GateGroup.grouped(high, blockQubits: 13).map { op -> String in
      guard case .group(let g) = op else { return "?" }
      return "g\(g.gateCount)/\(g.tileQubits)"
    }
    #expect(highShape == ["g2/13", "g1/11"])
    // h on 12 then cx(0, 11): both pair vectors, on different targets, so one sweep.
    guard case .group(let pairGroup) = GateGroup.grouped(high, blockQubits: 13)[0] else { return }
    #expect(pairGroup.sweeps.map(\.paired) == [true])
    // Blocks smaller than a tile: the tile is the block.
    #expect(GateGroup.grouped(Array(ops.prefix(2)), blockQubits: 11).count == 1)
  }
}
