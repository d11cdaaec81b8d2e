import QuantumSim

/// A way to load a classical feature vector into a quantum state (a feature map).
///
/// The contract: `circuit(features:)` builds ONE symbolic circuit per encoding and feature
/// count; each input is then loaded by binding numbers to its symbols
/// (`EncodedCircuit.bindings(_:)`), never by rebuilding the circuit.
public protocol Encoding: Sendable {
  /// Short name as used in specs and on the command line (`zz`, `angle`, `amplitude`, ...).
  var name: String { get }
  /// One-line human description with the settings (for reports).
  var describe: String { get }
  /// Qubits needed for `features` input features.
  func qubits(features: Int) -> Int
  /// The symbolic circuit for `features` input features.
  /// - Throws: `ModelError.invalidHyperparameter` when the settings do not fit `features`.
  func circuit(features: Int) throws -> EncodedCircuit
}

extension Encoding {
  /// Circuit cost of loading one input (qubits, depth, one- and two-qubit gates): the data-loading
  /// share of a model's cost. Every input binds the same circuit, so the cost does not depend on x.
  public func cost(features: Int) throws -> CircuitStatistics {
    try circuit(features: features).statistics
  }
}

/// A symbolic encoding circuit plus the map from a feature vector to its symbol values.
public struct EncodedCircuit: Sendable {
  /// The circuit; its symbols are bound per input by `bindings(_:)`.
  public let circuit: Circuit
  /// Number of input features it expects.
  public let featureCount: Int
  private let angles: @Sendable ([Double]) throws -> [Double]

  /// A circuit whose symbols are exactly `x0 ... x(d-1)` (bindings are the features themselves).
  public init(circuit: Circuit, featureCount: Int) {
    precondition(circuit.symbols == (0..<featureCount).map { "x\($0)" }, "symbols must be x0..x(d-1)")
    self.circuit = circuit
    self.featureCount = featureCount
    self.angles = { $0 }
  }

  /// A circuit whose symbol values are computed from the features by `angles`.
  public init(circuit: Circuit, featureCount: Int, angles: @escaping @Sendable ([Double]) throws -> [Double]) {
    self.circuit = circuit
    self.featureCount = featureCount
    self.angles = angles
  }

  /// Symbol values (in `circuit.symbols` order) that load `x`.
  /// - Throws: `ModelError.invalidData` when `x` has the wrong length or a non-finite value.
  public func bindings(_ x: [Double]) throws -> [Double] {
    guard x.count == featureCount else {
      throw ModelError.invalidData("a sample has \(x.count) feature(s); the encoding expects \(featureCount)")
    }
    guard x.allSatisfy(\.isFinite) else {
      throw ModelError.invalidData("a sample has a non-finite feature value: \(x)")
    }
    let b = try angles(x)
    assert(b.count == circuit.symbols.count)
    return b
  }

  /// The state this encoding prepares for `x` on the exact statevector simulator.
  public func state(_ x: [Double]) throws -> StateVector {
    var s = try StateVector(qubits: circuit.qubitCount)
    try s.apply(circuit, bindings: bindings(x))
    return s
  }

  /// The circuit with every symbol replaced by its value for `x` (for export and inspection).
  public func bound(_ x: [Double]) throws -> Circuit {
    let b = try bindings(x)
    return circuit.binding(Dictionary(uniqueKeysWithValues: zip(circuit.symbols, b)))
  }

  /// Size figures of the circuit (identical for every input).
  public var statistics: CircuitStatistics { circuit.statistics }
}

/// A circuit on `qubits` qubits with the feature symbols x0 ... x(d-1) declared in order.
func featureCircuit(qubits: Int, features: Int) -> (Circuit, [Angle]) {
  var c = Circuit(qubits: qubits)
  let xs = (0..<features).map { c.symbol("x\($0)") }
  return (c, xs)
}
