import QuantumSim

/// The states of many inputs under one encoding as interleaved complex rows (re, im, re, im,
/// ...), the layout the system BLAS reads: written straight from the simulation, so the BLAS
/// path needs neither the split bank nor a packed copy of it (at d = 12, N = 400 that copy
/// was 26 MB of fresh pages).
struct InterleavedStates: @unchecked Sendable {
  /// Number of states.
  let count: Int
  /// Amplitudes per state (2^qubits).
  let dimension: Int
  /// `count` rows of `dimension` complex amplitudes.
  let storage: PageBuffer

  /// Simulates `encoded` once per row of `X` on `threads` workers, exactly as `StateBank` does
  /// (the same states, bit for bit).
  init(_ encoded: EncodedCircuit, _ X: [[Double]], threads: Int) throws {
    let dim = 1 << encoded.circuit.qubitCount
    count = X.count
    dimension = dim
    storage = PageBuffer(count: max(1, X.count) * dim * 16)
    let out = storage.base.bindMemory(to: Double.self, capacity: 2 * max(1, X.count) * dim)
    try StateBank.simulate(encoded, X, threads: threads) { s, state in
      let o = out + 2 &* s &* dim
      state.re.withUnsafeBufferPointer { r in
        state.im.withUnsafeBufferPointer { m in
          for k in 0..<dim {
            o[2 &* k] = r[k]
            o[2 &* k &+ 1] = m[k]
          }
        }
      }
    }
  }

  /// The rows as the BLAS reads them.
  var rows: UnsafePointer<Double> { UnsafePointer(storage.base.assumingMemoryBound(to: Double.self)) }

}
