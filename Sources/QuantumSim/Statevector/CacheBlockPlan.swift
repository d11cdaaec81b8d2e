/// A compiled circuit regrouped into cache-blocked passes: each pass applies many steps to one
/// block of 2^k amplitudes (small enough to stay in the core's L2 cache) before moving to the
/// next block, so the state streams through memory once per pass instead of once per gate.
///
/// A block is the set of amplitudes that agree on every qubit outside the pass's block qubits:
/// the lowest `lowCount` qubits (so a block is 2^high.count runs of 2^lowCount consecutive
/// amplitudes) plus the qubits in `high`. Every qubit a pass's gates name is a block qubit; a
/// diagonal block's tables take the state index, so they fit any block, and its straddling gates
/// are scheduled as gates of their own (diagonal gates commute, so they may be split apart).
///
/// Steps are taken in circuit order; a step that does not fit the pass is deferred, and later
/// steps join the pass only if they share no qubit with a deferred step (they commute with it),
/// as qsim's and Aer's cache-blocking planners do.
struct CacheBlockPlan {
  /// One pass: block layout and the steps applied to every block, in block-local qubits.
  struct Pass {
    /// Qubits 0..<lowCount are block qubits 0..<lowCount.
    let lowCount: Int
    /// State qubits that are block qubits lowCount, lowCount + 1, ... (ascending).
    let high: [Int]
    /// The steps, qubits renumbered into the block.
    let ops: [Op]
    /// Number of block qubits.
    var blockQubits: Int { lowCount + high.count }
  }

  /// One step inside a block.
  enum Op {
    /// A gate (block-local qubits) with its evaluated parameters.
    case gate(Gate, GateParameters)
    /// A diagonal block's table phases (state indices; its straddling gates are separate ops).
    case tables(DiagonalBlock)
  }

  /// Qubits of the state.
  let qubitCount: Int
  /// The passes in order.
  let passes: [Pass]

  /// The least number of consecutive low qubits in a block (runs of at least 2^6 amplitudes, or
  /// fewer when the block itself is tiny, as in tests).
  static func minimumLow(blockQubits k: Int) -> Int { Swift.min(6, k - 3) }

  /// Groups `steps` of an n-qubit circuit into passes over blocks of 2^k amplitudes.
  /// - Precondition: k >= 4 (a three-qubit gate must fit beside the minimum low qubits).
  init(steps: [CompiledCircuit.Step], qubitCount n: Int, blockQubits k: Int) {
    precondition(k >= 4, "blocks need at least 4 qubits")
    qubitCount = n
    // Diagonal blocks split into their tables and their straddling gates.
    var pending: [Item] = []
    for step in steps {
      switch step {
      case .gate(let g): pending.append(.gate(g))
      case .diagonal(let b):
        pending.append(.tables(b))
        pending += b.straddling.map(Item.gate)
      }
    }
    var passes: [Pass] = []
    // Scan at most this far past the first deferred step (long circuits stay linear).
    let lookahead = 512
    while !pending.isEmpty {
      var required = Set<Int>()
      var blocked = Set<Int>()
      var taken: [Item] = []
      var deferred: [Item] = []
      var scanned = 0
      var index = 0
      while index < pending.count {
        let step = pending[index]
        index += 1
        if !deferred.isEmpty {
          scanned += 1
          if scanned > lookahead || blocked.count >= n {
            index -= 1
            break
          }
        }
        let deps = Self.dependencyQubits(step)
        if !deps.isDisjoint(with: blocked) {
          deferred.append(step)
          blocked.formUnion(deps)
          continue
        }
        let need = required.union(Self.requiredQubits(step))
        if Self.layout(need, blockQubits: k) != nil {
          taken.append(step)
          required = need
        } else {
          deferred.append(step)
          blocked.formUnion(deps)
        }
      }
      precondition(!taken.isEmpty, "a cache-blocked pass took no step")
      pending = deferred + pending[index...]
      // The first pending step always fits (tables, or a gate on at most three qubits), so
      // every pass takes a step.
      let (low, high) = Self.layout(required, blockQubits: k) ?? (k, [])
      passes.append(Self.pass(taken, lowCount: low, high: high))
    }
    self.passes = passes
  }

  /// A step to schedule: a gate, or a diagonal block's tables.
  enum Item {
    case gate(Gate)
    case tables(DiagonalBlock)
  }

  /// Qubits whose order matters: another step on any of them does not commute past this one.
  static func dependencyQubits(_ item: Item) -> Set<Int> {
    switch item {
    case .gate(let g): return Set(g.qubits)
    case .tables(let b): return Set(b.qubits)
    }
  }

  /// Qubits that must be block qubits to apply the step inside a block (none for tables).
  static func requiredQubits(_ item: Item) -> Set<Int> {
    switch item {
    case .gate(let g): return Set(g.qubits)
    case .tables: return []
    }
  }

  /// The block layout holding `qubits` in k block qubits: the low count and the high qubits, or
  /// nil when they do not fit. The high qubits are the fewest top ones that leave the rest below
  /// the low count, which keeps the runs of consecutive amplitudes as long as possible.
  static func layout(_ qubits: Set<Int>, blockQubits k: Int) -> (lowCount: Int, high: [Int])? {
    let minLow = minimumLow(blockQubits: k)
    for h in 0...(k - minLow) {
      let high = qubits.filter { $0 >= k - h }
      if high.count <= h { return (k - high.count, high.sorted()) }
    }
    return nil
  }

  /// A pass with the steps' qubits renumbered into the block.
  static func pass(_ items: [Item], lowCount: Int, high: [Int]) -> Pass {
    let ops = items.map { item -> Op in
      switch item {
      case .gate(let g):
        var m = g
        m.qubits = g.qubits.map { q in q < lowCount ? q : lowCount + high.firstIndex(of: q)! }
        return .gate(m, gateParameters(g.parameters.map { $0.constantValue ?? .nan }))
      case .tables(let b): return .tables(b)
      }
    }
    return Pass(lowCount: lowCount, high: high, ops: ops)
  }
}
