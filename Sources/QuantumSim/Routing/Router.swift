// Implementation goals, in order:
// 1. Correct: the routed circuit is the original up to the final qubit permutation, and every
//    two-qubit gate lands on a coupled pair (a forced shortest-path fallback guarantees progress).
// 2. Deterministic: ties break towards lower indices or by fixed seeds, so counts are reproducible.
// 3. Few swaps: SABRE's heuristic (Li, Ding & Xie, ASPLOS 2019) — front layer plus a weighted
//    look-ahead set, with a decay term — and its forward/backward/forward layout refinement.

/// Routes `circuit` onto `map`: decomposes three-qubit gates, picks an initial layout, and
/// inserts `swap` gates so each two-qubit gate acts on coupled physical qubits.
///
/// The initial layout is the trivial one (logical l on physical l) when it needs no swaps, else a
/// perfect one when the circuit's interaction graph embeds in the
/// map (a bounded backtracking subgraph search, like Qiskit's VF2Layout), which needs no swaps;
/// otherwise the best (fewest swaps) of the trivial layout (logical l on physical l), a compact
/// layout grown breadth-first from the map's centre, and SABRE's refinement of the better of
/// those (route forward, route the reversed circuit back, up to three rounds, start from where it ends)
/// under four deterministic tie-breaking seeds. With `initialLayout` given, that layout is used as is.
/// - Throws: `SimulationError.invalidRequest` when the map has fewer qubits than the circuit, is
///   not connected, or `initialLayout` is not an injective list of physical qubits.
public func route(_ circuit: Circuit, to map: CouplingMap, initialLayout: [Int]? = nil) throws -> RoutedCircuit {
  let n = circuit.qubitCount, m = map.qubitCount
  guard n <= m else {
    throw SimulationError.invalidRequest("the circuit has \(n) qubits but the coupling map only \(m)")
  }
  guard map.isConnectedGraph else {
    throw SimulationError.invalidRequest("the coupling map is not connected; every qubit must reach every other")
  }
  let source = circuit.decomposingThreeQubitGates
  let router = _SabreRouter(map: map, circuit: source)
  var layout: [Int]
  var seed: UInt64 = 0
  if let given = initialLayout {
    guard given.count == n, Set(given).count == n, given.allSatisfy({ $0 >= 0 && $0 < m }) else {
      throw SimulationError.invalidRequest(
        "initial layout \(given) must name \(n) distinct physical qubits in 0..<\(m)")
    }
    layout = given
  } else if router.run(router.forward, layout: Array(0..<n)).swaps == 0 {
    layout = Array(0..<n)  // already fits (all-to-all maps, circuits written for the device)
  } else if let perfect = router.perfectLayout(n) {
    layout = perfect  // every two-qubit gate already lands on a coupler: no swaps
  } else {
    let trivial = Array(0..<n)
    let compact = router.compactLayout(n)
    let t = router.run(router.forward, layout: trivial).swaps
    let c = router.run(router.forward, layout: compact).swaps
    let base = c < t ? compact : trivial
    var best = (layout: base, seed: UInt64(0), swaps: min(t, c))
    // SABRE layout refinement (forward, backward, ...) over a few tie-breaking seeds.
    for trial in UInt64(0)..<4 where best.swaps > 0 {
      var l = base
      for _ in 0..<3 {
        let there = router.run(router.forward, layout: l, seed: trial).finalLayout
        l = router.run(router.backward, layout: there, seed: trial).finalLayout
        let swaps = router.run(router.forward, layout: l, seed: trial).swaps
        if swaps < best.swaps { best = (l, trial, swaps) }
      }
    }
    layout = best.layout
    seed = best.seed
  }
  let result = router.run(router.forward, layout: layout, seed: seed, emit: true)
  return RoutedCircuit(
    circuit: result.circuit!, initialLayout: layout, finalLayout: result.finalLayout, swapsInserted: result.swaps)
}

/// The dependency graph of a circuit's operations (on logical qubits).
struct _OpGraph {
  let ops: [Operation]
  let qubits: [[Int]]
  let successors: [[Int]]
  let predecessorCount: [Int]

  init(_ ops: [Operation]) {
    self.ops = ops
    var qs: [[Int]] = []
    var succ = [[Int]](repeating: [], count: ops.count)
    var preds = [Int](repeating: 0, count: ops.count)
    var last: [Int: Int] = [:]
    for (i, op) in ops.enumerated() {
      let q: [Int]
      switch op {
      case .gate(let g): q = g.qubits
      case .measure(let qubit, _): q = [qubit]
      case .barrier(let b): q = b
      }
      qs.append(q)
      var seen = Set<Int>()
      for x in q {
        if let p = last[x], seen.insert(p).inserted {
          succ[p].append(i)
          preds[i] += 1
        }
        last[x] = i
      }
    }
    qubits = qs
    successors = succ
    predecessorCount = preds
  }
}

