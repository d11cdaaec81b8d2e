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
    t["phase"] = QASMBuiltinGate(.p)
    t["cphase"] = QASMBuiltinGate(.cp)
    t["cu1"] = QASMBuiltinGate(.cp)
    t["u2"] = QASMBuiltinGate(.u, parameters: 2) { [Double.pi / 2, $0[0], $0[1]] }
    t["cu3"] = QASMBuiltinGate(.cu, parameters: 3) { [$0[0], $0[1], $0[2], 0] }
    return t
  }()

  /// The gate and parameters of OpenQASM 3's `inv @ name(params)` for the built-in gates whose
  /// inverse is a built-in gate (self-inverse gates, S/T/SX and their adjoints, rotations with
  /// negated angles, U(θ, φ, λ)† = U(−θ, −λ, −φ)); nil for any other gate.
  static func inverse(_ name: String, _ ps: [QASMExpression]) -> (String, [QASMExpression])? {
    let adjoint = ["s": "sdg", "sdg": "s", "t": "tdg", "tdg": "t", "sx": "sxdg", "sxdg": "sx"]
    if let n = adjoint[name] { return (n, ps) }
    if ["x", "y", "z", "h", "cx", "CX", "cy", "cz", "ch", "swap", "ccx", "cswap", "id"].contains(name) { return (name, ps) }
    let rotations = ["rx", "ry", "rz", "p", "phase", "u1", "cp", "cphase", "cu1", "crx", "cry", "crz", "rxx", "ryy", "rzz"]
    if rotations.contains(name) { return (name, ps.map { .negate($0) }) }
    if ["U", "u", "u3"].contains(name), ps.count == 3 { return (name, [.negate(ps[0]), .negate(ps[2]), .negate(ps[1])]) }
    return nil
  }
}
