import Foundation
import QuantumSim

// Implementation goals, in order:
// 1. Exact: each state is simulated once, by the same kernels as every other circuit.
// 2. Fast Gram matrices: amplitudes are stored split (re, im) in SIMD8 lanes, zero-padded,
//    so an inner product is a straight vector loop with no unsafe code and no allocation.

/// The states of many inputs under one encoding, stored for fast inner products.
struct StateBank: Sendable {
  /// Number of states.
  let count: Int
  /// SIMD8 chunks per state (dimension / 8, at least 1).
  let width: Int
  /// Number of qubits.
  let qubits: Int
  var re: [SIMD8<Double>]
  var im: [SIMD8<Double>]

  /// Simulates `encoded` once per row of `X`, on `threads` workers (each state is simulated
  /// the same way on any worker, so the bank does not depend on the thread count).
  init(_ encoded: EncodedCircuit, _ X: [[Double]], threads: Int = 1) throws {
    let n = encoded.circuit.qubitCount
    qubits = n
    count = X.count
    let width = max(1, (1 << n) / 8)
    self.width = width
    // Left uninitialized here: the workers write every chunk (and fault its pages in parallel).
    let chunks = count * width
    re = [SIMD8<Double>](unsafeUninitializedCapacity: chunks) { _, initialized in initialized = chunks }
    im = [SIMD8<Double>](unsafeUninitializedCapacity: chunks) { _, initialized in initialized = chunks }
    try re.withUnsafeMutableBufferPointer { reBuffer in
      try im.withUnsafeMutableBufferPointer { imBuffer in
        let reOut = reBuffer.baseAddress!, imOut = imBuffer.baseAddress!
        try Self.simulate(encoded, X, threads: threads) { s, state in
          Self.store(state.re, into: reOut + s * width, width: width)
          Self.store(state.im, into: imOut + s * width, width: width)
        }
      }
    }
  }

  /// Simulates `encoded` once per row of `X` on `threads` workers and hands each final state
  /// to `store` with its row index; `store` is called from the workers, at most once per row,
  /// and must write only that row's storage. A state does not depend on the worker or the
  /// thread count. States of 2^compiledMinimumQubits amplitudes or more run as a
  /// `CompiledCircuit` (diagonal gates in one pass); narrower ones gate by gate, where
  /// compiling each input's circuit costs more than it saves.
  static func simulate(
    _ encoded: EncodedCircuit, _ X: [[Double]], threads: Int, store: (Int, StateVector) -> Void
  ) throws {
    let circuit = encoded.circuit, total = X.count
    guard total > 0 else { return }
    let bindings = try X.map { try encoded.bindings($0) }
    for b in bindings where b.count != circuit.symbols.count {
      throw SimulationError.bindingCount(expected: circuit.symbols.count, got: b.count)
    }
    let scratch = try StateVector(qubits: circuit.qubitCount)
    let compiled = circuit.qubitCount >= compiledMinimumQubits
    // The leading gates that depend on no input (the Hadamard layer of the Pauli feature maps)
    // give the same state for every input: it is computed once and copied.
    let all = Self.privateGates(circuit)
    let prefix = all.prefix { g in g.parameters.allSatisfy { $0.constantValue != nil } }.count
    var startState = scratch
    for g in all[..<prefix] { startState.apply(g) }
    let shared = startState
    // Workers take runs of states in turn; each writes only its own states' chunks.
    let run = 8
    let runs = (total + run - 1) / run
    Parallel.workers(threads, sharing: 0..<runs, dedicated: true) { _, next in
      var state = scratch, start = scratch
      start.assign(from: shared)  // a private copy (reading the shared one retains it)
      // The rest of the circuit, on this worker's own copy of its gates: running a gate
      // retains its arrays, and two cores retaining the same objects would contend for them.
      var rest = Circuit(qubits: circuit.qubitCount)
      for name in circuit.symbols { _ = rest.symbol(name) }
      for g in Self.privateGates(circuit)[prefix...] { rest.append(g) }
      // The compile's structural decisions are made once; each input only binds its angles.
      let template = compiled ? CompiledCircuit.Template(rest) : nil
      while let c = next() {
        for s in c * run..<min(total, (c + 1) * run) {
          state.assign(from: start)
          // Binding counts were checked above, so neither call can throw.
          if let template {
            state.apply(try! CompiledCircuit(template, bindings: bindings[s]))
          } else {
            try! state.apply(rest, bindings: bindings[s])
          }
          store(s, state)
        }
      }
    }
  }

