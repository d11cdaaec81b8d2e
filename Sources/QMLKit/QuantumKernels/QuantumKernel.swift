import Foundation
import QuantumSim

/// Which kernel is formed from the encoded states.
public enum KernelKind: Sendable, Equatable {
  /// Fidelity kernel k(x, y) = |⟨φ(x)|φ(y)⟩|² (Havlíček et al. 2019).
  case fidelity
  /// Projected quantum kernel of Huang et al. 2021 ("Power of data in quantum machine
  /// learning"): k(x, y) = exp(−γ Σ_q ‖ρ_q(x) − ρ_q(y)‖_F²) over the one-qubit reduced
  /// density matrices ρ_q.
  case projected(gamma: Double)

  /// A short label ("fidelity", "projected(gamma=0.5)").
  public var label: String {
    switch self {
    case .fidelity: return "fidelity"
    case .projected(let g): return "projected(gamma=\(formatNumber(g)))"
    }
  }
}

/// A quantum kernel: an encoding, a kernel kind and a backend, producing train-train and
/// test-train kernel matrices and counting what they cost.
///
/// Exact mode builds each state ONCE and forms the Gram matrix from inner products
/// (half of it for train-train; the matrix is symmetric).
///
/// Shot mode (`.shots(n)`), fidelity kernel: each off-diagonal entry is the all-zeros
/// frequency of the compute-uncompute circuit U(y)†U(x) over n shots, drawn as
/// Binomial(n, p) with p the exact all-zeros probability |⟨φ(y)|φ(x)⟩|² (the same
/// distribution as sampling the circuit). Train-train: one circuit per pair i < j, mirrored;
/// the diagonal is not executed and is exactly 1 (the circuit U(x)†U(x) returns all zeros with
/// certainty), as Qiskit's `FidelityQuantumKernel` does by default. Test-train: every entry is
/// one circuit. Projected kernel in shot mode: each input's ⟨X_q⟩, ⟨Y_q⟩, ⟨Z_q⟩ are estimated
/// from n shots in each of 3 measurement bases (3 circuits per input).
/// Noisy mode (`.noisy(model, shots:)`): the compute-uncompute estimate on the density-matrix
/// simulator, every entry executed and counted (the train diagonal only with `measureDiagonal`,
/// else it is 1), optionally mitigated (`mitigation`). It is computed with 2N
/// density-matrix runs, Tr(ρ(x) σ(y)) with σ(y) in the Heisenberg picture
/// (`noisyFidelityHeisenberg`), which equals the naive N² runs (`noisyFidelity`) to 1e-10.
/// Device mode (`.device(compiler, model, shots:)`): the same, on circuits compiled for the
/// device: ρ(x) from the native circuit C(x) of U(x), σ(y) through C(y)'s native inverse.
/// Randomness flows from `seed` in a fixed order, so results are reproducible.
public struct QuantumKernel: Sendable {
  /// The feature map.
  public var encoding: any Encoding
  /// Fidelity or projected.
  public var kind: KernelKind
  /// Where the circuits run.
  public var backend: QuantumBackend
  /// Seed for shot sampling.
  public var seed: UInt64
  /// Worker threads for simulating the states and for the Gram loops (nil: chosen by problem
  /// size). The matrices do not depend on it, bit for bit.
  public var threads: Int?
  /// Circuit executions and shots used so far (shared by copies).
  public let counter: ExecutionCounter
  /// Error mitigation on a noisy or device backend (none by default; ignored by the noiseless
  /// backends): readout inversion for fidelity kernels, ZNE for fidelity and projected kernels.
  public var mitigation: ErrorMitigation = .none
  /// Run and count the train-train diagonal (U(x)†U(x), 1 in exact arithmetic) on shot and noisy
  /// backends, and use its estimate; false (the default): the diagonal is 1 and costs nothing.
  public var measureDiagonal = false
  /// How exact fidelity Gram matrices are formed: through the system BLAS for wide states when
  /// one is loaded (`.automatic`, see `SystemBLAS`), or by the portable tiles. The two agree to
  /// 1e-12 per entry; each is deterministic and independent of `threads`, bit for bit.
  public var gramMethod: GramMethod = .automatic

