import Numerics

/// A circuit with its angles bound, rearranged into fewer and cheaper statevector passes; what
/// `qlift simulate` runs.
///
/// Two rewrites, each exact up to floating-point rounding (about 1e-15 per gate):
/// 1. Diagonal gates are collected into `DiagonalBlock`s (one pass for many gates). A diagonal
///    gate joins the open block; a non-diagonal gate that shares no qubit with the block
///    commutes with it and is emitted before it; one that shares a qubit closes the block.
///    cx(a, b) · (diagonal gate on b) · cx(a, b), the ZZ rotation of Pauli feature maps, counts
///    as one diagonal gate on (a, b).
/// 2. Consecutive single-qubit gates on one qubit (including a diagonal gate left alone in its
///    block) are multiplied into one `unitary1`, as `Circuit.fused` does. Real gates (ry, h)
///    therefore stay real when their neighbouring z rotations went into a block, and a real
///    2x2 pass costs half a complex one.
/// Measurements and barriers end every open block and fusion (they are not executed here).
///
/// Compiled `fromZero` (for a run that starts in |0...0>), a third rewrite takes each qubit's
/// leading single-qubit gates (those before any multi-qubit gate on it, diagonal ones included)
/// out of the steps into `initialState`, a product state written where the zeros would be
/// (`StateVector(running:threads:)`): the opening rotation layers of most circuits cost no pass.
public struct CompiledCircuit: Sendable {
  /// One statevector pass (or a few, for a block's straddling gates).
  public enum Step: Sendable {
    /// A gate with numeric parameters.
    case gate(Gate)
    /// Many diagonal gates in one pass.
    case diagonal(DiagonalBlock)
  }

  /// Qubits of the circuit.
  public let qubitCount: Int
  /// The passes in order.
  public let steps: [Step]
  /// The product state the steps start from, when compiled `fromZero`; nil otherwise (the steps
  /// then apply to any state).
  public let initialState: ProductState?

  /// Compiles `circuit` under `bindings`; `fromZero` absorbs the leading single-qubit gates into
  /// `initialState` (run it with `StateVector(running:threads:)`).
  /// - Throws: `SimulationError.bindingCount` when `bindings` does not match the circuit's symbols.
  public init(_ circuit: Circuit, bindings: [Double] = [], fromZero: Bool = false) throws {
    try self.init(Template(circuit), bindings: bindings, fromZero: fromZero)
  }

  /// Compiles a template's circuit under `bindings`: the same result as compiling the circuit,
  /// without redoing the structural work (for one circuit run under many bindings).
  /// - Throws: `SimulationError.bindingCount` when `bindings` does not match the circuit's symbols.
  public init(_ template: Template, bindings: [Double] = [], fromZero: Bool = false) throws {
    guard bindings.count == template.symbolCount else {
      throw SimulationError.bindingCount(expected: template.symbolCount, got: bindings.count)
    }
    qubitCount = template.qubitCount
    let blocked = template.collected(bindings)
    var product = fromZero ? ProductState(qubits: qubitCount) : nil
    steps = Self.fuseSingleQubitRuns(blocked, qubitCount: qubitCount, absorbingInto: &product)
    initialState = product
  }

  /// Number of passes over the state.
  public var passCount: Int { steps.count }

  /// Operations of the first rewrite: numeric gates, diagonal groups (as gate lists), and
  /// fences where a measurement or barrier stood.
  enum Collected {
    case gate(Gate)
    case diagonal([Gate])
    case fence
  }

  /// Rewrite 1: diagonal gates into groups, by commuting them past gates on other qubits. Which
  /// gates are diagonal, and so every grouping decision, depends on the gates' kinds, qubits and
  /// constant matrices only, never on their angles: the decisions are made once per circuit
  /// (`Template`) and replayed under each binding.
  enum Planned {
    /// A gate, bound under each binding.
    case gate(Planned.Member)
    /// Diagonal gates multiplied into one block.
    case diagonal([Planned.Member])
    case fence

