/// Zero-noise extrapolation: global unitary folding raises a circuit's noise by an odd factor
/// (U → U (U† U)^k, scale 2k + 1, the same logical operation), and Richardson extrapolation takes
/// the values measured at several scales back to scale 0.
public enum ZeroNoiseExtrapolation {
  /// The scale factors qlift runs: 1, 3 and 5.
  public static let scales = [1, 3, 5]

  /// `circuit`'s gates folded to `scale` (odd, ≥ 1): the gates, then (inverse, gates) (scale − 1)/2
  /// times; measurements and barriers are dropped (measure the result as the original).
  /// - Throws: `SimulationError.invalidRequest` for an even or non-positive scale.
  public static func fold(_ circuit: Circuit, scale: Int) throws -> Circuit {
    guard scale >= 1, scale % 2 == 1 else {
      throw SimulationError.invalidRequest("unitary folding needs an odd scale factor >= 1, got \(scale)")
    }
    var gates = Circuit(qubits: circuit.qubitCount)
    for name in circuit.symbols { _ = gates.symbol(name) }
    for g in circuit.gates { gates.append(g) }
    var out = gates
    let inverse = gates.inverse
    for _ in 0..<((scale - 1) / 2) {
      out.append(inverse)
      out.append(gates)
    }
    return out
  }

  /// The value at scale 0 of the polynomial through (scales[i], values[i]) (Richardson /
  /// Lagrange extrapolation: Σ_i v_i Π_{j≠i} s_j / (s_j − s_i)).
  /// - Precondition: as many distinct scales as values, at least one.
  public static func extrapolate(scales: [Double], values: [Double]) -> Double {
    precondition(!scales.isEmpty && scales.count == values.count, "extrapolate: one value per scale")
    var total = 0.0
    for i in scales.indices {
      var w = 1.0
      for j in scales.indices where j != i { w *= scales[j] / (scales[j] - scales[i]) }
      total += w * values[i]
    }
    return total
  }
}
