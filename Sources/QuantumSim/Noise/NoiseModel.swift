/// Which noise a simulated device adds: Kraus channels attached after gates (by gate name and
/// qubit) and readout (assignment) errors per qubit. A value type, built programmatically with
/// `add(_:after:on:)` and `setReadout(_:on:)` or parsed from a `--noise` string with
/// `init(specification:)`.
///
/// Matching rules, applied after every gate `g` in circuit order:
/// - an attachment applies when its gate set is nil (every gate) or contains `g.kind`;
/// - a one-qubit channel acts on each qubit of `g` that is in the attachment's qubit set (or on
///   every qubit of `g` when the set is nil), so a 1q error after `cx` hits both qubits;
/// - a two-qubit channel acts on `g.qubits` (in gate order) when `g` has two qubits and both are in
///   the qubit set (or the set is nil); it never applies to single-qubit gates;
/// - channels run in the order they were added.
/// Three-qubit gates (ccx, cswap) are simulated as their CX decomposition (6 and 8 cx, see
/// `GateDecomposition`) whenever a noise model has gate noise, as a device runs them, so their
/// parts pick up the cx and single-qubit noise; channels cannot be attached to them directly.
public struct NoiseModel: Sendable, Equatable {
  /// One channel attached to a set of gate kinds and qubits.
  public struct Attachment: Sendable, Equatable {
    /// The channel applied after matching gates.
    public let channel: KrausChannel
    /// Gate kinds it follows; nil means every gate.
    public let gates: Set<GateKind>?
    /// Qubits it is restricted to; nil means every qubit.
    public let qubits: Set<Int>?
    /// The coupler a two-qubit gate must act on for the channel to follow it (per-coupler
    /// figures, e.g. relaxation over that coupler's gate time); nil means any gate.
    public internal(set) var coupler: QubitCoupler? = nil
  }

  /// The attached channels, in application order.
  public internal(set) var attachments: [Attachment] = []
  /// The readout error of qubits without their own entry (nil: perfect readout).
  public internal(set) var defaultReadout: ReadoutError?
  /// Per-qubit readout errors, overriding `defaultReadout`.
  public internal(set) var readoutByQubit: [Int: ReadoutError] = [:]
  /// Thermal relaxation of idle qubits over an ASAP schedule of each circuit (nil: none).
  public internal(set) var idleRelaxation: IdleRelaxation?

  /// A noise-free model.
  public init() {}

  /// True when the model adds noise to the gates or idle windows (readout error may still be set).
  public var hasGateNoise: Bool { !attachments.isEmpty || idleRelaxation != nil }

  /// True when the model adds no noise at all.
  public var isIdeal: Bool {
    !hasGateNoise && (defaultReadout?.isZero ?? true) && readoutByQubit.values.allSatisfy(\.isZero)
  }

  /// Sets (or removes, with nil) the relaxation of idle qubits: whole circuits simulated under
  /// this model are then scheduled as soon as possible (`Schedule`) and every idle window relaxes.
  public mutating func setIdleRelaxation(_ relaxation: IdleRelaxation?) { idleRelaxation = relaxation }

