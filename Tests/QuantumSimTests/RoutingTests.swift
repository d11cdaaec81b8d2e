import Foundation
import Numerics
import Testing

@testable import QuantumSim

@Suite("Routing")
struct RoutingTests {
  // MARK: - Coupling maps

  @Test("lattice constructors have the expected couplers")
  func lattices() throws {
    #expect(CouplingMap.line(5).edges.count == 4)
    #expect(CouplingMap.ring(5).edges.count == 5 && CouplingMap.ring(5).isConnected(4, 0))
    let g = CouplingMap.grid(rows: 3, cols: 4)
    #expect(g.qubitCount == 12 && g.edges.count == 3 * 3 + 2 * 4)
    #expect(g.isConnected(1, 5) && !g.isConnected(3, 4) && g.isConnected(3, 7))
    #expect(CouplingMap.allToAll(6).edges.count == 15)
    let heron = CouplingMap.ibmHeronR2
    #expect(heron.qubitCount == 156 && heron.edges.count == 176)
    #expect(heron.neighbors.map(\.count).max() == 3)
    #expect(heron.isConnectedGraph)
    // First bridge of a Heron r2: qubit 16 joins qubits 3 and 23.
    #expect(heron.isConnected(3, 16) && heron.isConnected(16, 23) && heron.neighbors[16].count == 2)
    #expect(heron.isConnected(21, 36) && heron.isConnected(36, 41))
    for map in [CouplingMap.line(7), .ring(8), .grid(rows: 3, cols: 3), .allToAll(5), .heavyHex(rows: 3, rowLength: 8)] {
      #expect(map.isConnectedGraph)
    }
  }

  @Test("ibmHeronR2 has exactly ibm_fez's couplers (qiskit-ibm-runtime FakeFez)")
  func heronMatchesFez() throws {
    struct Reference: Decodable { let qubits: Int; let edges: [[Int]] }
    let url = try #require(Bundle.module.url(forResource: "heron_r2_coupling_map", withExtension: "json", subdirectory: "Fixtures"))
    let ref = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    let heron = CouplingMap.ibmHeronR2
    #expect(heron.qubitCount == ref.qubits)
    #expect(heron.edges.map { [$0.a, $0.b] } == ref.edges)
  }

