import Foundation
import QuantumSim

/// Simulability evidence for a sample of states on a line of qubits: per cut, the bond dimension a
/// matrix product state needs to hold every state to fidelity 1 − `tolerance`, and the largest
/// entanglement entropy seen.
///
/// Truncating an MPS keeps the largest Schmidt values at each cut; the squared distance to the
/// state is at most the sum over cuts of the discarded squared Schmidt values (Verstraete and
/// Cirac 2006), so each of the n − 1 cuts may discard `tolerance / (n − 1)`.
public struct MPSEvidence: Sendable, Equatable {
  /// Qubits of the states.
  public let qubits: Int
  /// Number of states examined.
  public let states: Int
  /// Per cut k (between qubits k−1 and k, k = 1 ... n−1), the bond dimension the worst state needs.
  public let bondDimensions: [Int]
  /// Largest entanglement entropy (bits) over states and cuts.
  public let maxEntropy: Double
  /// Infidelity allowed for the whole MPS.
  public let tolerance: Double

  /// Largest qubit count examined by the runner (reduced matrices of 2^7 = 128 rows at the middle cut).
  public static let qubitLimit = 14

  /// The evidence for `states` (all on the same qubits, at least 2).
  /// - Throws: `ModelError.invalidData` for no states, mixed widths or a single qubit.
  public init(states sample: [StateVector], tolerance: Double = 1e-6) throws {
    guard let n = sample.first?.qubitCount, sample.allSatisfy({ $0.qubitCount == n }) else {
      throw ModelError.invalidData("MPS evidence needs at least one state, all on the same qubits")
    }
    guard n >= 2 else { throw ModelError.invalidData("MPS evidence needs at least 2 qubits, got \(n)") }
    let budget = tolerance / Double(n - 1)
    var bonds = [Int](repeating: 1, count: n - 1)
    var entropy = 0.0
    for s in sample {
      let norm = s.normSquared
      for k in 1..<n {
        let lambda = schmidtSpectrum(s, cut: k).map { $0 / norm }
        bonds[k - 1] = max(bonds[k - 1], Self.bondDimension(lambda, discard: budget))
        entropy = max(entropy, Self.entropy(lambda))
      }
    }
    qubits = n
    states = sample.count
    bondDimensions = bonds
    maxEntropy = entropy
    self.tolerance = tolerance
  }

  /// The evidence for the states `encoding` prepares for `rows`.
  /// - Throws: as `init(states:tolerance:)`, and the encoding's errors.
  public init(encoding: any Encoding, rows: [[Double]], tolerance: Double = 1e-6) throws {
    guard let d = rows.first?.count else { throw ModelError.invalidData("MPS evidence needs at least one input row") }
    let circuit = try encoding.circuit(features: d)
    try self.init(states: rows.map { try circuit.state($0) }, tolerance: tolerance)
  }

  /// The bond dimension over all cuts.
  public var bondDimension: Int { bondDimensions.max() ?? 1 }

  /// The largest bond dimension any state of `qubits` qubits can need: 2^⌊n/2⌋ (at the middle cut).
  public var maximalBondDimension: Int { 1 << (qubits / 2) }

  /// True when the states need the largest bond dimension possible at this width.
  public var isMaximal: Bool { bondDimension >= maximalBondDimension }

  /// The plain reading of the bond dimension for a report.
  public var reading: String {
    if bondDimension == 1 {
      return "These states are product states (MPS bond dimension 1): a classical simulator runs this model in polynomial time at any width."
    }
    if isMaximal {
      return "Bond dimension at the maximum 2^(n/2) = \(maximalBondDimension) at \(qubits) qubits: no cheap classical simulation by MPS at this width."
    }
    return "These states fit an MPS of bond dimension \(bondDimension) (the maximum at \(qubits) qubits is \(maximalBondDimension)): "
      + "a classical simulator runs this model in polynomial time at any width, as long as the bond dimension stays bounded as qubits are added."
  }

  /// Smallest χ whose discarded tail Σ_{i ≥ χ} λ_i is at most `discard` (λ descending, summing to 1).
  static func bondDimension(_ lambda: [Double], discard: Double) -> Int {
    var tail = 0.0
    var chi = lambda.count
    while chi > 1 && tail + lambda[chi - 1] <= discard {
      tail += lambda[chi - 1]
      chi -= 1
    }
    return chi
  }

  /// −Σ λ log2 λ.
  static func entropy(_ lambda: [Double]) -> Double {
    lambda.reduce(0) { $1 > 1e-300 ? $0 - $1 * log2($1) : $0 }
  }
}
