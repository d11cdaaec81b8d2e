import Numerics
import Testing
@testable import QuantumSim

/// Two pairing tile operations in one sweep against the two applied one after the other.
@Suite struct PairSweepTests {
  /// `ops` applied to the whole of `state` (contiguous, qubit 0 lowest), fused when `fused`.
  func applied(_ a: Gate, _ b: Gate, to state: StateVector, fused: Bool) -> StateVector {
    var s = state
    let (x, y) = (Self.op(a), Self.op(b))
    let dim = s.dimension
    s.re.withUnsafeMutableBufferPointer { r in
      s.im.withUnsafeMutableBufferPointer { i in
        if fused {
          PairSweep.apply(x, y, r.baseAddress!, i.baseAddress!, count: dim)
        } else {
          x.apply(r.baseAddress!, i.baseAddress!, count: dim)
          y.apply(r.baseAddress!, i.baseAddress!, count: dim)
        }
      }
    }
    return s
  }

  static func op(_ g: Gate) -> TileOp { TileOp(g, gateParameters(g.parameters.map { $0.constantValue ?? .nan })) }

  @Test("real and complex matrices and controlled swaps, in every order, on each other's qubits: bit-identical to one after the other")
  func equalsSequential() {
    let n = 8
    var rng = SeededGenerator(seed: 23)
    let start = SVReference.randomState(n, seed: 5)
    // Targets above the lanes (3...7); swaps controlled in the lanes, above them, and on the
    // other operation's target.
    var gates: [Gate] = []
    for q in [3, 5, 7] {
      for kind in [GateKind.ry, .h, .u, .rx, .sx] {
        var g = SVReference.randomGate(kind, n: n, &rng)
        g.qubits = [q]
        gates.append(g)
      }
      gates.append(Gate(.x, [q]))
      for c in [0, 2, 3, 4, 5, 7] where c != q { gates.append(Gate(.cx, [c, q])) }
    }
    var pairs = 0
    for a in gates {
      for b in gates where PairSweep.fuses(Self.op(a), Self.op(b)) {
        pairs += 1
        let fused = applied(a, b, to: start, fused: true)
        let sequential = applied(a, b, to: start, fused: false)
        #expect(fused == sequential, "\(a.kind) \(a.qubits) then \(b.kind) \(b.qubits)")
      }
    }
    #expect(pairs > 500)
  }

  @Test("only pairing operations on different qubits above the lanes fuse")
  func fusesOnlyPairs() {
    let p = Gate(.ry, [4], [.value(0.3)])
    #expect(PairSweep.fuses(Self.op(p), Self.op(Gate(.cx, [4, 6]))))
    #expect(!PairSweep.fuses(Self.op(p), Self.op(Gate(.cx, [6, 4]))))  // same target
    #expect(!PairSweep.fuses(Self.op(p), Self.op(Gate(.ry, [2], [.value(0.3)]))))  // a lane
    #expect(!PairSweep.fuses(Self.op(Gate(.cx, [4, 1])), Self.op(p)))  // target in the lanes
  }
}