  /// The fewest qubits from which bank states are simulated as compiled circuits. Measured with
  /// `qlift kernel --map zz --reps 2 --gram portable` on 400 inputs, 1 core (docs/BENCHMARKS.md,
  /// B2): compiling every input's circuit made d = 8 1.5x slower, d = 10 about as fast, and
  /// d = 12 10% faster.
  static let compiledMinimumQubits = 12

  /// Copies the amplitude parts `values` into `width` chunks at `out`, zero-padded.
  private static func store(_ values: [Double], into out: UnsafeMutablePointer<SIMD8<Double>>, width: Int) {
    out.withMemoryRebound(to: Double.self, capacity: width * 8) { d in
      values.withUnsafeBufferPointer { d.update(from: $0.baseAddress!, count: $0.count) }
      if values.count < width * 8 { (d + values.count).update(repeating: 0, count: width * 8 - values.count) }
    }
  }

  /// The gates of `circuit` (measurements and barriers left out, as the simulator skips them),
  /// rebuilt so that none of their reference-counted storage is shared with another caller.
  private static func privateGates(_ circuit: Circuit) -> [Gate] {
    func fresh(_ a: Angle) -> Angle {
      switch a {
      case .value(let v): return .value(v)
      case .symbol(let i): return .symbol(i)
      case .sum(let x, let y): return .sum(fresh(x), fresh(y))
      case .product(let x, let y): return .product(fresh(x), fresh(y))
      case .negated(let x): return .negated(fresh(x))
      case .cosine(let x): return .cosine(fresh(x))
      case .sine(let x): return .sine(fresh(x))
      }
    }
    return circuit.operations.compactMap { op in
      guard case .gate(let g) = op else { return nil }
      return Gate(
        g.kind, g.qubits.map { $0 }, g.parameters.map(fresh), matrix: g.matrix.map { $0.map { $0 } },
        label: g.label.map { String(decoding: Array($0.utf8), as: UTF8.self) })
    }
  }

  /// Amplitude `index` of state `s`.
  func amplitude(_ s: Int, _ index: Int) -> (Double, Double) {
    let k = s * width + index >> 3
    return (re[k][index & 7], im[k][index & 7])
  }

  /// Bloch vectors (⟨X⟩, ⟨Y⟩, ⟨Z⟩) of every qubit's reduced state, for state `s`: 3n values.
  func blochVectors(_ s: Int) -> [Double] {
    var out = [Double](repeating: 0, count: 3 * qubits)
    let dim = 1 << qubits
    for q in 0..<qubits {
      let bit = 1 << q
      var p0 = 0.0, p1 = 0.0, cr = 0.0, ci = 0.0
      for i0 in 0..<dim where i0 & bit == 0 {
        let (ar, ai) = amplitude(s, i0), (br, bi) = amplitude(s, i0 | bit)
        p0 += ar * ar + ai * ai
        p1 += br * br + bi * bi
        // ρ01 = Σ a_{i0} conj(a_{i1})
        cr += ar * br + ai * bi
        ci += ai * br - ar * bi
      }
      out[3 * q] = 2 * cr  // ⟨X⟩ = 2 Re ρ01
      out[3 * q + 1] = -2 * ci  // ⟨Y⟩ = −2 Im ρ01
      out[3 * q + 2] = p0 - p1
    }
    return out
  }
}
