import Numerics

/// One step of a circuit on its way to native gates: a single-qubit unitary (merged later), a
/// native two-qubit gate, a measurement or a barrier.
enum LoweredStep {
  case one(Int, Matrix2)
  case two(Gate)
  case measure(qubit: Int, bit: Int)
  case barrier([Int])
}

/// Rewrites bound one- and two-qubit gates into single-qubit unitaries and the gate set's
/// native two-qubit gate (cz, or rzz for IonQ's zz), exactly up to global phase.
///
/// Decompositions: cx = H·cz·H on the target; controlled single-qubit gates (cy, ch, cp, crx,
/// cry, crz, cu) by the ABC construction with 2 cx (Nielsen & Chuang, Cor. 4.2 and Fig. 4.6);
/// swap = 3 cx; rzz = cx·rz·cx (native on IonQ); rxx, ryy = rzz conjugated by H or RX(π/2);
/// iswap as in Qiskit's definition; on IonQ, cz = rzz(−π/2) with rz(π/2) on both qubits.
enum GateLowering {
  /// The steps of `gate` with evaluated parameters `p`.
  /// - Throws: `SimulationError.invalidRequest` for `unitary2` and three-qubit gates.
  static func steps(_ gate: Gate, _ p: GateParameters, set: NativeGateSet) throws -> [LoweredStep] {
    let q = gate.qubits
    if gate.kind.arity == 1 {
      return gate.kind == .id ? [] : [.one(q[0], GateMatrices.single(gate.kind, p, matrix: gate.matrix))]
    }
    guard gate.kind.arity == 2 else {
      throw SimulationError.invalidRequest("\(gate.kind) must be decomposed before lowering")
    }
    let (a, b) = (q[0], q[1])
    func m(_ k: GateKind, _ v: Double = 0) -> Matrix2 { GateMatrices.single(k, gateParameters([v])) }
    func cx(_ c: Int, _ t: Int) -> [LoweredStep] { [.one(t, m(.h))] + cz(c, t) + [.one(t, m(.h))] }
    func cz(_ x: Int, _ y: Int) -> [LoweredStep] {
      if set == .zzGPI {
        return [.one(x, m(.rz, .pi / 2)), .one(y, m(.rz, .pi / 2)), .two(Gate(.rzz, [x, y], [.value(-.pi / 2)]))]
      }
      return [.two(Gate(.cz, [x, y]))]
    }
    func rzz(_ theta: Double) -> [LoweredStep] {
      if set == .zzGPI { return [.two(Gate(.rzz, [a, b], [.value(theta)]))] }
      return cx(a, b) + [.one(b, m(.rz, theta))] + cx(a, b)
    }
    switch gate.kind {
    case .cz: return cz(a, b)
    case .cx: return cx(a, b)
    case .swap: return cx(a, b) + cx(b, a) + cx(a, b)
    case .rzz: return rzz(p[0])
    case .rxx:
      return [.one(a, m(.h)), .one(b, m(.h))] + rzz(p[0]) + [.one(a, m(.h)), .one(b, m(.h))]
    case .ryy:
      let v = m(.rx, .pi / 2), w = m(.rx, -.pi / 2)
      return [.one(a, v), .one(b, v)] + rzz(p[0]) + [.one(a, w), .one(b, w)]
    case .iswap:
      return [.one(a, m(.s)), .one(b, m(.s)), .one(a, m(.h))] + cx(a, b) + cx(b, a) + [.one(b, m(.h))]
    case .cy, .ch, .cp, .crx, .cry, .crz, .cu:
      // U = e^{iα} RZ(β) RY(γ) RZ(δ); A = RZ(β) RY(γ/2), B = RY(−γ/2) RZ(−(δ+β)/2),
      // C = RZ((δ−β)/2): controlled-U = P(α) on the control, then A X B X C on the target.
      let e = EulerAngles(GateMatrices.single(gate.kind, p))
      let (beta, gamma, delta) = (e.phi, e.theta, e.lambda)
      let A = m(.rz, beta) * m(.ry, gamma / 2)
      let B = m(.ry, -gamma / 2) * m(.rz, -(delta + beta) / 2)
      let C = m(.rz, (delta - beta) / 2)
      return [.one(b, C)] + cx(a, b) + [.one(b, B)] + cx(a, b) + [.one(b, A), .one(a, m(.p, e.phase))]
    case .unitary2:
      throw SimulationError.invalidRequest("a 'unitary2' gate cannot be compiled to native gates; decompose it first")
    default:
      throw SimulationError.invalidRequest("\(gate.kind) is not a two-qubit gate the compiler knows")
    }
  }
}