    /// One gate of the plan: a circuit gate, or cx(a, b) · (diagonal gate on b) · cx(a, b), kept
    /// as its middle gate and the qubits (a, b), bound to the diagonal two-qubit gate it equals.
    enum Member {
      case gate(Gate)
      case conjugatedPhase(middle: Gate, qubits: [Int])

      /// The numeric gate under `bindings`.
      func bound(_ bindings: [Double]) -> Gate {
        switch self {
        case .gate(let g): return g.bound(bindings)
        case .conjugatedPhase(let middle, let qubits): return CompiledCircuit.conjugatedPhase(middle, on: qubits, bindings)
        }
      }
    }
  }

  /// The structural decisions of rewrite 1 for `ops`.
  static func planDiagonals(_ ops: [Operation], qubitCount n: Int) -> [Planned] {
    var out: [Planned] = []
    var group: [Planned.Member] = []
    var inGroup = [Bool](repeating: false, count: n)
    var members: [Int] = []
    func close() {
      guard !group.isEmpty else { return }
      out.append(group.count == 1 ? .gate(group[0]) : .diagonal(group))
      group = []
      for q in members { inGroup[q] = false }
      members = []
    }
    var i = 0
    while i < ops.count {
      defer { i += 1 }
      guard case .gate(let g) = ops[i] else {
        close()
        out.append(.fence)
        continue
      }
      if g.kind == .id { continue }
      if let middle = Self.conjugatedPhaseMiddle(ops, at: i) {
        i += 2
        group.append(.conjugatedPhase(middle: middle, qubits: g.qubits))
      } else if DiagonalBlock.isDiagonal(g) {
        group.append(.gate(g))
      } else {
        if g.qubits.contains(where: { inGroup[$0] }) { close() }
        out.append(.gate(.gate(g)))
        continue
      }
      for q in g.qubits where !inGroup[q] {
        inGroup[q] = true
        members.append(q)
      }
    }
    close()
    return out
  }

  /// A circuit's rewrite-1 decisions, made once and replayed under any binding (`init(_:bindings:fromZero:)`).
  public struct Template: Sendable {
    /// Qubits of the circuit.
    public let qubitCount: Int
    /// Symbols a binding gives values for.
    public let symbolCount: Int
    let plan: [Planned]

    /// The template of `circuit`.
    public init(_ circuit: Circuit) {
      qubitCount = circuit.qubitCount
      symbolCount = circuit.symbols.count
      plan = CompiledCircuit.planDiagonals(circuit.operations, qubitCount: circuit.qubitCount)
    }

    /// Rewrite 1's output under `bindings`.
    func collected(_ bindings: [Double]) -> [Collected] {
      plan.map { item in
        switch item {
        case .gate(let m): return .gate(m.bound(bindings))
        case .diagonal(let members): return .diagonal(members.map { $0.bound(bindings) })
        case .fence: return .fence
        }
      }
    }
  }

  /// The middle gate when `ops` holds cx(a, b), a diagonal single-qubit gate on b, cx(a, b) at
  /// `i` (how Pauli feature maps write a ZZ rotation); nil otherwise.
  static func conjugatedPhaseMiddle(_ ops: [Operation], at i: Int) -> Gate? {
    guard i + 2 < ops.count, case .gate(let first) = ops[i], first.kind == .cx,
      case .gate(let middle) = ops[i + 1], middle.kind.arity == 1, middle.qubits[0] == first.qubits[1],
      case .gate(let last) = ops[i + 2], last.kind == .cx, last.qubits == first.qubits,
      DiagonalBlock.isDiagonal(middle)
    else { return nil }
    return middle
  }

  /// cx(a, b) · middle · cx(a, b) on `qubits` (a, b) as the diagonal two-qubit gate it equals:
  /// diag(d0, d1, d1, d0) with index bit(a) + 2 bit(b), since the middle gate sees
  /// bit(b) XOR bit(a).
  static func conjugatedPhase(_ middle: Gate, on qubits: [Int], _ bindings: [Double]) -> Gate {
    let d = DiagonalBlock.diagonal(middle.bound(bindings))
    var matrix = [Complex<Double>](repeating: .zero, count: 16)
    matrix[0] = d[0]; matrix[5] = d[1]; matrix[10] = d[1]; matrix[15] = d[0]
    return Gate(.unitary2, qubits, matrix: matrix)
  }

