import QuantumSim

/// IQP encoding as PennyLane's `IQPEmbedding` (Havlíček et al. 2019): per repetition, `h` on
/// every qubit, `rz(x_i)` on qubit i, then `rzz(x_i · x_j)` on each pair of the entanglement
/// (PennyLane's default pattern is every pair, `.full`). A bandwidth `scale` multiplies the features
/// first (x → scale·x, so rz(scale·x_i) and rzz(scale²·x_i·x_j)); 1 is PennyLane's embedding.
public struct IQPEncoding: Encoding {
  /// Number of repetitions, at least 1.
  public var reps: Int
  /// Which pairs get an rzz.
  public var entanglement: Entanglement
  /// Bandwidth: the factor applied to every feature before encoding (1 = PennyLane's `IQPEmbedding`).
  public var scale: Double

  /// An IQP encoding (PennyLane's defaults: 1 repetition, every pair, no scaling).
  public init(reps: Int = 1, entanglement: Entanglement = .full, scale: Double = 1) {
    self.reps = reps
    self.entanglement = entanglement
    self.scale = scale
  }

  public var name: String { "iqp" }
  public var describe: String {
    "IQP encoding, reps \(reps), \(entanglement.rawValue) rzz(x_i·x_j)" + (scale == 1 ? "" : ", features scaled by \(formatNumber(scale))")
  }
  public func qubits(features: Int) -> Int { features }

  public func circuit(features n: Int) throws -> EncodedCircuit {
    guard n >= 1 else { throw ModelError.invalidHyperparameter("IQP encoding needs at least one feature") }
    guard reps >= 1 else { throw ModelError.invalidHyperparameter("reps must be at least 1, got \(reps)") }
    var (c, xs) = featureCircuit(qubits: n, features: n)
    for _ in 0..<reps {
      for q in 0..<n { c.append(.h, q) }
      for q in 0..<n { c.append(.rz, q, parameters: [scale == 1 ? xs[q] : scale * xs[q]]) }
      for pair in entanglement.tuples(qubits: n, size: 2) where n >= 2 {
        let product = xs[pair[0]] * xs[pair[1]]
        c.append(.rzz, pair[0], pair[1], parameters: [scale == 1 ? product : (scale * scale) * product])
      }
    }
    return EncodedCircuit(circuit: c, featureCount: n)
  }
}
