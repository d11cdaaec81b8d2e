import QuantumSim

/// Basis encoding: a bit string x in {0, 1}^d becomes the basis state |x> (feature i on qubit i).
///
/// Each qubit gets `u(π·x_i, 0, π·x_i)`, which is exactly X for x_i = 1 and I for x_i = 0 (no
/// global phase), so one symbolic circuit serves every bit string. Values other than 0 or 1
/// are rejected.
public struct BasisEncoding: Encoding {
  /// A basis encoding.
  public init() {}

  public var name: String { "basis" }
  public var describe: String { "basis encoding, bit x_i flips qubit i" }
  public func qubits(features: Int) -> Int { features }

  public func circuit(features: Int) throws -> EncodedCircuit {
    guard features >= 1 else { throw ModelError.invalidHyperparameter("basis encoding needs at least one feature") }
    var (c, xs) = featureCircuit(qubits: features, features: features)
    for i in 0..<features {
      let a = Double.pi * xs[i]
      c.append(.u, i, parameters: [a, 0, a])
    }
    return EncodedCircuit(circuit: c, featureCount: features) { x in
      for (i, v) in x.enumerated() where v != 0 && v != 1 {
        throw ModelError.invalidData("basis encoding needs features 0 or 1; feature \(i) is \(v)")
      }
      return x
    }
  }
}