  /// A quantum kernel (exact fidelity by default).
  public init(
    encoding: any Encoding, kind: KernelKind = .fidelity, backend: QuantumBackend = .ideal, seed: UInt64 = 0,
    threads: Int? = nil
  ) {
    self.encoding = encoding
    self.kind = kind
    self.backend = backend
    self.seed = seed
    self.threads = threads
    self.counter = ExecutionCounter()
  }

  /// The symmetric train-train matrix K[i][j] = k(x_i, x_j).
  /// - Throws: `ModelError.invalidData` for ragged or non-finite rows, or invalid settings.
  public func trainMatrix(_ X: [[Double]]) throws -> Matrix {
    let d = try Self.featureCount(X)
    try validate()
    let encoded = try encoding.circuit(features: d)
    if let noise = try backend.noise(qubits: encoded.circuit.qubitCount) {
      switch kind {
      case .fidelity: return try noisyFidelityHeisenberg(encoded, X, nil, noise: noise, compiler: backend.compiler)
      case .projected(let gamma):
        let bloch = try mitigatedBloch(encoded, X, noise: noise, compiler: backend.compiler, salt: 0)
        return projected(bloch, bloch, gamma: gamma)
      }
    }
    let n = X.count, dimension = 1 << encoded.circuit.qubitCount
    switch kind {
    case .fidelity:
      let t = threads ?? defaultThreads(work: n * n * max(1, dimension / 8) * 4)
      let extra = StateBank.blasGramBytes(count: n, dimension: dimension)
      var K: Matrix
      if let blas = gramMethod.library(dimension: dimension, bytes: extra) {
        let states = try InterleavedStates(encoded, X, threads: bankThreads(encoded, n))
        K = StateBank.blasGram(states, blas: blas, threads: t)
      } else {
        K = StateBank.tiledGram(try StateBank(encoded, X, threads: bankThreads(encoded, n)), threads: t)
      }
      if let shots = backend.shotsPerCircuit {
        var rng = SeededGenerator(seed: seed)
        for i in 0..<n {
          K[i, i] = 1
          for j in 0..<i {
            let est = Double(sampleBinomial(trials: shots, probability: K[i, j], using: &rng)) / Double(shots)
            K[i, j] = est
            K[j, i] = est
          }
        }
        counter.record(executions: n * (n - 1) / 2 + (measureDiagonal ? n : 0), shotsEach: shots)
      } else {
        counter.record(executions: n, shotsEach: 0)
      }
      return K
    case .projected(let gamma):
      let bloch = blochVectors(try StateBank(encoded, X, threads: bankThreads(encoded, n)), salt: 0)
      return projected(bloch, bloch, gamma: gamma)
    }
  }

