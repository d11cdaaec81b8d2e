import Numerics

/// A mixed state of `qubitCount` qubits, ρ (2^n x 2^n, Hermitian, trace 1), for noisy simulation.
///
/// Storage is the vectorised matrix: element ρ[r, c] sits at index r + 2^n·c of a 2n-qubit
/// split re/im vector, so qubit q of the row is "qubit" q and qubit q of the column is q + n.
/// A gate U then acts as U on qubits q and conj(U) on qubits q + n — the statevector kernels, in
/// place, never a dense 4^n matrix — and a k-qubit Kraus channel as its 4^k superoperator on
/// those 2k positions. Qubit 0 is the least significant bit, as in `StateVector`.
public struct DensityMatrix: Sendable, Equatable {
  /// Number of qubits.
  public let qubitCount: Int
  /// vec(ρ) as a 2n-qubit state: index r + 2^n·c holds ρ[r, c].
  var _vec: StateVector

  /// Threads the kernels may use (1 = serial). Results do not depend on it.
  public var threads: Int {
    get { _vec.threads }
    set { _vec.threads = max(1, newValue) }
  }

  /// |0...0><0...0| on `qubits` qubits; fails up front if 16·4^n bytes would not fit in memory.
  /// - Throws: `SimulationError.insufficientMemory` naming the qubits and bytes (above 30 qubits
  ///   always), `SimulationError.invalidRequest` for a negative count.
  public init(qubits: Int) throws {
    guard qubits >= 0 else {
      throw SimulationError.invalidRequest("a density matrix needs a non-negative qubit count, got \(qubits)")
    }
    guard qubits <= 30 else {
      throw SimulationError.insufficientMemory(
        qubits: qubits, bytesNeeded: MemoryGuard.densityMatrixBytes(qubits: qubits),
        bytesAvailable: MemoryGuard.availableBytes, what: "density matrix")
    }
    try MemoryGuard.check(qubits: qubits, bytes: MemoryGuard.densityMatrixBytes(qubits: qubits), what: "density matrix")
    qubitCount = qubits
    _vec = try StateVector(qubits: 2 * qubits)
  }

  /// The pure state |ψ><ψ|.
  public init(_ state: StateVector) {
    let n = state.qubitCount, d = 1 << n
    var amps = [Complex<Double>](repeating: .zero, count: d * d)
    for c in 0..<d {
      let bc = Complex(state.re[c], -state.im[c])
      for r in 0..<d { amps[r + d * c] = Complex(state.re[r], state.im[r]) * bc }
    }
    qubitCount = n
    _vec = StateVector(amplitudes: amps)
  }

  /// A density matrix from explicit row-major entries (count 4^n); not checked for positivity.
  public init(entries: [Complex<Double>]) {
    let d2 = entries.count, n = d2.trailingZeroBitCount / 2
    precondition(d2 == 1 << (2 * n), "a density matrix needs 4^n entries, got \(d2)")
    let d = 1 << n
    var amps = [Complex<Double>](repeating: .zero, count: d2)
    for r in 0..<d {
      for c in 0..<d { amps[r + d * c] = entries[r * d + c] }
    }
    qubitCount = n
    _vec = StateVector(amplitudes: amps)
  }

  /// Side of the matrix, 2^n.
  public var dimension: Int { 1 << qubitCount }

  /// The element ρ[row, column].
  public subscript(row: Int, column: Int) -> Complex<Double> {
    precondition(row >= 0 && row < dimension && column >= 0 && column < dimension, "density matrix index out of range")
    let i = row | (column << qubitCount)
    return Complex(_vec.re[i], _vec.im[i])
  }

  /// All entries, row-major.
  public var entries: [Complex<Double>] {
    let d = dimension
    var out = [Complex<Double>](repeating: .zero, count: d * d)
    for r in 0..<d {
      for c in 0..<d { out[r * d + c] = self[r, c] }
    }
    return out
  }

  public static func == (a: DensityMatrix, b: DensityMatrix) -> Bool {
    a.qubitCount == b.qubitCount && a._vec.re == b._vec.re && a._vec.im == b._vec.im
  }
}
