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
    /// Single-qubit gates, x and cx as prepared tile operations (`GateGroup`).
    case group(GateGroup)
  }

  /// Qubits of the state.
  let qubitCount: Int
  /// The passes in order.
  let passes: [Pass]

  /// The least number of consecutive low qubits in a block (runs of at least 2^9 amplitudes, 4 KiB
  /// each of re and im, which copy at near memory speed where shorter runs did not; or
  /// fewer when the block itself is tiny, as in tests).
  static func minimumLow(blockQubits k: Int) -> Int { Swift.min(9, k - 3) }

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
    var entries = pending.map {
      Entry(item: $0, deps: Self.mask(Self.dependencyQubits($0)), required: Self.mask(Self.requiredQubits($0)))
    }
    let all: UInt64 = n >= 64 ? ~0 : (1 << UInt64(n)) &- 1
    var passes: [Pass] = []
    while !entries.isEmpty {
      // Candidate block layouts: the smallest one that grows with the steps taken, and fixed
      // ones with h high qubits (those the next steps name first, or the highest they name).
      // The one taking the most steps wins (ties: fewer high qubits, no copying).
      var best = Self.scan(entries, all: all) { Self.layout(Self.qubits($0), blockQubits: k) != nil }
      var bestLayout = Self.layout(Self.qubits(best.required), blockQubits: k) ?? (k, [])
      for h in 0...(k - Self.minimumLow(blockQubits: k)) {
        for high in Self.candidateHighs(entries, h: h, blockQubits: k) {
          let low = k - h
          let blockMask = Self.mask(Set(0..<low).union(high))
          let s = Self.scan(entries, all: all) { $0 & ~blockMask == 0 }
          if s.taken.count > best.taken.count {
            best = s
            bestLayout = (low, high)
          }
        }
      }
      // The first step always fits (tables, or a gate on at most three qubits).
      precondition(!best.taken.isEmpty, "a cache-blocked pass took no step")
      let takenSet = Set(best.taken)
      passes.append(Self.pass(best.taken.map { entries[$0].item }, lowCount: bestLayout.0, high: bestLayout.1))
      entries = entries.indices.filter { !takenSet.contains($0) }.map { entries[$0] }
    }
    self.passes = passes
  }

  /// A schedulable item with its dependency and required qubits as bit masks.
  struct Entry {
    let item: Item
    let deps: UInt64
    let required: UInt64
  }

  /// Scan at most this many items past the first deferred one (long circuits stay linear).
  static let lookahead = 512

  /// The items one pass takes, in order, when a set of required qubits is acceptable iff
  /// `fits`: an item that does not fit is deferred, and so is every later item sharing a qubit
  /// with a deferred one. Returns the taken indices and the union of their required qubits.
  static func scan(_ entries: [Entry], all: UInt64, fits: (UInt64) -> Bool) -> (taken: [Int], required: UInt64) {
    var taken: [Int] = []
    var required: UInt64 = 0, blocked: UInt64 = 0
    var scanned = 0
    for (index, e) in entries.enumerated() {
      if blocked != 0 {
        scanned += 1
        if scanned > lookahead || blocked & all == all { break }
      }
      if e.deps & blocked == 0 && fits(required | e.required) {
        taken.append(index)
        required |= e.required
      } else {
        blocked |= e.deps
      }
    }
    return (taken, required)
  }

  /// Sets of h high qubits (each at least k - h) worth trying: the first ones the next items
  /// require, and the highest ones they require. Empty when fewer than h such qubits occur.
  static func candidateHighs(_ entries: [Entry], h: Int, blockQubits k: Int) -> [[Int]] {
    guard h > 0 else { return [[]] }
    var firstSeen: [Int] = []
    var union: UInt64 = 0
    for e in entries.prefix(lookahead) {
      union |= e.required
      for q in qubits(e.required) where q >= k - h && !firstSeen.contains(q) && firstSeen.count < h {
        firstSeen.append(q)
      }
    }
    let highest = Array(qubits(union).filter { $0 >= k - h }.suffix(h))
    var out: [[Int]] = []
    if firstSeen.count == h { out.append(firstSeen.sorted()) }
    if highest.count == h && highest != firstSeen.sorted() { out.append(highest) }
    return out
  }

  /// The bit mask of a set of qubits.
  static func mask(_ qubits: Set<Int>) -> UInt64 { qubits.reduce(0) { $0 | (1 << UInt64($1)) } }

  /// The qubits of a bit mask, ascending.
  static func qubits(_ mask: UInt64) -> [Int] { (0..<64).filter { mask & (1 << UInt64($0)) != 0 } }

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
  static func layout(_ qubits: [Int], blockQubits k: Int) -> (lowCount: Int, high: [Int])? {
    let minLow = minimumLow(blockQubits: k)
    for h in 0...(k - minLow) {
      let high = qubits.filter { $0 >= k - h }
      if high.count <= h { return (k - high.count, high.sorted()) }
    }
    return nil
  }

  /// A pass with the steps' qubits renumbered into the block, its single-qubit gates, x and cx grouped.
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
    return Pass(lowCount: lowCount, high: high, ops: GateGroup.grouped(ops, blockQubits: lowCount + high.count))
  }
}