/// SABRE-style swap insertion over a fixed coupling map.
struct _SabreRouter {
  let map: CouplingMap
  let circuit: Circuit
  let dist: [Int]
  let forward: _OpGraph
  let backward: _OpGraph
  let extendedSize = 20
  let extendedWeight = 0.5
  let decayStep = 0.001

  init(map: CouplingMap, circuit: Circuit) {
    self.map = map
    self.circuit = circuit
    self.dist = map.distanceMatrix()
    self.forward = _OpGraph(circuit.operations)
    self.backward = _OpGraph(circuit.operations.reversed())
  }

  @inline(__always) func d(_ a: Int, _ b: Int) -> Int { dist[a * map.qubitCount + b] }

  /// A layout under which every two-qubit gate acts on coupled qubits, found by backtracking
  /// (logical qubits in breadth-first order of the interaction graph, each placed next to its
  /// placed neighbours), or nil when none exists or the search exceeds its step budget.
  func perfectLayout(_ n: Int, budget: Int = 200_000) -> [Int]? {
    let m = map.qubitCount
    var adj = [Set<Int>](repeating: [], count: n)
    for (i, q) in forward.qubits.enumerated() where q.count == 2 {
      if case .gate = forward.ops[i] {
        adj[q[0]].insert(q[1])
        adj[q[1]].insert(q[0])
      }
    }
    let maxPhysicalDegree = map.neighbors.map(\.count).max() ?? 0
    if adj.contains(where: { $0.count > maxPhysicalDegree }) { return nil }
    // Order: components by breadth-first search from their highest-degree qubit; isolated last.
    var order: [Int] = []
    var seen = [Bool](repeating: false, count: n)
    for root in (0..<n).sorted(by: { (adj[$0].count, -$0) > (adj[$1].count, -$1) }) where !seen[root] && !adj[root].isEmpty {
      var queue = [root]
      seen[root] = true
      var head = 0
      while head < queue.count {
        let u = queue[head]
        head += 1
        order.append(u)
        for v in adj[u].sorted(by: { (adj[$0].count, -$0) > (adj[$1].count, -$1) }) where !seen[v] {
          seen[v] = true
          queue.append(v)
        }
      }
    }
    let connected = order.count
    var l2p = [Int](repeating: -1, count: n)
    var used = [Bool](repeating: false, count: m)
    var steps = 0
    let physicalByDegree = (0..<m).sorted { (map.neighbors[$0].count, -$0) > (map.neighbors[$1].count, -$1) }

    func place(_ i: Int) -> Bool {
      if i == connected { return true }
      steps += 1
      if steps > budget { return false }
      let l = order[i]
      let anchor = adj[l].first { l2p[$0] >= 0 }
      let candidates = anchor.map { map.neighbors[l2p[$0]] } ?? physicalByDegree
      for p in candidates where !used[p] && map.neighbors[p].count >= adj[l].count {
        if adj[l].contains(where: { l2p[$0] >= 0 && !map.isConnected(p, l2p[$0]) }) { continue }
        l2p[l] = p
        used[p] = true
        if place(i + 1) { return true }
        l2p[l] = -1
        used[p] = false
        if steps > budget { return false }
      }
      return false
    }
    guard place(0) else { return nil }
    // Qubits without two-qubit gates go to the free physical qubits nearest the placed ones.
    let placed = (0..<n).filter { l2p[$0] >= 0 }.map { l2p[$0] }
    for l in 0..<n where l2p[l] < 0 {
      var best = -1, bestDistance = Int.max
      for p in 0..<m where !used[p] {
        let dist = placed.isEmpty ? p : placed.map { d($0, p) }.min()!
        if dist < bestDistance { best = p; bestDistance = dist }
      }
      l2p[l] = best
      used[best] = true
    }
    return l2p
  }

  /// The n physical qubits nearest the map's centre, in breadth-first order.
  func compactLayout(_ n: Int) -> [Int] {
    let m = map.qubitCount
    var centre = 0, bestEcc = Int.max, bestSum = Int.max
    for q in 0..<m {
      var ecc = 0, sum = 0
      for r in 0..<m { ecc = max(ecc, d(q, r)); sum += d(q, r) }
      if ecc < bestEcc || (ecc == bestEcc && sum < bestSum) { centre = q; bestEcc = ecc; bestSum = sum }
    }
    let order = (0..<m).sorted { (d(centre, $0), $0) < (d(centre, $1), $1) }
    return Array(order.prefix(n))
  }