  /// Rewrite 2: runs of single-qubit gates per qubit into one `unitary1` (a lone gate stays as
  /// it is, so its specialised kernel still applies). Rewrite 3, when `product` is given: a
  /// qubit's run (and its single-qubit diagonal gates) before any other step touches the qubit
  /// is multiplied into `product` instead of becoming a step.
  static func fuseSingleQubitRuns(_ ops: [Collected], qubitCount n: Int, absorbingInto product: inout ProductState?) -> [Step] {
    var out: [Step] = []
    var runs = SingleQubitRuns(qubits: n)
    var touched = [Bool](repeating: product == nil, count: n)
    func flush(_ q: Int) {
      if !touched[q] {
        if let m = runs.takeMatrix(q) { product?.multiply(q, by: m) }
      } else if let g = runs.take(q) {
        out.append(.gate(g))
      }
    }
    func gate(_ g: Gate) {
      if g.kind.arity == 1 {
        runs.add(g)
        return
      }
      for q in g.qubits { flush(q) }
      out.append(.gate(g))
      for q in g.qubits { touched[q] = true }
    }
    for op in ops {
      switch op {
      case .gate(let g):
        gate(g)
      case .diagonal(let all):
        // Single-qubit diagonal gates on untouched qubits join the product (they commute with
        // the rest of the block).
        var gates: [Gate] = []
        for g in all {
          if product != nil && g.qubits.count == 1 && !touched[g.qubits[0]] {
            flush(g.qubits[0])
            product?.multiply(g.qubits[0], by: Self.matrix(g))
          } else {
            gates.append(g)
          }
        }
        if gates.count <= 1 {
          if let g = gates.first { gate(g) }
          continue
        }
        let block = DiagonalBlock(qubitCount: n, gates: gates)
        for q in block.qubits { flush(q) }
        out.append(.diagonal(block))
        for q in block.qubits { touched[q] = true }
      case .fence:
        for q in 0..<n { flush(q) }
      }
    }
    for q in 0..<n { flush(q) }
    return out
  }

  /// The 2x2 matrix of a numeric single-qubit gate.
  static func matrix(_ g: Gate) -> Matrix2 {
    GateMatrices.single(g.kind, gateParameters(g.parameters.map { $0.constantValue ?? .nan }), matrix: g.matrix)
  }
}

extension StateVector {
  /// Runs a compiled circuit on this state.
  /// - Precondition: the circuit was not compiled `fromZero` (use `init(running:threads:)`).
  public mutating func apply(_ compiled: CompiledCircuit) {
    precondition(compiled.qubitCount == qubitCount, "the circuit has \(compiled.qubitCount) qubits, the state \(qubitCount)")
    precondition(compiled.initialState == nil, "a circuit compiled from |0...0> runs with StateVector(running:threads:)")
    apply(compiled, blockQubits: CacheBlockedRun.defaultBlockQubits)
  }

  /// Runs a compiled circuit with cache blocking over blocks of 2^blockQubits amplitudes when the
  /// state is larger than one block (`CacheBlockPlan`), else step by step.
  mutating func apply(_ compiled: CompiledCircuit, blockQubits k: Int) {
    precondition(compiled.qubitCount == qubitCount, "the circuit has \(compiled.qubitCount) qubits, the state \(qubitCount)")
    if qubitCount > k {
      let plan = CacheBlockPlan(steps: compiled.steps, qubitCount: qubitCount, blockQubits: k)
      let threads = self.threads
      re.withUnsafeMutableBufferPointer { rb in
        im.withUnsafeMutableBufferPointer { ib in
          CacheBlockedRun.run(plan, re: rb.baseAddress!, im: ib.baseAddress!, threads: threads)
        }
      }
      return
    }
    for step in compiled.steps {
      switch step {
      case .gate(let g): apply(g)
      case .diagonal(let block): apply(block)
      }
    }
  }
}
