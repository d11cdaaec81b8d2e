/// An encoding built only from Pauli rotations whose angles are constants times data functions,
/// so the states it prepares (and its kernel, and any model reading them out) are trigonometric
/// polynomials in those functions with a frequency set fixed by the circuit (`EncodingSpectrum`).
public protocol FourierEncoding: Encoding {
  /// Every data-dependent rotation of `circuit(features:)`, in circuit order.
  /// - Throws: `ModelError.invalidHyperparameter` as `circuit(features:)` does.
  func dataRotations(features: Int) throws -> [DataRotation]
}

extension AngleEncoding: FourierEncoding {
  /// One rotation by `scale · x_i` per feature.
  public func dataRotations(features: Int) throws -> [DataRotation] {
    _ = try circuit(features: features)
    return (0..<features).map { DataRotation(.feature($0), coefficient: scale) }
  }
}

extension IQPEncoding: FourierEncoding {
  /// Per repetition: rz(x_i) per qubit, rzz(x_i·x_j) per pair of the entanglement.
  public func dataRotations(features n: Int) throws -> [DataRotation] {
    _ = try circuit(features: n)
    var out: [DataRotation] = []
    for _ in 0..<reps {
      out += (0..<n).map { DataRotation(.feature($0), coefficient: 1) }
      if n >= 2 {
        out += entanglement.tuples(qubits: n, size: 2).map { DataRotation(.product($0), coefficient: 1) }
      }
    }
    return out
  }
}

extension PauliFeatureMap: FourierEncoding {
  /// Per repetition, per Pauli string, per tuple with a non-identity character: p(alpha · φ) with
  /// φ = x_i on a one-qubit tuple and Π (π − x_k) over the whole tuple otherwise.
  public func dataRotations(features n: Int) throws -> [DataRotation] {
    _ = try circuit(features: n)
    var out: [DataRotation] = []
    for _ in 0..<reps {
      for pauli in paulis where pauli.contains(where: { $0 != "I" }) {
        for tuple in entanglement.tuples(qubits: n, size: pauli.count) {
          let f: DataFunction = tuple.count == 1 ? .feature(tuple[0]) : .shiftedProduct(tuple.sorted())
          out.append(DataRotation(f, coefficient: alpha))
        }
      }
    }
    return out
  }
}
