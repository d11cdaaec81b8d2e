/// A quantum device as qlift simulates and prices it: native gates, coupling, coherence, gate
/// times and errors, prices and queue time. Loaded from `specs/devices/<id>.yaml`, where every
/// figure carries its public source and date in a YAML comment.
public struct DeviceProfile: Sendable, Equatable {
  /// Profile id (the file name without `.yaml`), used by `device:` and `hardware:` backends.
  public var id: String
  /// Human-readable name, e.g. "IBM Heron r2 (ibm_fez calibration)".
  public var name: String
  /// Vendor, e.g. "IBM".
  public var vendor: String
  /// Native gate names (OpenQASM/Qiskit spelling); empty means any gate (the ideal profile).
  public var nativeGates: [String]
  /// True when the device runs Z rotations as frame changes in software (virtual Z), so
  /// diagonal single-qubit gates get no gate noise. Default: `nativeGates` contains `rz`.
  public var virtualZ: Bool
  /// Which qubit pairs support two-qubit gates.
  public var coupling: CouplingSpec
  /// Median T1 in microseconds (nil = no relaxation).
  public var t1Us: Double?
  /// Median T2 in microseconds (nil = no dephasing).
  public var t2Us: Double?
  /// One-qubit gate time in ns.
  public var gateTime1qNs: Double?
  /// Two-qubit gate time in ns.
  public var gateTime2qNs: Double?
  /// One-qubit gate error (depolarizing parameter or infidelity, see the source comment).
  public var error1q: Double
  /// Two-qubit gate error.
  public var error2q: Double
  /// What `error1q` is (`error_1q_kind`; default total).
  public var error1qKind: GateErrorKind = .total
  /// What `error2q` is (`error_2q_kind`; default total).
  public var error2qKind: GateErrorKind = .total
  /// Readout (measurement) error probability.
  public var readoutError: Double
  /// Price per task (one circuit submission) in USD (nil = no public per-task price).
  public var pricePerTaskUSD: Double?
  /// Price per shot in USD (nil = no public per-shot price).
  public var pricePerShotUSD: Double?
  /// Typical queue time in seconds (nil = no public figure).
  public var queueSeconds: Double?
  /// Wait between shots (IBM's `default_rep_delay`), microseconds (nil = no public figure).
  public var repetitionDelayUs: Double?
  /// Fixed QPU time per job (circuit submission), seconds (nil = no public figure).
  public var jobOverheadSeconds: Double?
  /// Price per second of QPU time in USD, for vendors that bill by time (nil = no public rate).
  public var pricePerQPUSecondUSD: Double?
  /// The source comment of each figure, keyed by YAML key (`t1_us`, `error_2q`, ...).
  public var sources: [String: String]
  /// Per-qubit and per-edge figures overriding the medians above (empty for median-only profiles).
  public var calibration = ProfileCalibration()

  /// Creates a profile.
  public init(
    id: String, name: String, vendor: String, nativeGates: [String], coupling: CouplingSpec,
    t1Us: Double? = nil, t2Us: Double? = nil, gateTime1qNs: Double? = nil, gateTime2qNs: Double? = nil,
    error1q: Double = 0, error2q: Double = 0, readoutError: Double = 0, pricePerTaskUSD: Double? = nil,
    pricePerShotUSD: Double? = nil, queueSeconds: Double? = nil, sources: [String: String] = [:],
    virtualZ: Bool? = nil
  ) {
    self.id = id; self.name = name; self.vendor = vendor; self.nativeGates = nativeGates; self.coupling = coupling
    self.virtualZ = virtualZ ?? nativeGates.contains("rz")
    self.t1Us = t1Us; self.t2Us = t2Us; self.gateTime1qNs = gateTime1qNs; self.gateTime2qNs = gateTime2qNs
    self.error1q = error1q; self.error2q = error2q; self.readoutError = readoutError
    self.pricePerTaskUSD = pricePerTaskUSD; self.pricePerShotUSD = pricePerShotUSD; self.queueSeconds = queueSeconds
    self.sources = sources
  }

  /// Projected cloud price of `tasks` circuit submissions of `shots` shots each (0 where no price is known).
  public func price(tasks: Int, shotsPerTask: Int) -> Double {
    Double(tasks) * ((pricePerTaskUSD ?? 0) + Double(shotsPerTask) * (pricePerShotUSD ?? 0))
  }

