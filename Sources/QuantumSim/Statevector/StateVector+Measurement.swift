import Numerics

extension StateVector {
  /// Probability of each basis state (index bit q = qubit q).
  public var probabilities: [Double] {
    (0..<dimension).map { re[$0] * re[$0] + im[$0] * im[$0] }
  }

  /// Marginal distribution over `qubits`: entry index bit k is the value of `qubits[k]`.
  public func marginal(_ qubits: [Int]) -> [Double] {
    precondition(qubits.allSatisfy { $0 >= 0 && $0 < qubitCount }, "marginal qubit out of range")
    var out = [Double](repeating: 0, count: 1 << qubits.count)
    for i in 0..<dimension {
      var j = 0
      for (k, q) in qubits.enumerated() where (i >> q) & 1 == 1 { j |= 1 << k }
      out[j] += re[i] * re[i] + im[i] * im[i]
    }
    return out
  }

  /// Expectation value of a Pauli string such as "ZIZI"; as in Qiskit, the
  /// rightmost character acts on qubit 0. Characters: I, X, Y, Z.
  public func expectation(pauli: String) throws -> Double {
    let masks = try PauliString(pauli, qubits: qubitCount)
    let xMask = masks.xMask, zMask = masks.zMask, yCount = masks.yCount
    // P|i> = i^yCount * (-1)^{popcount(i & zMask)} |i ^ xMask>  (Y = i X Z)
    var sr = 0.0, si = 0.0
    for i in 0..<dimension {
      let j = i ^ xMask
      let sign: Double = (i & zMask).nonzeroBitCount & 1 == 0 ? 1 : -1
      // <psi|P|psi> = sum_i conj(psi[j]) * phase * psi[i]
      let ar = re[j], ai = -im[j]
      sr += sign * (ar * re[i] - ai * im[i])
      si += sign * (ar * im[i] + ai * re[i])
    }
    // multiply by i^yCount
    switch yCount & 3 {
    case 0: return sr
    case 1: return -si
    case 2: return -sr
    default: return si
    }
  }

  /// Expectation of Z on one qubit: P(0) - P(1).
  public func expectationZ(_ qubit: Int) -> Double {
    let bit = 1 << qubit
    var s = 0.0
    for i in 0..<dimension {
      let p = re[i] * re[i] + im[i] * im[i]
      s += (i & bit) == 0 ? p : -p
    }
    return s
  }

  /// Seeded shot sampling: `shots` draws from the probabilities, returned as counts per basis index.
  public func sample(shots: Int, seed: UInt64) -> [Int: Int] {
    sampleDistribution(probabilities, shots: shots, seed: seed)
  }
}

/// Draws `shots` samples from a discrete distribution (seeded), as counts per outcome index.
/// Uses the cumulative distribution and sorted uniforms: O(d + shots log shots).
public func sampleDistribution(_ probs: [Double], shots: Int, seed: UInt64) -> [Int: Int] {
  precondition(shots >= 0, "shots must not be negative")
  var rng = SeededGenerator(seed: seed)
  let total: Double = probs.reduce(0.0) { $0 + $1 }
  var u = (0..<shots).map { _ in rng.nextUnit() * total }
  u.sort()
  var counts: [Int: Int] = [:]
  var cum = 0.0, k = 0
  for (i, p) in probs.enumerated() {
    cum += p
    var c = 0
    while k < u.count && (u[k] < cum || i == probs.count - 1) { c += 1; k += 1 }
    if c > 0 { counts[i] = c }
  }
  return counts
}

/// Renders a basis index as a bit string of `width` bits with bit 0 rightmost (as Qiskit prints counts).
public func bitString(_ index: Int, width: Int) -> String {
  String((0..<width).reversed().map { (index >> $0) & 1 == 1 ? "1" : "0" })
}
