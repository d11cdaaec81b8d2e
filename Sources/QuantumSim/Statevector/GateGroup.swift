import Numerics

/// Single-qubit gates, x and cx of a cache-blocked pass, prepared once per plan (`TileOp`, not
/// once per block) and applied tile by tile: consecutive gates on qubits below `smallTileQubits`
/// all go to one tile of 2^11 consecutive amplitudes (32 KiB of re and im, in the L1 cache)
/// before the next tile, instead of each gate sweeping the whole block (in L2); consecutive gates
/// touching a higher qubit form a group whose tile is the block. Inside a tile, two consecutive
/// gates on different qubits above the lanes share one sweep (`PairSweep`).
///
/// A tile is closed under every gate of its group (their qubits are below its size), so the
/// gates run on it in circuit order exactly as on the whole block. Groups are formed from the
/// pass alone, so results do not depend on the thread count.
struct GateGroup {
  /// Groups of gates on low qubits use tiles of 2^11 amplitudes.
  static let smallTileQubits = 11

  /// The group's tiles hold 2^tileQubits amplitudes (at most the block).
  let tileQubits: Int
  /// The gates, prepared, in circuit order.
  let ops: [TileOp]
  /// Number of gates in the group.
  var gateCount: Int { ops.count }

  /// True when `gate` runs as a `TileOp`: a single-qubit gate, x or cx.
  static func accepts(_ gate: Gate) -> Bool { (gate.kind.arity == 1 || gate.kind == .cx) && gate.kind != .id }

  /// Where each sweep starts in `ops`, and whether it also takes the next operation
  /// (`PairSweep.fuses`); planned once, applied to every tile.
  let sweeps: [(start: Int, paired: Bool)]

  /// A group of accepted gates (block-local qubits below tileQubits, evaluated parameters).
  init(_ gates: [(Gate, GateParameters)], tileQubits: Int) {
    self.tileQubits = tileQubits
    let ops = gates.map { TileOp($0.0, $0.1) }
    self.ops = ops
    var sweeps: [(start: Int, paired: Bool)] = []
    var k = 0
    while k < ops.count {
      let paired = k + 1 < ops.count && PairSweep.fuses(ops[k], ops[k + 1])
      sweeps.append((k, paired))
      k += paired ? 2 : 1
    }
    self.sweeps = sweeps
  }

  /// Applies the group to a contiguous block of `dim` amplitudes.
  func apply(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, dim: Int) {
    let tile = Swift.min(dim, 1 << tileQubits)
    ops.withUnsafeBufferPointer { ops in
      var start = 0
      while start < dim {
        for (k, paired) in sweeps {
          if paired {
            PairSweep.apply(ops[k], ops[k + 1], re + start, im + start, count: tile)
          } else {
            ops[k].apply(re + start, im + start, count: tile)
          }
        }
        start += tile
      }
    }
  }
}

extension GateGroup {
  /// `ops` of a pass over blocks of 2^k amplitudes with every accepted gate in a `GateGroup`:
  /// runs of consecutive ones on qubits below `smallTileQubits` together (tiles of 2^11), runs of
  /// consecutive ones touching a higher qubit together (the tile is the block).
  static func grouped(_ ops: [CacheBlockPlan.Op], blockQubits k: Int) -> [CacheBlockPlan.Op] {
    var out: [CacheBlockPlan.Op] = []
    var run: [(Gate, GateParameters)] = []
    var runTile = 0
    let small = Swift.min(smallTileQubits, k)
    func close() {
      if !run.isEmpty { out.append(.group(GateGroup(run, tileQubits: runTile))) }
      run = []
    }
    for op in ops {
      guard case .gate(let g, let p) = op, accepts(g) else {
        close()
        out.append(op)
        continue
      }
      let tile = g.qubits.allSatisfy({ $0 < small }) ? small : k
      if tile != runTile { close() }
      runTile = tile
      run.append((g, p))
    }
    close()
    return out
  }
}
