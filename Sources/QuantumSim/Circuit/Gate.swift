import Numerics

/// One gate applied to specific qubits, with symbolic or numeric parameters.
public struct Gate: Sendable, Hashable {
  /// Which gate this is.
  public var kind: GateKind
  /// The qubits it acts on; for controlled gates the controls come first.
  public var qubits: [Int]
  /// Angle parameters (count given by `kind.parameterCount`).
  public var parameters: [Angle]
  /// Row-major matrix for `unitary1` (4 entries) and `unitary2` (16 entries); nil otherwise.
  public var matrix: [Complex<Double>]?
  /// An optional label (e.g. the QASM name of a user gate).
  public var label: String?

  /// Creates a gate; `Circuit.append` validates it against the circuit.
  public init(
    _ kind: GateKind, _ qubits: [Int], _ parameters: [Angle] = [],
    matrix: [Complex<Double>]? = nil, label: String? = nil
  ) {
    self.kind = kind
    self.qubits = qubits
    self.parameters = parameters
    self.matrix = matrix
    self.label = label
  }

  /// Two-qubit gates, the expensive and noisy ones on hardware (three-qubit gates count as their CX decomposition elsewhere).
  public var isMultiQubit: Bool { qubits.count >= 2 }

  /// The inverse of this gate (the adjoint), still symbolic.
  public var inverse: Gate {
    var g = self
    switch kind {
    case _ where kind.isSelfInverse: return self
    case .s: g.kind = .sdg
    case .sdg: g.kind = .s
    case .t: g.kind = .tdg
    case .tdg: g.kind = .t
    case .sx: g.kind = .sxdg
    case .sxdg: g.kind = .sx
    case .rx, .ry, .rz, .p, .cp, .crx, .cry, .crz, .rxx, .ryy, .rzz:
      g.parameters = [-parameters[0]]
    case .prx:
      g.parameters = [-parameters[0], parameters[1]]
    case .gpi: return self
    case .gpi2:
      g.parameters = [parameters[0] + Double.pi]
    case .u:
      // u(θ, φ, λ)^† = u(-θ, -λ, -φ)
      g.parameters = [-parameters[0], -parameters[2], -parameters[1]]
    case .cu:
      g.parameters = [-parameters[0], -parameters[2], -parameters[1], -parameters[3]]
    case .iswap, .unitary2:
      g.kind = .unitary2
      let m = matrix ?? GateMatrices.dense2(kind, GateParameters(repeating: 0)).flat
      g.matrix = conjugateTranspose(m, size: 4)
    case .unitary1:
      g.matrix = conjugateTranspose(matrix ?? [], size: 2)
    default: break
    }
    return g
  }
}

/// Conjugate transpose of a row-major square matrix.
func conjugateTranspose(_ m: [Complex<Double>], size: Int) -> [Complex<Double>] {
  var out = m
  for r in 0..<size {
    for c in 0..<size { out[c * size + r] = m[r * size + c].conjugate }
  }
  return out
}

/// An instruction in a circuit: a gate, a measurement into a classical bit, or a barrier.
public enum Operation: Sendable, Hashable {
  case gate(Gate)
  case measure(qubit: Int, bit: Int)
  case barrier([Int])
}
