/// Which pairs of physical qubits a device can run a two-qubit gate on: an undirected graph.
public struct CouplingMap: Sendable, Equatable, Codable {
  /// One coupler between two physical qubits, stored with `a < b`.
  public struct Edge: Sendable, Hashable, Codable {
    public let a: Int
    public let b: Int
  }

  /// Number of physical qubits.
  public let qubitCount: Int
  /// The couplers, sorted and without duplicates.
  public let edges: [Edge]
  /// Neighbours of each qubit, ascending.
  public let neighbors: [[Int]]

  private enum CodingKeys: String, CodingKey { case qubitCount = "qubits", edges }

  /// A map on `qubits` physical qubits with the given undirected couplers (duplicates and
  /// either direction are merged).
  /// - Throws: `SimulationError.invalidRequest` for a negative qubit count, a coupler outside
  ///   0..<qubits, or a coupler from a qubit to itself.
  public init(qubits: Int, edges: [(Int, Int)]) throws {
    guard qubits >= 0 else {
      throw SimulationError.invalidRequest("a coupling map needs a non-negative qubit count, got \(qubits)")
    }
    var set = Set<Edge>()
    for (x, y) in edges {
      guard x >= 0, x < qubits, y >= 0, y < qubits else {
        throw SimulationError.invalidRequest("coupler (\(x), \(y)) is outside qubits 0..<\(qubits)")
      }
      guard x != y else { throw SimulationError.invalidRequest("coupler (\(x), \(y)) joins a qubit to itself") }
      set.insert(Edge(a: min(x, y), b: max(x, y)))
    }
    let sorted = set.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
    var adj = [[Int]](repeating: [], count: qubits)
    for e in sorted {
      adj[e.a].append(e.b)
      adj[e.b].append(e.a)
    }
    self.qubitCount = qubits
    self.edges = sorted
    self.neighbors = adj.map { $0.sorted() }
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let n = try c.decode(Int.self, forKey: .qubitCount)
    let e = try c.decode([Edge].self, forKey: .edges)
    try self.init(qubits: n, edges: e.map { ($0.a, $0.b) })
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(qubitCount, forKey: .qubitCount)
    try c.encode(edges, forKey: .edges)
  }

  /// True when physical qubits `a` and `b` share a coupler.
  public func isConnected(_ a: Int, _ b: Int) -> Bool {
    guard a >= 0, a < qubitCount, b >= 0, b < qubitCount else { return false }
    return neighbors[a].contains(b)
  }

  /// Hop counts from `source` to every qubit (-1 where unreachable), by breadth-first search.
  public func distances(from source: Int) -> [Int] {
    var dist = [Int](repeating: -1, count: qubitCount)
    guard source >= 0, source < qubitCount else { return dist }
    var queue = [source]
    dist[source] = 0
    var head = 0
    while head < queue.count {
      let u = queue[head]
      head += 1
      for v in neighbors[u] where dist[v] < 0 {
        dist[v] = dist[u] + 1
        queue.append(v)
      }
    }
    return dist
  }

  /// A shortest path of qubits from `a` to `b` (both included), or nil when unreachable.
  /// Ties are broken towards lower qubit indices, so the path is deterministic.
  public func shortestPath(from a: Int, to b: Int) -> [Int]? {
    let dist = distances(from: b)
    guard a >= 0, a < qubitCount, dist[a] >= 0 else { return nil }
    var path = [a]
    var u = a
    while u != b {
      guard let next = neighbors[u].first(where: { dist[$0] == dist[u] - 1 }) else { return nil }
      path.append(next)
      u = next
    }
    return path
  }

  /// All-pairs hop counts, row-major (`qubitCount`²), -1 where unreachable.
  public func distanceMatrix() -> [Int] {
    var out: [Int] = []
    out.reserveCapacity(qubitCount * qubitCount)
    for q in 0..<qubitCount { out += distances(from: q) }
    return out
  }

  /// True when every qubit can reach every other.
  public var isConnectedGraph: Bool {
    qubitCount <= 1 || !distances(from: 0).contains(-1)
  }
}
