/// Rewrites gates into what a device runs and counts their native two-qubit cost.
///
/// The native two-qubit gate is counted as CX (CZ and ECR cost the same up to single-qubit
/// gates). Costs follow the standard decompositions (Nielsen & Chuang 4.3; Qiskit's
/// `qelib1.inc` definitions): swap = 3, rzz/rxx/ryy = 2, controlled rotations and cp/cu = 2,
/// iswap = 2, a generic two-qubit unitary = 3 (KAK), ccx = 6, cswap = 8 (ccx between two cx).
public enum GateDecomposition {
  /// How many native two-qubit gates `kind` costs on hardware (0 for single-qubit gates).
  public static func twoQubitCost(_ kind: GateKind) -> Int {
    switch kind {
    case .cx, .cy, .cz, .ch: return 1
    case .cp, .crx, .cry, .crz, .cu, .iswap, .rxx, .ryy, .rzz: return 2
    case .swap, .unitary2: return 3
    case .ccx: return 6
    case .cswap: return 8
    default: return 0
    }
  }

  /// The gate as one- and two-qubit gates: ccx and cswap are expanded (exactly, no global
  /// phase); every other gate is returned unchanged.
  public static func decompose(_ gate: Gate) -> [Gate] {
    switch gate.kind {
    case .ccx:
      return _toffoli(gate.qubits[0], gate.qubits[1], gate.qubits[2])
    case .cswap:
      let c = gate.qubits[0], a = gate.qubits[1], b = gate.qubits[2]
      return [Gate(.cx, [b, a])] + _toffoli(c, a, b) + [Gate(.cx, [b, a])]
    default:
      return [gate]
    }
  }

  /// The 6-cx Toffoli on controls a, b and target c (Nielsen & Chuang fig. 4.9, Qiskit's `ccx`).
  static func _toffoli(_ a: Int, _ b: Int, _ c: Int) -> [Gate] {
    [
      Gate(.h, [c]), Gate(.cx, [b, c]), Gate(.tdg, [c]), Gate(.cx, [a, c]), Gate(.t, [c]),
      Gate(.cx, [b, c]), Gate(.tdg, [c]), Gate(.cx, [a, c]), Gate(.t, [b]), Gate(.t, [c]),
      Gate(.h, [c]), Gate(.cx, [a, b]), Gate(.t, [a]), Gate(.tdg, [b]), Gate(.cx, [a, b]),
    ]
  }
}

extension Circuit {
  /// This circuit with every three-qubit gate expanded into one- and two-qubit gates
  /// (`GateDecomposition.decompose`); symbols, measurements and barriers are kept.
  public var decomposingThreeQubitGates: Circuit {
    var out = Circuit(qubits: qubitCount, bits: bitCount)
    for name in symbols { _ = out.symbol(name) }
    for op in operations {
      switch op {
      case .gate(let g):
        for part in GateDecomposition.decompose(g) { out.append(part) }
      case .measure(let q, let b): out.measure(q, into: b)
      case .barrier(let qs): out.barrier(qs)
      }
    }
    return out
  }

  /// Native two-qubit gates this circuit costs on hardware (`GateDecomposition.twoQubitCost`
  /// summed over its gates).
  public var nativeTwoQubitGateCount: Int {
    gates.reduce(0) { $0 + GateDecomposition.twoQubitCost($1.kind) }
  }
}
