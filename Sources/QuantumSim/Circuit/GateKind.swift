/// The gates QuantumSim knows, named as in OpenQASM / Qiskit's qelib1.inc.
///
/// Matrices follow Qiskit's definitions exactly (so `u` and `p` agree with
/// Qiskit's statevectors without a global phase). For a gate on qubits
/// `[a, b]`, the two-qubit matrix is written in the basis `|b a>`: qubit `a`
/// (listed first) is the least significant bit, the Qiskit convention.
public enum GateKind: String, Sendable, Hashable, CaseIterable, Codable {
  case id, x, y, z, h, s, sdg, t, tdg, sx, sxdg, rx, ry, rz, p, u
  case cx, cy, cz, ch, cp, crx, cry, crz, cu, swap, iswap, rxx, ryy, rzz
  case ccx, cswap
  /// IQM's phased RX, prx(θ, φ) = RZ(φ) RX(θ) RZ(−φ) (Qiskit's `r` gate).
  case prx
  /// IonQ's GPI(φ) = [[0, e^{−iφ}], [e^{iφ}, 0]] (φ in radians; IonQ's SDKs take turns).
  case gpi
  /// IonQ's GPI2(φ) = [[1, −i e^{−iφ}], [−i e^{iφ}, 1]]/√2 (φ in radians).
  case gpi2
  /// An arbitrary single-qubit unitary given as a 2x2 matrix.
  case unitary1
  /// An arbitrary two-qubit unitary given as a 4x4 matrix.
  case unitary2

  /// How many qubits the gate acts on.
  public var arity: Int {
    switch self {
    case .id, .x, .y, .z, .h, .s, .sdg, .t, .tdg, .sx, .sxdg, .rx, .ry, .rz, .p, .u, .unitary1, .prx, .gpi, .gpi2: return 1
    case .cx, .cy, .cz, .ch, .cp, .crx, .cry, .crz, .cu, .swap, .iswap, .rxx, .ryy, .rzz, .unitary2: return 2
    case .ccx, .cswap: return 3
    }
  }

  /// How many angle parameters the gate takes.
  public var parameterCount: Int {
    switch self {
    case .rx, .ry, .rz, .p, .cp, .crx, .cry, .crz, .rxx, .ryy, .rzz, .gpi, .gpi2: return 1
    case .prx: return 2
    case .u: return 3
    case .cu: return 4
    default: return 0
    }
  }

  /// True when the gate is diagonal in the computational basis (it commutes with Z measurements).
  public var isDiagonal: Bool {
    switch self {
    case .id, .z, .s, .sdg, .t, .tdg, .rz, .p, .cz, .cp, .crz, .rzz: return true
    default: return false
    }
  }

  /// The inverse gate kind and a transform of the parameters, where the inverse is a named gate.
  public var isSelfInverse: Bool {
    switch self {
    case .id, .x, .y, .z, .h, .cx, .cy, .cz, .ch, .swap, .ccx, .cswap: return true
    default: return false
    }
  }
}
