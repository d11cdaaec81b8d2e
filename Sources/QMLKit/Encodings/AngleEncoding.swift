import QuantumSim

/// Angle encoding: feature i rotates qubit i by `scale * x_i` about one axis.
///
/// For `rz` each qubit first gets an `h` (rz on |0> alone would only add a phase).
public struct AngleEncoding: Encoding {
  /// The rotation axis.
  public enum Rotation: String, Sendable, Codable, CaseIterable { case rx, ry, rz }
  /// The rotation gate used.
  public var rotation: Rotation
  /// Multiplies every feature before it becomes an angle.
  public var scale: Double

  /// An angle encoding with the given rotation (default `ry`) and scale (default 1).
  public init(rotation: Rotation = .ry, scale: Double = 1) {
    self.rotation = rotation
    self.scale = scale
  }

  public var name: String { "angle" }
  public var describe: String { "angle encoding, \(rotation.rawValue)(\(formatNumber(scale))·x_i) on qubit i" }
  public func qubits(features: Int) -> Int { features }

  public func circuit(features: Int) throws -> EncodedCircuit {
    guard features >= 1 else { throw ModelError.invalidHyperparameter("angle encoding needs at least one feature") }
    var (c, xs) = featureCircuit(qubits: features, features: features)
    for i in 0..<features {
      let a = scale == 1 ? xs[i] : scale * xs[i]
      switch rotation {
      case .rx: c.append(.rx, i, parameters: [a])
      case .ry: c.append(.ry, i, parameters: [a])
      case .rz:
        c.append(.h, i)
        c.append(.rz, i, parameters: [a])
      }
    }
    return EncodedCircuit(circuit: c, featureCount: features)
  }
}
