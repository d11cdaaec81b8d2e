/// Compiles logical circuits for a device: trivial placement on a connected region of the
/// coupling map, SWAP routing with the SABRE router (`route`), lowering to the native gate set,
/// and merging of each run of single-qubit gates into its shortest native form.
public struct NativeCompiler: Sendable, Equatable {
  /// The native gates targeted.
  public var gates: NativeGateSet
  /// The device's coupling map; nil for all-to-all devices.
  public var coupling: CouplingMap?

  /// A compiler for `gates` on `coupling` (nil: every pair coupled).
  public init(gates: NativeGateSet, coupling: CouplingMap? = nil) {
    self.gates = gates
    self.coupling = coupling
  }

  /// The physical qubits an n-qubit circuit is placed on: the first n qubits in breadth-first
  /// order from qubit 0 (ties towards lower indices), sorted, so the region is connected;
  /// 0..<n on all-to-all devices. Logical qubit l goes on the l-th qubit of the region.
  /// - Throws: `SimulationError.invalidRequest` when the device has fewer reachable qubits.
  public func region(qubits n: Int) throws -> [Int] {
    guard let map = coupling else { return Array(0..<n) }
    guard n <= map.qubitCount else {
      throw SimulationError.invalidRequest("the circuit has \(n) qubits but the device only \(map.qubitCount)")
    }
    var order: [Int] = []
    var seen = Set<Int>()
    var queue = map.qubitCount > 0 ? [0] : []
    if !queue.isEmpty { seen.insert(0) }
    var head = 0
    while head < queue.count && order.count < n {
      let u = queue[head]
      head += 1
      order.append(u)
      for v in map.neighbors[u] where seen.insert(v).inserted { queue.append(v) }
    }
    guard order.count == n else {
      throw SimulationError.invalidRequest("the device has no connected region of \(n) qubits")
    }
    return order.sorted()
  }

  /// The coupling map restricted to `region`, relabelled 0..<region.count (nil when all-to-all).
  public func regionMap(_ region: [Int]) throws -> CouplingMap? {
    guard let map = coupling else { return nil }
    let local = Dictionary(uniqueKeysWithValues: region.enumerated().map { ($1, $0) })
    let edges = map.edges.compactMap { e -> (Int, Int)? in
      guard let a = local[e.a], let b = local[e.b] else { return nil }
      return (a, b)
    }
    return try CouplingMap(qubits: region.count, edges: edges)
  }

  /// `circuit` under `bindings` compiled to native gates (see the type's pipeline).
  /// - Throws: `SimulationError` for binding mismatches, a device too small, or gates that
  ///   cannot be compiled (`unitary2`).
  public func compile(_ circuit: Circuit, bindings: [Double] = []) throws -> NativeCircuit {
    guard bindings.count == circuit.symbols.count else {
      throw SimulationError.bindingCount(expected: circuit.symbols.count, got: bindings.count)
    }
    let n = circuit.qubitCount
    let region = try region(qubits: n)
    var routed = circuit.decomposingThreeQubitGates
    var finalLayout = Array(0..<n), swaps = 0
    if let map = try regionMap(region) {
      let r = try route(circuit, to: map, initialLayout: Array(0..<n))
      routed = r.circuit
      finalLayout = r.finalLayout
      swaps = r.swapsInserted
    }
    let native = try lower(routed, bindings: bindings)
    return NativeCircuit(
      circuit: native, region: region, initialLayout: Array(0..<n), finalLayout: finalLayout, swapsInserted: swaps)
  }

  /// The inverse of a compiled circuit, in native gates (single-qubit runs re-synthesized),
  /// on the same region: it undoes the routing as well, returning every qubit to its start.
  public func inverse(_ compiled: NativeCircuit) throws -> Circuit {
    try lower(compiled.circuit.inverse, bindings: [])
  }

  /// Lowers a routed circuit's gates to native gates and merges single-qubit runs.
  func lower(_ circuit: Circuit, bindings: [Double]) throws -> Circuit {
    if gates == .any { return circuit.binding(Dictionary(uniqueKeysWithValues: zip(circuit.symbols, bindings))) }
    var out = Circuit(qubits: circuit.qubitCount, bits: circuit.bitCount)
    var pending = [Matrix2?](repeating: nil, count: circuit.qubitCount)
    func flush(_ q: Int) {
      guard let u = pending[q] else { return }
      for g in OneQubitSynthesis.gates(u, on: q, set: gates) { out.append(g) }
      pending[q] = nil
    }
    for op in circuit.operations {
      switch op {
      case .gate(let g):
        var p = GateParameters(repeating: 0)
        for (i, a) in g.parameters.enumerated() { p[i] = a.evaluate(bindings) }
        for step in try GateLowering.steps(g, p, set: gates) {
          switch step {
          case .one(let q, let u): pending[q] = u * (pending[q] ?? .identity)
          case .two(let h):
            for q in h.qubits { flush(q) }
            out.append(h)
          case .measure, .barrier: break
          }
        }
      case .measure(let q, let b):
        flush(q)
        out.measure(q, into: b)
      case .barrier(let qs):
        for q in qs { flush(q) }
        out.barrier(qs)
      }
    }
    for q in 0..<circuit.qubitCount { flush(q) }
    return out
  }
}
