/// A quantum circuit as a value: qubits, classical bits, a list of operations,
/// and a table of named symbols (feature inputs, trainable weights) bound at
/// evaluation time, so one circuit serves many inputs without being rebuilt.
///
/// Qubit 0 is the least significant bit of a basis-state index (the Qiskit
/// convention): in a 3-qubit state, index 4 = 0b100 is |q2=1, q1=0, q0=0>.
public struct Circuit: Sendable, Hashable {
  /// Number of qubits.
  public private(set) var qubitCount: Int
  /// Number of classical bits (measurement targets).
  public private(set) var bitCount: Int
  /// The operations in order.
  public private(set) var operations: [Operation] = []
  /// Symbol names; `Angle.symbol(i)` refers to `symbols[i]`.
  public private(set) var symbols: [String] = []

  /// An empty circuit on `qubits` qubits and `bits` classical bits.
  public init(qubits: Int, bits: Int = 0) {
    precondition(qubits >= 0 && bits >= 0, "qubit and bit counts must not be negative")
    self.qubitCount = qubits
    self.bitCount = bits
  }

  /// The symbol with this name, created if new.
  public mutating func symbol(_ name: String) -> Angle {
    if let i = symbols.firstIndex(of: name) { return .symbol(i) }
    symbols.append(name)
    return .symbol(symbols.count - 1)
  }

  /// Index of a named symbol, if present.
  public func symbolIndex(_ name: String) -> Int? { symbols.firstIndex(of: name) }

  /// Only the gates, in order.
  public var gates: [Gate] {
    operations.compactMap { if case .gate(let g) = $0 { return g } else { return nil } }
  }

  /// Measurements (qubit, bit) in order.
  public var measurements: [(qubit: Int, bit: Int)] {
    operations.compactMap { if case .measure(let q, let b) = $0 { return (q, b) } else { return nil } }
  }

  /// Appends a gate after checking its qubits and parameter count.
  public mutating func append(_ gate: Gate) {
    precondition(gate.qubits.count == gate.kind.arity, "\(gate.kind) acts on \(gate.kind.arity) qubit(s), got \(gate.qubits.count)")
    precondition(gate.parameters.count == gate.kind.parameterCount, "\(gate.kind) takes \(gate.kind.parameterCount) parameter(s), got \(gate.parameters.count)")
    precondition(gate.qubits.allSatisfy { $0 >= 0 && $0 < qubitCount }, "\(gate.kind) on qubit(s) \(gate.qubits) outside 0..<\(qubitCount)")
    precondition(Set(gate.qubits).count == gate.qubits.count, "\(gate.kind) repeats a qubit: \(gate.qubits)")
    for a in gate.parameters { precondition(a.symbolIndices.allSatisfy { $0 < symbols.count }, "unknown symbol in \(gate.kind)") }
    operations.append(.gate(gate))
  }

  /// Appends a named gate.
  public mutating func append(_ kind: GateKind, _ qubits: Int..., parameters: [Angle] = []) {
    append(Gate(kind, qubits, parameters))
  }

  /// Appends a measurement of `qubit` into classical `bit` (default: the same index).
  public mutating func measure(_ qubit: Int, into bit: Int? = nil) {
    let b = bit ?? qubit
    precondition(qubit >= 0 && qubit < qubitCount, "measure of qubit \(qubit) outside 0..<\(qubitCount)")
    if b >= bitCount { bitCount = b + 1 }
    operations.append(.measure(qubit: qubit, bit: b))
  }

  /// Measures every qubit into the bit of the same index.
  public mutating func measureAll() {
    for q in 0..<qubitCount { measure(q) }
  }

  /// Appends a barrier (no effect on simulation; kept for export and depth).
  public mutating func barrier(_ qubits: [Int]? = nil) {
    operations.append(.barrier(qubits ?? Array(0..<qubitCount)))
  }

  /// Appends `other`'s operations, merging symbols by name and mapping its qubit i to `qubitMap[i]`.
  public mutating func append(_ other: Circuit, qubitMap: [Int]? = nil) {
    let qmap = qubitMap ?? Array(0..<other.qubitCount)
    precondition(qmap.count == other.qubitCount, "qubit map must name every qubit of the appended circuit")
    precondition(qmap.allSatisfy { $0 >= 0 && $0 < qubitCount }, "qubit map leaves 0..<\(qubitCount)")
    let smap = other.symbols.map { name -> Int in
      if case .symbol(let i) = symbol(name) { return i }
      fatalError("unreachable")
    }
    for op in other.operations {
      switch op {
      case .gate(var g):
        g.qubits = g.qubits.map { qmap[$0] }
        g.parameters = g.parameters.map { $0.remapped(smap) }
        operations.append(.gate(g))
      case .measure(let q, let b):
        measure(qmap[q], into: b)
      case .barrier(let qs):
        operations.append(.barrier(qs.map { qmap[$0] }))
      }
    }
  }

  /// The inverse circuit (gates reversed and adjointed); measurements and barriers dropped.
  public var inverse: Circuit {
    var c = self
    c.operations = gates.reversed().map { .gate($0.inverse) }
    c.bitCount = 0
    return c
  }

  /// A copy with the given symbols fixed to numbers (by name); the rest stay free.
  public func binding(_ values: [String: Double]) -> Circuit {
    let table = symbols.map { values[$0] }
    var c = self
    c.operations = operations.map { op in
      guard case .gate(var g) = op else { return op }
      g.parameters = g.parameters.map { $0.substituting(table) }
      return .gate(g)
    }
    return c
  }

  /// Orders a name-keyed binding as the flat array evaluation takes; throws if a symbol is missing.
  public func bindings(_ values: [String: Double]) throws -> [Double] {
    try symbols.map { name in
      guard let v = values[name] else { throw SimulationError.unboundSymbol(name) }
      return v
    }
  }
}