  @Test("shortest paths are as long as the distances and use couplers")
  func paths() throws {
    let g = CouplingMap.grid(rows: 3, cols: 3)
    let path = try #require(g.shortestPath(from: 0, to: 8))
    #expect(path.count == 5 && path.first == 0 && path.last == 8)
    for k in 0..<(path.count - 1) { #expect(g.isConnected(path[k], path[k + 1])) }
    #expect(g.distances(from: 0)[8] == 4)
    #expect(CouplingMap.ring(10).distances(from: 0)[7] == 3)
    let broken = try CouplingMap(qubits: 4, edges: [(0, 1), (2, 3)])
    #expect(broken.shortestPath(from: 0, to: 3) == nil && !broken.isConnectedGraph)
  }

  @Test("bad couplers are rejected; maps round-trip through JSON")
  func validationAndCoding() throws {
    #expect(throws: SimulationError.self) { try CouplingMap(qubits: 3, edges: [(0, 3)]) }
    #expect(throws: SimulationError.self) { try CouplingMap(qubits: 3, edges: [(1, 1)]) }
    let m = try CouplingMap(qubits: 4, edges: [(1, 0), (0, 1), (2, 1), (3, 2)])
    #expect(m.edges.count == 3)
    let data = try JSONEncoder().encode(m)
    #expect(try JSONDecoder().decode(CouplingMap.self, from: data) == m)
    let bad = Data(#"{"qubits": 2, "edges": [{"a": 0, "b": 5}]}"#.utf8)
    #expect(throws: SimulationError.self) { try JSONDecoder().decode(CouplingMap.self, from: bad) }
  }

  // MARK: - Decomposition

  @Test("ccx and cswap decompositions are exact, and costs count native two-qubit gates")
  func decompositions() throws {
    for kind in [GateKind.ccx, .cswap] {
      for perm in [[0, 1, 2], [2, 0, 1], [1, 2, 0]] {
        var c = Circuit(qubits: 3)
        c.append(Gate(kind, perm))
        let d = c.decomposingThreeQubitGates
        #expect(d.gates.allSatisfy { $0.qubits.count <= 2 })
        #expect(d.nativeTwoQubitGateCount == GateDecomposition.twoQubitCost(kind))
        for basis in 0..<8 {
          var prep = Circuit(qubits: 3)
          for q in 0..<3 where (basis >> q) & 1 == 1 { prep.append(.h, q); prep.append(.t, q) }
          var a = try StateVector(qubits: 3), b = try StateVector(qubits: 3)
          try a.apply(prep); try a.apply(c)
          try b.apply(prep); try b.apply(d)
          #expect(abs(a.inner(b).real - 1) < 1e-12, "\(kind) \(perm) basis \(basis)")
        }
      }
    }
    #expect(GateDecomposition.twoQubitCost(.swap) == 3 && GateDecomposition.twoQubitCost(.rzz) == 2)
    #expect(GateDecomposition.twoQubitCost(.cx) == 1 && GateDecomposition.twoQubitCost(.h) == 0)
    #expect(GateDecomposition.twoQubitCost(.ccx) == 6)
  }

  // MARK: - Routing

  /// The routed state with physical qubits read back into logical order (other qubits must be |0>).
  func checkEquivalent(_ original: Circuit, _ routed: RoutedCircuit, bindings: [Double] = []) throws {
    // Compact the physical qubits the routed circuit touches, so the check stays small.
    var used = Set(routed.initialLayout).union(routed.finalLayout)
    for g in routed.circuit.gates { used.formUnion(g.qubits) }
    let order = used.sorted()
    #expect(order.count <= 14, "routing spread over \(order.count) qubits")
    var index = [Int: Int]()
    for (i, p) in order.enumerated() { index[p] = i }
    var compact = Circuit(qubits: order.count)
    for name in routed.circuit.symbols { _ = compact.symbol(name) }
    for g in routed.circuit.gates {
      var h = g
      h.qubits = g.qubits.map { index[$0]! }
      compact.append(h)
    }
    var ideal = try StateVector(qubits: original.qubitCount)
    try ideal.apply(original, bindings: bindings)
    var state = try StateVector(qubits: order.count)
    try state.apply(compact, bindings: bindings)
    let finalCompact = routed.finalLayout.map { index[$0]! }
    var overlap = Complex<Double>.zero
    for i in 0..<ideal.dimension {
      var j = 0
      for (l, p) in finalCompact.enumerated() where (i >> l) & 1 == 1 { j |= 1 << p }
      overlap += ideal[i].conjugate * state[j]
    }
    #expect(abs(overlap.length - 1) < 1e-10, "|<ideal|routed>| = \(overlap.length)")
    #expect(abs(overlap.real - 1) < 1e-10, "global phase or wrong state: \(overlap)")
  }

  func checkCoupled(_ routed: RoutedCircuit, _ map: CouplingMap) {
    for g in routed.circuit.gates where g.qubits.count >= 2 {
      #expect(g.qubits.count == 2, "three-qubit gate survived routing")
      #expect(map.isConnected(g.qubits[0], g.qubits[1]), "\(g.kind) on uncoupled \(g.qubits)")
    }
  }

  static let maps: [(String, CouplingMap)] = [
    ("line6", .line(6)), ("ring6", .ring(6)), ("grid2x3", .grid(rows: 2, cols: 3)),
    ("grid3x3", .grid(rows: 3, cols: 3)), ("heavyhex", .heavyHex(rows: 3, rowLength: 8)),
  ]

  @Test("random circuits route to equivalent circuits on coupled pairs", arguments: 0..<5, 0..<4)
  func routesRandomCircuits(mapIndex: Int, seed: Int) throws {
    let (name, map) = Self.maps[mapIndex]
    let n = min(6, map.qubitCount)
    let kinds: [GateKind] = [.h, .rx, .ry, .rz, .t, .cx, .cz, .rzz, .swap, .cp, .ccx, .cswap, .iswap, .u]
    let c = DMSupport.randomCircuit(qubits: n, gates: 30, seed: UInt64(seed * 31 + mapIndex), kinds: kinds)
    let routed = try route(c, to: map)
    checkCoupled(routed, map)
    #expect(routed.circuit.qubitCount == map.qubitCount)
    #expect(Set(routed.initialLayout).count == n && Set(routed.finalLayout).count == n)
    #expect(routed.circuit.gates.filter { $0.kind == .swap }.count
            >= routed.swapsInserted)
    try checkEquivalent(c, routed)
    #expect(!name.isEmpty)
  }

  @Test("all-to-all maps need no swaps")
  func allToAllNoSwaps() throws {
    let c = DMSupport.randomCircuit(qubits: 5, gates: 60, seed: 3, kinds: [.h, .cx, .rzz, .ccx, .cz])
    let routed = try route(c, to: .allToAll(5))
    #expect(routed.swapsInserted == 0)
    #expect(routed.initialLayout == Array(0..<5) && routed.finalLayout == Array(0..<5))
    #expect(routed.nativeTwoQubitGates == c.nativeTwoQubitGateCount)
  }

  @Test("a line needs swaps for distant pairs, and counts them as 3 cx each")
  func lineSwaps() throws {
    var c = Circuit(qubits: 4)
    c.append(.cx, 0, 3)
    c.append(.cx, 1, 2)
    c.append(.cx, 0, 2)
    let routed = try route(c, to: .line(4), initialLayout: [0, 1, 2, 3])
    #expect(routed.swapsInserted >= 1)
    #expect(routed.nativeTwoQubitGates == 3 + 3 * routed.swapsInserted)
    checkCoupled(routed, .line(4))
    try checkEquivalent(c, routed)
  }

  @Test("symbols, measurements and barriers survive routing")
  func keepsSymbolsAndMeasurements() throws {
    var c = Circuit(qubits: 4)
    let x = c.symbol("x"), y = c.symbol("y")
    c.append(.ry, 0, parameters: [x])
    c.append(.rzz, 0, 3, parameters: [y * 2])
    c.barrier()
    c.append(.crx, 3, 1, parameters: [x + y])
    c.measureAll()
    let routed = try route(c, to: .ring(4))
    #expect(routed.circuit.symbols == ["x", "y"])
    #expect(routed.circuit.measurements.count == 4)
    #expect(Set(routed.circuit.measurements.map(\.bit)) == [0, 1, 2, 3])
    checkCoupled(routed, .ring(4))
    try checkEquivalent(c, routed, bindings: [0.4, -1.3])
  }

  @Test("twenty logical qubits route onto a Heron r2 lattice")
  func heronScale() throws {
    var c = Circuit(qubits: 20)
    for q in 0..<20 { c.append(.h, q) }
    for q in 0..<19 { c.append(.rzz, q, q + 1, parameters: [0.3]) }
    for q in 0..<10 { c.append(.cx, q, 19 - q) }
    let routed = try route(c, to: .ibmHeronR2)
    checkCoupled(routed, .ibmHeronR2)
    #expect(routed.nativeTwoQubitGates >= c.nativeTwoQubitGateCount)
    #expect(routed.swapsInserted < 200)
  }

  @Test("circuits whose interactions embed in the map get a perfect layout: no swaps")
  func perfectLayouts() throws {
    // A 20-qubit chain (linear-entanglement feature map) on Heron r2.
    var chain = Circuit(qubits: 20)
    for q in 0..<20 { chain.append(.h, q) }
    for _ in 0..<2 { for q in 0..<19 { chain.append(.rzz, q, q + 1, parameters: [0.3]) } }
    let routed = try route(chain, to: .ibmHeronR2)
    #expect(routed.swapsInserted == 0)
    #expect(routed.nativeTwoQubitGates == chain.nativeTwoQubitGateCount)
    checkCoupled(routed, .ibmHeronR2)
    // A 12-qubit ring: one heavy-hex cell.
    var ring = Circuit(qubits: 12)
    for q in 0..<12 { ring.append(.cx, q, (q + 1) % 12) }
    let r2 = try route(ring, to: .heavyHex(rows: 3, rowLength: 8))
    #expect(r2.swapsInserted == 0)
    checkCoupled(r2, .heavyHex(rows: 3, rowLength: 8))
    try checkEquivalent(ring, r2)
    // Nearest-neighbour couplings of a 3x3 grid, with qubits shuffled.
    let perm = [4, 0, 8, 2, 6, 1, 3, 5, 7]
    var grid = Circuit(qubits: 9)
    for e in CouplingMap.grid(rows: 3, cols: 3).edges { grid.append(.cz, perm[e.a], perm[e.b]) }
    #expect(try route(grid, to: .grid(rows: 3, cols: 3)).swapsInserted == 0)
  }

  @Test("routing is deterministic")
  func deterministic() throws {
    let c = DMSupport.randomCircuit(qubits: 8, gates: 60, seed: 9, kinds: [.cx, .h, .rzz])
    let a = try route(c, to: .grid(rows: 3, cols: 3)), b = try route(c, to: .grid(rows: 3, cols: 3))
    #expect(a.circuit == b.circuit && a.initialLayout == b.initialLayout && a.swapsInserted == b.swapsInserted)
  }

  @Test("impossible routing requests are rejected")
  func routingErrors() throws {
    let c = DMSupport.randomCircuit(qubits: 5, gates: 5, seed: 1, kinds: [.cx])
    #expect(throws: SimulationError.self) { try route(c, to: .line(4)) }
    let split = try CouplingMap(qubits: 6, edges: [(0, 1), (1, 2), (3, 4), (4, 5)])
    #expect(throws: SimulationError.self) { try route(c, to: split) }
    #expect(throws: SimulationError.self) { try route(c, to: .line(6), initialLayout: [0, 0, 1, 2, 3]) }
  }
}
