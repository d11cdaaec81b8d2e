import Numerics

/// A completely positive, trace-preserving noise channel on one or two qubits, given by its
/// Kraus operators: ρ → Σ_k K_k ρ K_k†.
///
/// Operators are row-major 2x2 (one qubit) or 4x4 (two qubits) complex matrices; for a
/// two-qubit channel on qubits `[a, b]`, basis index = bit(a) + 2·bit(b) (qubit `a` least
/// significant, as for `GateMatrices`). The channel's superoperator is computed once at
/// construction, so applying it to a density matrix allocates nothing per element.
public struct KrausChannel: Sendable, Equatable, CustomStringConvertible {
  /// A short name for messages (`"depolarizing(0.01)"`).
  public let name: String
  /// Number of qubits the channel acts on (1 or 2).
  public let qubitCount: Int
  /// The Kraus operators, each row-major with 2^qubitCount rows.
  public let operators: [[Complex<Double>]]
  /// S = Σ K ⊗ conj(K) as split real/imaginary row-major arrays of side 4^qubitCount, in the
  /// vectorised density-matrix basis: index = r + 2^k·c for element (r, c) of the k-qubit block.
  let superRe: [Double]
  let superIm: [Double]
  /// True when the superoperator is diagonal (pure dephasing channels), for a cheaper kernel.
  let superIsDiagonal: Bool
  /// The superoperator's nonzero entries in compressed rows when it is real (every standard
  /// channel: Pauli, damping and relaxation superoperators are real and sparse); nil otherwise.
  let sparseRows: [Int]?
  let sparseColumns: [Int]
  let sparseValues: [Double]

  /// Largest deviation of Σ K†K from the identity accepted as trace preserving.
  public static let completenessTolerance = 1e-12

  /// A channel from explicit Kraus operators.
  ///
  /// - Throws: `NoiseError` when there are no operators, an operator is not 2x2 or 4x4 (all the
  ///   same size), an entry is not finite, or Σ K†K differs from I by more than 1e-12 in any entry.
  public init(name: String = "kraus", operators: [[Complex<Double>]]) throws {
    guard let first = operators.first else {
      throw NoiseError(key: name, reason: "a Kraus channel needs at least one operator")
    }
    let size = first.count == 4 ? 2 : first.count == 16 ? 4 : 0
    guard size > 0, operators.allSatisfy({ $0.count == first.count }) else {
      throw NoiseError(
        key: name, reason: "Kraus operators must all be 2x2 (4 entries) or all 4x4 (16 entries)")
    }
    guard operators.allSatisfy({ $0.allSatisfy { $0.real.isFinite && $0.imaginary.isFinite } }) else {
      throw NoiseError(key: name, reason: "a Kraus operator has a non-finite entry")
    }
    // Completeness: Σ_k K_k† K_k = I.
    var worst = 0.0
    for r in 0..<size {
      for c in 0..<size {
        var s = Complex<Double>.zero
        for k in operators {
          for m in 0..<size { s += k[m * size + r].conjugate * k[m * size + c] }
        }
        let target = Complex<Double>(r == c ? 1 : 0, 0)
        worst = max(worst, (s - target).length)
      }
    }
    guard worst <= Self.completenessTolerance else {
      throw NoiseError(
        key: name,
        reason: "Kraus operators are not trace preserving: Σ K†K differs from I by \(worst) (tolerance 1e-12)")
    }
    self.init(checked: name, operators: operators, size: size)
  }

  /// The Heisenberg-picture (adjoint) map X → Σ K† X K, which carries an observable backwards
  /// through the channel: Tr(E(ρ) X) = Tr(ρ E†(X)). It is unital but in general not trace
  /// preserving (amplitude damping's adjoint is not), so apply it to observables, not states.
  public var adjoint: KrausChannel {
    let size = qubitCount == 1 ? 2 : 4
    let daggers = operators.map { conjugateTranspose($0, size: size) }
    return KrausChannel(checked: "adjoint of \(name)", operators: daggers, size: size)
  }

  /// Builds the superoperator of operators already checked (or deliberately not trace preserving).
  private init(checked name: String, operators: [[Complex<Double>]], size: Int) {
    self.name = name
    self.qubitCount = size == 2 ? 1 : 2
    self.operators = operators
    // Superoperator on vec(ρ) with index r + size·c: S[(r + size c), (r' + size c')] = Σ K[r,r'] conj(K[c,c']).
    let side = size * size
    var sr = [Double](repeating: 0, count: side * side)
    var si = [Double](repeating: 0, count: side * side)
    for k in operators {
      for r in 0..<size {
        for c in 0..<size {
          for r2 in 0..<size {
            for c2 in 0..<size {
              let v = k[r * size + r2] * k[c * size + c2].conjugate
              let idx = (r + size * c) * side + (r2 + size * c2)
              sr[idx] += v.real
              si[idx] += v.imaginary
            }
          }
        }
      }
    }
    self.superRe = sr
    self.superIm = si
    var diagonal = true
    for i in 0..<side {
      for j in 0..<side where i != j && (sr[i * side + j] != 0 || si[i * side + j] != 0) {
        diagonal = false
      }
    }
    self.superIsDiagonal = diagonal
    if si.allSatisfy({ $0 == 0 }) {
      var rows = [0], cols: [Int] = [], vals: [Double] = []
      for i in 0..<side {
        for j in 0..<side where sr[i * side + j] != 0 {
          cols.append(j)
          vals.append(sr[i * side + j])
        }
        rows.append(cols.count)
      }
      self.sparseRows = rows
      self.sparseColumns = cols
      self.sparseValues = vals
    } else {
      self.sparseRows = nil
      self.sparseColumns = []
      self.sparseValues = []
    }
  }

  public var description: String { name }

  /// Average gate fidelity with the identity, F = (d·F_pro + 1)/(d + 1), where the process
  /// fidelity F_pro = Σ_k |Tr K_k|² / d² (Nielsen 2002; Qiskit's `average_gate_fidelity`).
  public var averageGateFidelity: Double {
    let d = qubitCount == 1 ? 2 : 4
    var fpro = 0.0
    for k in operators {
      var t = Complex<Double>.zero
      for i in 0..<d { t += k[i * d + i] }
      fpro += t.lengthSquared
    }
    fpro /= Double(d * d)
    return (Double(d) * fpro + 1) / Double(d + 1)
  }

  public static func == (a: KrausChannel, b: KrausChannel) -> Bool {
    a.name == b.name && a.operators == b.operators
  }
}
