extension NoiseModel {
  /// Diagonal single-qubit gates that superconducting devices run as virtual Z (frame changes
  /// with no pulse and no duration), so they carry no gate noise there.
  public static let virtualZGates: Set<GateKind> = [.z, .s, .sdg, .t, .tdg, .rz, .p]

  /// The same model with no channel after gates of the given kinds (readout error is kept).
  /// A channel attached to every gate is re-attached to every other gate kind.
  public func sparing(_ kinds: Set<GateKind>) -> NoiseModel {
    var out = NoiseModel()
    let everyGate = GateKind.allCases.filter { $0.arity <= 2 }
    for a in attachments {
      let wanted = (a.gates.map(Array.init) ?? everyGate).filter { !kinds.contains($0) }
        .filter { a.channel.qubitCount == 1 || $0.arity == 2 }
        .sorted { $0.rawValue < $1.rawValue }
      guard !wanted.isEmpty else { continue }
      // The channels and gate kinds were valid in this model, so re-adding them cannot fail.
      try? out.add(a.channel, after: wanted, on: a.qubits.map { $0.sorted() })
    }
    if let r = defaultReadout { out.setReadout(r) }
    for (q, r) in readoutByQubit { out.setReadout(r, on: [q]) }
    return out
  }
}