  /// Attaches `channel` after the gates of the given kinds (nil: every gate), on the given qubits
  /// (nil: every qubit). See the type's matching rules.
  ///
  /// - Throws: `NoiseError` when a two-qubit channel is attached to single-qubit gate kinds, when
  ///   a kind is a three-qubit gate, when the list of kinds or qubits is empty, or a qubit is negative.
  public mutating func add(_ channel: KrausChannel, after gates: [GateKind]? = nil, on qubits: [Int]? = nil) throws {
    if let gates {
      guard !gates.isEmpty else {
        throw NoiseError(key: channel.name, reason: "the list of gates to attach to is empty (use nil for every gate)")
      }
      for kind in gates {
        if kind.arity > 2 {
          throw NoiseError(
            key: channel.name, value: kind.rawValue,
            reason: "three-qubit gates run decomposed into cx under noise; attach noise to cx and single-qubit gates")
        }
        if channel.qubitCount > 1 && kind.arity != channel.qubitCount {
          throw NoiseError(
            key: channel.name, value: kind.rawValue,
            reason: "a \(channel.qubitCount)-qubit channel cannot follow the \(kind.arity)-qubit gate \(kind.rawValue)")
        }
      }
    }
    if let qubits {
      guard !qubits.isEmpty else {
        throw NoiseError(key: channel.name, reason: "the list of qubits is empty (use nil for every qubit)")
      }
      if let bad = qubits.first(where: { $0 < 0 }) {
        throw NoiseError(key: channel.name, value: String(bad), reason: "qubit indices must not be negative")
      }
    }
    attachments.append(Attachment(channel: channel, gates: gates.map(Set.init), qubits: qubits.map(Set.init)))
  }

  /// Attaches `channel` after the two-qubit gates of the given kinds that act on `coupler`
  /// (either order), on the given qubits (a one-qubit channel: those of the coupler it names).
  /// - Throws: as `add(_:after:on:)`.
  public mutating func add(_ channel: KrausChannel, after gates: [GateKind], onCoupler coupler: QubitCoupler, qubits: [Int]) throws {
    try add(channel, after: gates, on: qubits)
    attachments[attachments.count - 1].coupler = coupler
  }

  /// Sets the readout error of the given qubits (nil: the default for every qubit without its own).
  public mutating func setReadout(_ error: ReadoutError, on qubits: [Int]? = nil) {
    guard let qubits else {
      defaultReadout = error
      return
    }
    for q in qubits { readoutByQubit[q] = error }
  }

  /// The readout error of physical qubit `qubit`, if any.
  public func readoutError(on qubit: Int) -> ReadoutError? {
    readoutByQubit[qubit] ?? defaultReadout
  }

  /// Applies the assignment errors to a distribution over measured qubits.
  ///
  /// Entry index bit k of `probabilities` is the outcome of qubit `qubits[k]`, whose readout
  /// error is looked up (pass `Array(0..<n)` for a full n-qubit distribution). Each qubit's 2x2
  /// assignment matrix [[1 − p10, p01], [p10, 1 − p01]] is applied in turn, so the total stays
  /// the same. Exact: no sampling.
  /// - Complexity: O(2^k · k) for k measured qubits.
  public func applyReadout(to probabilities: [Double], qubits: [Int]) -> [Double] {
    precondition(
      probabilities.count == 1 << qubits.count,
      "applyReadout: \(probabilities.count) probabilities for \(qubits.count) qubit(s); expected \(1 << qubits.count)")
    var out = probabilities
    for (k, q) in qubits.enumerated() {
      guard let e = readoutError(on: q), !e.isZero else { continue }
      let bit = 1 << k
      for i0 in 0..<out.count where i0 & bit == 0 {
        let a = out[i0], b = out[i0 | bit]
        out[i0] = (1 - e.p1Given0) * a + e.p0Given1 * b
        out[i0 | bit] = e.p1Given0 * a + (1 - e.p0Given1) * b
      }
    }
    return out
  }

  /// Calls `body(channel, qubits)` for every channel that follows `gate`, in order.
  func forEachChannel(after gate: Gate, _ body: (KrausChannel, [Int]) -> Void) {
    for a in attachments {
      if let gates = a.gates, !gates.contains(gate.kind) { continue }
      if let c = a.coupler, gate.qubits.count != 2 || QubitCoupler(gate.qubits[0], gate.qubits[1]) != c { continue }
      if a.channel.qubitCount == 1 {
        for q in gate.qubits where a.qubits?.contains(q) ?? true { body(a.channel, [q]) }
      } else if gate.qubits.count == a.channel.qubitCount,
        a.qubits.map({ set in gate.qubits.allSatisfy { set.contains($0) } }) ?? true
      {
        body(a.channel, gate.qubits)
      }
    }
  }
}
