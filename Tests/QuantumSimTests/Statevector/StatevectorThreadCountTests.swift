import Testing
@testable import QuantumSim

/// Every thread count from 1 to 300 gives the 1-thread state, bit for bit, on a small state
/// (serial path) and on a 16-qubit state (threaded path: one- and two-qubit runs, lane blocks
/// and diagonal blocks all split from 2^15 or 2^16 amplitudes). Uneven splits (more threads than
/// chunks divide evenly) used to form invalid ranges and trap, as `qlift simulate --threads N` did.
@Suite struct StatevectorThreadCountTests {
  /// Gates on the lowest, middle and highest qubits (every kernel shape); on small states also
  /// random gates of every kind (kept off the large state, which a debug build runs slowly).
  static func circuit(qubits n: Int) -> Circuit {
    var c = n <= 4 ? SVReference.randomCircuit(n: n, gates: 2 * GateKind.allCases.count, seed: 0x7EAD) : Circuit(qubits: n)
    let top = n - 1, mid = n / 2
    c.append(Gate(.h, [0]))
    c.append(Gate(.ry, [top], [.value(0.4)]))
    c.append(Gate(.x, [mid]))
    c.append(Gate(.cx, [top, 0]))
    c.append(Gate(.swap, [0, top]))
    c.append(Gate(.cp, [mid, top], [.value(1.1)]))
    c.append(Gate(.rzz, [0, top], [.value(0.7)]))
    c.append(Gate(.ccx, [0, mid, top]))
    for q in [0, 1, mid, top] { c.append(Gate(.rz, [q], [.value(0.1 * Double(q + 1))])) }
    return c
  }

  @Test("threads 1...300 match 1 thread", arguments: [3, 16])
  func everyThreadCountMatchesOneThread(qubits n: Int) throws {
    let circuit = Self.circuit(qubits: n)
    let compiled = try CompiledCircuit(circuit)
    var reference = SVReference.randomState(n, seed: 5)
    reference.threads = 1
    var gateByGate = reference
    try gateByGate.apply(circuit, bindings: [])
    var whole = reference
    whole.apply(compiled)
    for threads in 1...300 {
      var a = reference, b = reference
      a.threads = threads
      b.threads = threads
      try a.apply(circuit, bindings: [])
      b.apply(compiled)
      #expect(a.re == gateByGate.re && a.im == gateByGate.im, "gate by gate, \(n) qubits, \(threads) threads")
      #expect(b.re == whole.re && b.im == whole.im, "compiled, \(n) qubits, \(threads) threads")
    }
  }

  @Test func chunksCoverTheRangeOnceForAnySplit() {
    for count in [0, 1, 2, 7, 64, 1000, 1 << 17] {
      for chunks in [1, 2, 3, 7, 60, 299, 300, 1 << 20] {
        var next = 0
        for c in 0..<min(chunks, 1000) {
          let r = Parallel.chunkRange(c, of: chunks, count: count)
          #expect(r.lowerBound == next && r.upperBound <= count)
          next = r.upperBound
        }
        if chunks <= 1000 { #expect(next == count, "count \(count), chunks \(chunks)") }
      }
    }
  }
}