  /// True when the profile adds no noise at all.
  public var isNoiseless: Bool {
    error1q == 0 && error2q == 0 && readoutError == 0 && t1Us == nil && t2Us == nil
  }
}

/// A pair of physical qubits joined by a coupler (a < b).
public struct QubitPair: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Smaller index.
  public var a: Int
  /// Larger index.
  public var b: Int

  /// Creates a pair, ordering the indices.
  public init(_ x: Int, _ y: Int) { a = min(x, y); b = max(x, y) }

  /// Orders by (a, b).
  public static func < (l: QubitPair, r: QubitPair) -> Bool { (l.a, l.b) < (r.a, r.b) }

  /// `a-b`.
  public var description: String { "\(a)-\(b)" }
}

/// Coupling map kinds.
public enum CouplingKind: String, Sendable, Equatable, CaseIterable {
  /// IBM heavy-hex lattice: rows of qubits joined by bridge qubits every 4 columns.
  case heavyHex = "heavy_hex"
  /// Square lattice.
  case grid
  /// A chain.
  case line
  /// A chain closed into a ring.
  case ring
  /// Every pair coupled (trapped ions, the ideal profile).
  case allToAll = "all_to_all"
}

/// A device's coupling map: its kind, qubit count and edges (explicit or generated).
public struct CouplingSpec: Sendable, Equatable {
  /// The lattice kind.
  public var kind: CouplingKind
  /// Physical qubits.
  public var qubits: Int
  /// Explicit edges from the profile (nil: generated from the kind).
  public var explicitEdges: [QubitPair]?
  /// Rows of a heavy-hex or grid lattice (generation only).
  public var rows: Int?
  /// Qubits per row of a heavy-hex or grid lattice (generation only).
  public var rowLength: Int?

  /// Creates a coupling spec.
  public init(kind: CouplingKind, qubits: Int, explicitEdges: [QubitPair]? = nil, rows: Int? = nil, rowLength: Int? = nil) {
    self.kind = kind; self.qubits = qubits; self.explicitEdges = explicitEdges; self.rows = rows; self.rowLength = rowLength
  }

  /// The coupled pairs, sorted: the explicit edges, else generated from the kind.
  ///
  /// Heavy hex: `rows` rows of `rowLength` qubits, numbered row by row with the bridge qubits of
  /// each gap between two rows numbered after the upper row; gap g bridges columns 3, 7, 11, ...
  /// when g is even and 1, 5, 9, ... when g is odd (IBM Heron r2: 8 x 16 + 28 bridges = 156
  /// qubits, 176 edges). Grid: `rows` x `rowLength` square lattice.
  public func edges() -> [QubitPair] {
    if let explicitEdges { return explicitEdges.sorted() }
    var out: [QubitPair] = []
    switch kind {
    case .line:
      for i in 0..<max(qubits - 1, 0) { out.append(QubitPair(i, i + 1)) }
    case .ring:
      for i in 0..<max(qubits - 1, 0) { out.append(QubitPair(i, i + 1)) }
      if qubits > 2 { out.append(QubitPair(0, qubits - 1)) }
    case .allToAll:
      for i in 0..<qubits { for j in (i + 1)..<max(qubits, i + 1) { out.append(QubitPair(i, j)) } }
    case .grid:
      let cols = rowLength ?? Int(Double(qubits).squareRoot().rounded(.up))
      for q in 0..<qubits {
        if (q + 1) % cols != 0 && q + 1 < qubits { out.append(QubitPair(q, q + 1)) }
        if q + cols < qubits { out.append(QubitPair(q, q + cols)) }
      }
    case .heavyHex:
      guard let rows, let len = rowLength, rows >= 1, len >= 2 else { return [] }
      var rowStart: [Int] = []
      var next = 0
      var bridges: [(q: Int, col: Int, gap: Int)] = []
      for r in 0..<rows {
        rowStart.append(next)
        next += len
        if r < rows - 1 {
          var col = r % 2 == 0 ? 3 : 1
          while col < len { bridges.append((next, col, r)); next += 1; col += 4 }
        }
      }
      for r in 0..<rows { for c in 0..<(len - 1) { out.append(QubitPair(rowStart[r] + c, rowStart[r] + c + 1)) } }
      for b in bridges {
        out.append(QubitPair(rowStart[b.gap] + b.col, b.q))
        out.append(QubitPair(b.q, rowStart[b.gap + 1] + b.col))
      }
      out = out.filter { $0.b < qubits }
    }
    return out.sorted()
  }
}