  /// The test-train matrix K[i][j] = k(a_i, b_j) (rows: `A`, columns: `B`).
  public func crossMatrix(_ A: [[Double]], _ B: [[Double]]) throws -> Matrix {
    let d = try Self.featureCount(A)
    guard try Self.featureCount(B) == d else {
      throw ModelError.invalidData("test rows have \(d) feature(s), training rows \(B[0].count)")
    }
    try validate()
    let encoded = try encoding.circuit(features: d)
    if let noise = try backend.noise(qubits: encoded.circuit.qubitCount) {
      switch kind {
      case .fidelity: return try noisyFidelityHeisenberg(encoded, A, B, noise: noise, compiler: backend.compiler)
      case .projected(let gamma):
        return projected(
          try mitigatedBloch(encoded, A, noise: noise, compiler: backend.compiler, salt: 1),
          try mitigatedBloch(encoded, B, noise: noise, compiler: backend.compiler, salt: 2), gamma: gamma)
      }
    }
    let dimension = 1 << encoded.circuit.qubitCount
    switch kind {
    case .fidelity:
      let t = threads ?? defaultThreads(work: A.count * B.count * max(1, dimension / 8) * 8)
      let cols = B.count
      let extra = StateBank.blasCrossBytes(rows: A.count, columns: cols, dimension: dimension)
      var K: Matrix
      if let blas = gramMethod.library(dimension: dimension, bytes: extra) {
        let a = try InterleavedStates(encoded, A, threads: bankThreads(encoded, A.count))
        let b = try InterleavedStates(encoded, B, threads: bankThreads(encoded, B.count))
        K = StateBank.blasCross(a, b, blas: blas, threads: t)
      } else {
        let a = try StateBank(encoded, A, threads: bankThreads(encoded, A.count))
        let b = try StateBank(encoded, B, threads: bankThreads(encoded, B.count))
        K = StateBank.tiledCross(a, b, threads: t)
      }
      if let shots = backend.shotsPerCircuit {
        var rng = SeededGenerator(seed: seed ^ 0x5EED_CAFE_F00D)
        for i in K.values.indices {
          K.values[i] = Double(sampleBinomial(trials: shots, probability: K.values[i], using: &rng)) / Double(shots)
        }
        counter.record(executions: A.count * cols, shotsEach: shots)
      } else {
        counter.record(executions: A.count + cols, shotsEach: 0)
      }
      return K
    case .projected(let gamma):
      let a = try StateBank(encoded, A, threads: bankThreads(encoded, A.count))
      let b = try StateBank(encoded, B, threads: bankThreads(encoded, B.count))
      return projected(blochVectors(a, salt: 1), blochVectors(b, salt: 2), gamma: gamma)
    }
  }

  /// Workers for simulating `count` states of `encoded`: `threads`, or chosen by the work.
  private func bankThreads(_ encoded: EncodedCircuit, _ count: Int) -> Int {
    threads ?? defaultThreads(work: count * encoded.circuit.operations.count << encoded.circuit.qubitCount)
  }

  private func validate() throws {
    try backend.validate()
    if case .projected(let g) = kind, !(g > 0 && g.isFinite) {
      throw ModelError.invalidHyperparameter("projected kernel gamma must be positive, got \(g)")
    }
  }

  /// Bloch vectors per state; estimated from shots (3 bases per input) in shot mode.
  private func blochVectors(_ bank: StateBank, salt: UInt64) -> [[Double]] {
    sampleBloch((0..<bank.count).map { bank.blochVectors($0) }, salt: salt)
  }

  /// Exact Bloch vectors, or their shot estimates (3 bases per input), counted.
  func sampleBloch(_ exact: [[Double]], salt: UInt64) -> [[Double]] {
    var out = exact
    if let shots = backend.shotsPerCircuit {
      var rng = SeededGenerator(seed: seed &+ 0x9E37 &* (salt &+ 1))
      for s in out.indices {
        for k in out[s].indices { out[s][k] = estimateExpectation(out[s][k], shots: shots, using: &rng) }
      }
      counter.record(executions: 3 * out.count, shotsEach: shots)
    } else {
      counter.record(executions: out.count, shotsEach: 0)
    }
    return out
  }

  func projected(_ a: [[Double]], _ b: [[Double]], gamma: Double) -> Matrix {
    var K = Matrix(rows: a.count, columns: b.count)
    for i in a.indices {
      for j in b.indices {
        // ‖ρ − σ‖_F² = |r − s|² / 2 for Bloch vectors r, s.
        var s = 0.0
        for k in a[i].indices { let d = a[i][k] - b[j][k]; s += d * d }
        K[i, j] = exp(-gamma * s / 2)
      }
    }
    return K
  }

  /// The common row length; throws on ragged or non-finite rows.
  static func featureCount(_ X: [[Double]]) throws -> Int {
    guard let d = X.first?.count else { throw ModelError.invalidData("no samples") }
    for (i, row) in X.enumerated() {
      guard row.count == d else {
        throw ModelError.invalidData("row \(i) has \(row.count) feature(s), row 0 has \(d)")
      }
      if let k = row.firstIndex(where: { !$0.isFinite }) {
        throw ModelError.invalidData("row \(i), feature \(k) is not finite (\(row[k]))")
      }
    }
    return d
  }
}
