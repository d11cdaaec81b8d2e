/// Pending single-qubit gates per qubit, multiplied together until another gate touches the
/// qubit: the single-qubit fusion shared by `Circuit.fused` and `CompiledCircuit`.
struct SingleQubitRuns {
  private var product: [Matrix2?]
  private var count: [Int]
  private var last: [Gate?]

  init(qubits: Int) {
    product = [Matrix2?](repeating: nil, count: qubits)
    count = [Int](repeating: 0, count: qubits)
    last = [Gate?](repeating: nil, count: qubits)
  }

  /// Multiplies the numeric single-qubit gate `g` onto its qubit's pending product.
  mutating func add(_ g: Gate) {
    let q = g.qubits[0]
    let values = g.parameters.map { $0.constantValue ?? .nan }
    let m = GateMatrices.single(g.kind, gateParameters(values), matrix: g.matrix)
    product[q] = m * (product[q] ?? .identity)
    count[q] += 1
    last[q] = g
  }

  /// True when gates are pending on `q`.
  func has(_ q: Int) -> Bool { product[q] != nil }

  /// The pending product on `q` (nil when none), cleared.
  mutating func takeMatrix(_ q: Int) -> Matrix2? {
    defer { product[q] = nil; count[q] = 0; last[q] = nil }
    return product[q]
  }

  /// The pending gates on `q` as one gate, cleared: a lone gate as it is (so its specialised
  /// kernel still applies), several as their product, a `unitary1`; nil when none.
  mutating func take(_ q: Int) -> Gate? {
    let lone = count[q] == 1 ? last[q] : nil
    guard let m = takeMatrix(q) else { return nil }
    return lone ?? Gate(.unitary1, [q], matrix: m.flat)
  }
}

extension Gate {
  /// This gate with its angles evaluated under `bindings`.
  func bound(_ bindings: [Double]) -> Gate {
    var g = self
    g.parameters = parameters.map { .value($0.evaluate(bindings)) }
    return g
  }
}
