extension CouplingMap {
  private static func _make(_ n: Int, _ edges: [(Int, Int)]) -> CouplingMap {
    // The generators only produce in-range couplers.
    do { return try CouplingMap(qubits: n, edges: edges) } catch { preconditionFailure("\(error)") }
  }

  /// n qubits in a chain: 0–1–2–…–(n−1).
  public static func line(_ n: Int) -> CouplingMap {
    precondition(n >= 0, "line needs n >= 0")
    return _make(n, n < 2 ? [] : (0..<(n - 1)).map { ($0, $0 + 1) })
  }

  /// n qubits in a cycle: a line plus (n−1)–0 (for n ≥ 3).
  public static func ring(_ n: Int) -> CouplingMap {
    precondition(n >= 0, "ring needs n >= 0")
    var e = n < 2 ? [] : (0..<(n - 1)).map { ($0, $0 + 1) }
    if n >= 3 { e.append((n - 1, 0)) }
    return _make(n, e)
  }

  /// A square lattice of rows × cols qubits, qubit r·cols + c, coupled to its 4 neighbours.
  public static func grid(rows: Int, cols: Int) -> CouplingMap {
    precondition(rows >= 0 && cols >= 0, "grid needs non-negative sides")
    var e: [(Int, Int)] = []
    for r in 0..<rows {
      for c in 0..<cols {
        let q = r * cols + c
        if c + 1 < cols { e.append((q, q + 1)) }
        if r + 1 < rows { e.append((q, q + cols)) }
      }
    }
    return _make(rows * cols, e)
  }

  /// Every pair coupled (trapped-ion style): routing inserts no swaps.
  public static func allToAll(_ n: Int) -> CouplingMap {
    precondition(n >= 0, "allToAll needs n >= 0")
    var e: [(Int, Int)] = []
    for a in 0..<n { for b in (a + 1)..<max(n, a + 1) { e.append((a, b)) } }
    return _make(n, e)
  }

  /// An IBM-style heavy-hex lattice: `rows` rows of `rowLength` qubits in chains, and between
  /// consecutive rows a layer of bridge qubits, each coupled to the qubit in the same column above
  /// and below. Bridges sit at columns 3, 7, 11, … below even rows and 1, 5, 9, … below odd rows,
  /// and qubits are numbered row by row with each bridge layer after its row, as on IBM devices.
  /// Degree is at most 3. `heavyHex(rows: 8, rowLength: 16)` is the 156-qubit, 176-coupler
  /// Heron r2 layout (ibm_fez, ibm_marrakesh, ibm_kingston).
  public static func heavyHex(rows: Int, rowLength: Int) -> CouplingMap {
    precondition(rows >= 1 && rowLength >= 2, "heavyHex needs rows >= 1 and rowLength >= 2")
    var e: [(Int, Int)] = []
    var next = 0
    var previousRow: [Int] = []
    var pendingBridges: [(qubit: Int, column: Int)] = []
    for r in 0..<rows {
      let row = Array(next..<(next + rowLength))
      next += rowLength
      for c in 0..<(rowLength - 1) { e.append((row[c], row[c + 1])) }
      for b in pendingBridges {
        e.append((previousRow[b.column], b.qubit))
        e.append((b.qubit, row[b.column]))
      }
      pendingBridges = []
      if r + 1 < rows {
        let first = r % 2 == 0 ? 3 : 1
        for column in stride(from: first, to: rowLength, by: 4) {
          pendingBridges.append((next, column))
          next += 1
        }
      }
      previousRow = row
    }
    return _make(next, e)
  }

  /// The 156-qubit heavy-hex layout of IBM Heron r2 processors (8 rows of 16, 176 couplers).
  public static var ibmHeronR2: CouplingMap { heavyHex(rows: 8, rowLength: 16) }
}