  /// Routes the graph's operations from `layout`; returns swaps, final layout and (if `emit`) the circuit.
  func run(_ graph: _OpGraph, layout: [Int], seed: UInt64 = 0, emit: Bool = false)
    -> (swaps: Int, finalLayout: [Int], circuit: Circuit?)
  {
    // Seed 0 breaks score ties towards the lowest coupler; other seeds pick among ties at random.
    var rng = SeededGenerator(seed: seed)
    var ties = 0
    let m = map.qubitCount
    var l2p = layout
    var p2l = [Int](repeating: -1, count: m)
    for (l, p) in l2p.enumerated() { p2l[p] = l }
    var out: Circuit? = nil
    if emit {
      var c = Circuit(qubits: m, bits: circuit.bitCount)
      for name in circuit.symbols { _ = c.symbol(name) }
      out = c
    }
    var remaining = graph.predecessorCount
    var front = (0..<graph.ops.count).filter { remaining[$0] == 0 }
    var decay = [Double](repeating: 1, count: m)
    var swaps = 0, swapsSinceProgress = 0
    let stallLimit = 3 * m + 10

    func isTwoQubitGate(_ i: Int) -> Bool {
      if case .gate = graph.ops[i], graph.qubits[i].count == 2 { return true }
      return false
    }
    func executable(_ i: Int) -> Bool {
      !isTwoQubitGate(i) || d(l2p[graph.qubits[i][0]], l2p[graph.qubits[i][1]]) == 1
    }
    func emitOp(_ i: Int) {
      guard emit else { return }
      switch graph.ops[i] {
      case .gate(var g):
        g.qubits = g.qubits.map { l2p[$0] }
        out!.append(g)
      case .measure(let q, let b): out!.measure(l2p[q], into: b)
      case .barrier(let qs): out!.barrier(qs.map { l2p[$0] })
      }
    }
    func doSwap(_ a: Int, _ b: Int) {
      let la = p2l[a], lb = p2l[b]
      p2l[a] = lb; p2l[b] = la
      if la >= 0 { l2p[la] = b }
      if lb >= 0 { l2p[lb] = a }
      if emit { out!.append(Gate(.swap, [a, b])) }
      swaps += 1
      swapsSinceProgress += 1
    }

    while !front.isEmpty {
      // Execute everything executable, repeatedly, as dependencies clear.
      var progressed = false
      var changed = true
      while changed {
        changed = false
        var blocked: [Int] = []
        for i in front {
          if executable(i) {
            emitOp(i)
            progressed = true
            changed = true
            for s in graph.successors[i] {
              remaining[s] -= 1
              if remaining[s] == 0 { blocked.append(s) }
            }
          } else {
            blocked.append(i)
          }
        }
        front = blocked.sorted()
      }
      if front.isEmpty { break }
      if progressed {
        swapsSinceProgress = 0
        for q in 0..<m { decay[q] = 1 }
      }
      // Every front op is a two-qubit gate on uncoupled qubits.
      if swapsSinceProgress >= stallLimit {
        // Fallback: walk the first blocked gate's first qubit along a shortest path.
        let g = front[0]
        let pa = l2p[graph.qubits[g][0]], pb = l2p[graph.qubits[g][1]]
        let path = map.shortestPath(from: pa, to: pb)!
        for k in 0..<(path.count - 2) { doSwap(path[k], path[k + 1]) }
        swapsSinceProgress = 0
        continue
      }
      // Look-ahead set: the next two-qubit gates after the front.
      var extended: [Int] = []
      var queue = front
      var seen = Set(front)
      var head = 0
      while head < queue.count && extended.count < extendedSize {
        let i = queue[head]
        head += 1
        for s in graph.successors[i] where seen.insert(s).inserted {
          if isTwoQubitGate(s) { extended.append(s) }
          queue.append(s)
          if extended.count >= extendedSize { break }
        }
      }
      // Candidate swaps touch a qubit of a blocked gate.
      var candidates = Set<CouplingMap.Edge>()
      for i in front {
        for l in graph.qubits[i] {
          let p = l2p[l]
          for nb in map.neighbors[p] { candidates.insert(CouplingMap.Edge(a: min(p, nb), b: max(p, nb))) }
        }
      }
      var bestEdge: CouplingMap.Edge? = nil
      var bestScore = Double.infinity
      for e in candidates.sorted(by: { ($0.a, $0.b) < ($1.a, $1.b) }) {
        @inline(__always) func phys(_ l: Int) -> Int {
          let p = l2p[l]
          return p == e.a ? e.b : p == e.b ? e.a : p
        }
        var f = 0.0
        for i in front { f += Double(d(phys(graph.qubits[i][0]), phys(graph.qubits[i][1]))) }
        var x = 0.0
        for i in extended { x += Double(d(phys(graph.qubits[i][0]), phys(graph.qubits[i][1]))) }
        var score = f / Double(front.count)
        if !extended.isEmpty { score += extendedWeight * x / Double(extended.count) }
        score *= max(decay[e.a], decay[e.b])
        if score < bestScore - 1e-12 {
          bestScore = score
          bestEdge = e
          ties = 1
        } else if seed != 0, score <= bestScore + 1e-12 {
          ties += 1  // reservoir sampling over equally good swaps
          if rng.next() % UInt64(ties) == 0 { bestEdge = e }
        }
      }
      let e = bestEdge!
      doSwap(e.a, e.b)
      decay[e.a] += decayStep
      decay[e.b] += decayStep
      if swapsSinceProgress % 5 == 0 { for q in 0..<m { decay[q] = 1 } }
    }
    return (swaps, l2p, out)
  }
}
