/// Which qubit tuples an entangling block acts on, with Qiskit's orderings.
public enum Entanglement: String, Sendable, Codable, CaseIterable {
  /// (0,1,..), (1,2,..), ...: consecutive tuples.
  case linear
  /// Linear plus the wrap-around tuples, placed FIRST as Qiskit does: for blocks of 2 on 4
  /// qubits (3,0), (0,1), (1,2), (2,3). Equal to linear when there is no room to wrap.
  case circular
  /// Every combination in lexicographic order (itertools.combinations).
  case full

  /// The tuples of `size` qubits among `qubits`, in Qiskit's order (`get_entangler_map`).
  public func tuples(qubits n: Int, size m: Int) -> [[Int]] {
    guard m >= 1, m <= n else { return [] }
    let linear = (0...(n - m)).map { i in Array(i..<(i + m)) }
    switch self {
    case .linear: return linear
    case .circular:
      guard m > 1, n > m else { return linear }
      let wrap = ((n - m + 1)..<n).map { i in (0..<m).map { (i + $0) % n } }
      return wrap + linear
    case .full:
      var out: [[Int]] = []
      var idx = Array(0..<m)
      while true {
        out.append(idx)
        var k = m - 1
        while k >= 0 && idx[k] == n - m + k { k -= 1 }
        if k < 0 { break }
        idx[k] += 1
        for t in (k + 1)..<m { idx[t] = idx[t - 1] + 1 }
      }
      return out
    }
  }
}
