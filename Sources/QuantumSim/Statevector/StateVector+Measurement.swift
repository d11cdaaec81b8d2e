import Numerics

extension StateVector {
  /// Probability of each basis state (index bit q = qubit q).
  public var probabilities: [Double] {
    (0..<dimension).map { re[$0] * re[$0] + im[$0] * im[$0] }
  }

  /// Marginal distribution over `qubits`: entry index bit k is the value of `qubits[k]`.
  /// Read straight from the amplitudes (no probability array): entry j sums |a_i|^2 over the
  /// indices i whose bits `qubits` spell j, in ascending i.
  public func marginal(_ qubits: [Int]) -> [Double] {
    precondition(qubits.allSatisfy { $0 >= 0 && $0 < qubitCount }, "marginal qubit out of range")
    var out = [Double](repeating: 0, count: 1 << qubits.count)
    // The outcome of index i is lowTable[low bits of i] | highTable[high bits of i].
    let lowBits = Swift.min(qubitCount, 12)
    func table(_ first: Int, _ bits: Int) -> [Int] {
      (0..<(1 << bits)).map { v in
        var j = 0
        for (k, q) in qubits.enumerated() where q >= first && q < first + bits && (v >> (q - first)) & 1 == 1 { j |= 1 << k }
        return j
      }
    }
    let low = table(0, lowBits), high = table(lowBits, qubitCount - lowBits)
    re.withUnsafeBufferPointer { rb in
      im.withUnsafeBufferPointer { ib in
        out.withUnsafeMutableBufferPointer { ob in
          let r = rb.baseAddress!, m = ib.baseAddress!, o = ob.baseAddress!
          for h in 0..<high.count {
            let jh = high[h], base = h << lowBits
            for l in 0..<low.count {
              let i = base + l
              o[jh | low[l]] += r[i] * r[i] + m[i] * m[i]
            }
          }
        }
      }
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

  /// Seeded shot sampling: `shots` draws from the probabilities, returned as counts per basis
  /// index. Sampled from the amplitudes (`sampledOutcomes`), with no probability array.
  public func sample(shots: Int, seed: UInt64) -> [Int: Int] {
    var counts: [Int: Int] = [:]
    for o in sampledOutcomes(shots: shots, seed: seed) { counts[o.index] = o.count }
    return counts
  }
}

/// Draws `shots` samples from a discrete distribution (seeded), as counts per outcome index.
/// Uses the cumulative distribution and sorted uniforms: O(d + shots log shots).
public func sampleDistribution(_ probs: [Double], shots: Int, seed: UInt64) -> [Int: Int] {
  var counts: [Int: Int] = [:]
  probs.withUnsafeBufferPointer { p in
    for o in sortedUniformSample(count: p.count, shots: shots, seed: seed, { p[$0] }) { counts[o.index] = o.count }
  }
  return counts
}

/// Renders a basis index as a bit string of `width` bits with bit 0 rightmost (as Qiskit prints counts).
public func bitString(_ index: Int, width: Int) -> String {
  String((0..<width).reversed().map { (index >> $0) & 1 == 1 ? "1" : "0" })
}
