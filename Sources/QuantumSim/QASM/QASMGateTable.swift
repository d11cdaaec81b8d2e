/// The gates an OpenQASM 2.0 file may call without defining them: qelib1.inc's gates, the
/// built-ins `U` and `CX`, and Qiskit's additions (`p`, `cp`, `u`, `sxdg`, `iswap`, `ryy`, `cu`),
/// each mapped onto a `GateKind` with Qiskit's matrices.
struct QASMBuiltinGate: Sendable {
  let kind: GateKind
  let arity: Int
  let parameterCount: Int
  /// Maps the QASM parameters to the `GateKind`'s parameters (u1 -> p, u2 -> u, cu3 -> cu).
  let convert: @Sendable ([Double]) -> [Double]

  init(_ kind: GateKind, parameters: Int? = nil, convert: @escaping @Sendable ([Double]) -> [Double] = { $0 }) {
    self.kind = kind
    self.arity = kind.arity
    self.parameterCount = parameters ?? kind.parameterCount
    self.convert = convert
  }

  /// Built-in gates by QASM name.
  static let table: [String: QASMBuiltinGate] = {
    var t: [String: QASMBuiltinGate] = [:]
    for kind in GateKind.allCases where ![.unitary1, .unitary2, .prx, .gpi, .gpi2].contains(kind) {
      t[kind.rawValue] = QASMBuiltinGate(kind)
    }
    t["U"] = QASMBuiltinGate(.u)
    t["u3"] = QASMBuiltinGate(.u)
    t["CX"] = QASMBuiltinGate(.cx)
    t["u1"] = QASMBuiltinGate(.p)
    t["cu1"] = QASMBuiltinGate(.cp)
    t["u2"] = QASMBuiltinGate(.u, parameters: 2) { [Double.pi / 2, $0[0], $0[1]] }
    t["cu3"] = QASMBuiltinGate(.cu, parameters: 3) { [$0[0], $0[1], $0[2], 0] }
    return t
  }()
}
