import Numerics
import Testing
@testable import QuantumSim

/// Each prepared tile operation against the gate's own kernel.
@Suite struct TileOpTests {
  /// Applies `g` as a `TileOp` to the whole of `state` (contiguous, qubit 0 lowest).
  func tiled(_ g: Gate, _ state: StateVector) -> StateVector {
    var s = state
    let op = TileOp(g, gateParameters(g.parameters.map { $0.constantValue ?? .nan }))
    let dim = s.dimension
    s.re.withUnsafeMutableBufferPointer { r in
      s.im.withUnsafeMutableBufferPointer { i in op.apply(r.baseAddress!, i.baseAddress!, count: dim) }
    }
    return s
  }

  @Test("every single-qubit kind, x and cx, on lane and higher qubits, equals the kernels to 1e-13")
  func matchesKernels() {
    let n = 7
    var rng = SeededGenerator(seed: 17)
    let start = SVReference.randomState(n, seed: 2)
    var gates: [Gate] = []
    for kind in GateKind.allCases where kind.arity == 1 {
      for q in [0, 1, 2, 3, 6] {
        var g = SVReference.randomGate(kind, n: n, &rng)
        g.qubits = [q]
        gates.append(g)
      }
    }
    for c in [0, 1, 2, 3, 6] { for t in [0, 1, 2, 4, 6] where c != t { gates.append(Gate(.cx, [c, t])) } }
    for g in gates {
      var reference = start
      reference.apply(g)
      let diff = SVReference.maxDifference(reference.amplitudes, tiled(g, start).amplitudes)
      #expect(diff < 1e-13, "\(g.kind) on \(g.qubits): \(diff)")
    }
  }
}
