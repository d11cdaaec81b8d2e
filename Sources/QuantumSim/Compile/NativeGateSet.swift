/// The gates a device runs natively, as the compiler targets them.
///
/// Every set has a virtual `rz` (a frame change) alongside its pulses; the noise model decides
/// whether it is free (`virtual_z` in a device profile).
public enum NativeGateSet: String, Sendable, Hashable, CaseIterable {
  /// Any gate (the ideal device): circuits are only routed, not rewritten.
  case any
  /// IBM Heron and Eagle-style: rz, sx, x and cz.
  case czSX = "cz-sx"
  /// IQM: prx (phased RX), virtual rz and cz.
  case czPRX = "cz-prx"
  /// IonQ Forte: gpi, gpi2, virtual rz and the ZZ interaction (`rzz`, IonQ's `zz`).
  case zzGPI = "zz-gpi"

  /// The set matching a profile's list of native gate names (OpenQASM/Qiskit/vendor spelling),
  /// or nil when the names match none of the supported sets. An empty list is `any`.
  public init?(names: [String]) {
    let s = Set(names.map { $0.lowercased() })
    if s.isEmpty { self = .any
    } else if s.contains("prx") && s.contains("cz") { self = .czPRX
    } else if s.contains("gpi2") && (s.contains("zz") || s.contains("ms") || s.contains("rzz")) { self = .zzGPI
    } else if s.contains("sx") && s.contains("cz") { self = .czSX
    } else { return nil }
  }

  /// The gate kinds a compiled circuit for this set contains.
  public var kinds: Set<GateKind> {
    switch self {
    case .any: return Set(GateKind.allCases)
    case .czSX: return [.rz, .sx, .x, .cz]
    case .czPRX: return [.rz, .prx, .cz]
    case .zzGPI: return [.rz, .gpi, .gpi2, .rzz]
    }
  }

  /// The native two-qubit gate.
  public var twoQubitGate: GateKind? {
    switch self {
    case .any: return nil
    case .czSX, .czPRX: return .cz
    case .zzGPI: return .rzz
    }
  }
}
