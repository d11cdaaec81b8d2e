import Numerics

extension DensityMatrix {
  /// The diagonal of ρ: probability of each basis state (index bit q = qubit q).
  public var probabilities: [Double] {
    let d = dimension, n = qubitCount
    return (0..<d).map { _vec.re[$0 | ($0 << n)] }
  }

  /// Marginal distribution over `qubits`: entry index bit k is the value of `qubits[k]`.
  public func marginal(_ qubits: [Int]) -> [Double] {
    precondition(qubits.allSatisfy { $0 >= 0 && $0 < qubitCount }, "marginal qubit out of range")
    var out = [Double](repeating: 0, count: 1 << qubits.count)
    let n = qubitCount
    for i in 0..<dimension {
      var j = 0
      for (k, q) in qubits.enumerated() where (i >> q) & 1 == 1 { j |= 1 << k }
      out[j] += _vec.re[i | (i << n)]
    }
    return out
  }

  /// Tr ρ (1 for a valid state; noise channels preserve it to rounding).
  public var trace: Double { probabilities.reduce(0, +) }

  /// Tr ρ² = Σ |ρ_ij|², between 1/2^n (maximally mixed) and 1 (pure).
  public func purity() -> Double {
    var s = 0.0
    for i in 0..<_vec.dimension { s += _vec.re[i] * _vec.re[i] + _vec.im[i] * _vec.im[i] }
    return s
  }

  /// Tr(ρ σ) between two states of the same size (the fidelity when one of them is pure).
  ///
  /// For Hermitian ρ, σ: Tr(ρσ) = Σ_ij ρ_ij conj(σ_ij), real.
  public func overlap(_ other: DensityMatrix) -> Double {
    precondition(qubitCount == other.qubitCount, "overlap of density matrices on \(qubitCount) and \(other.qubitCount) qubits")
    var s = 0.0
    for i in 0..<_vec.dimension { s += _vec.re[i] * other._vec.re[i] + _vec.im[i] * other._vec.im[i] }
    return s
  }

  /// <ψ|ρ|ψ> for a pure state ψ of the same size.
  public func fidelity(_ state: StateVector) -> Double {
    precondition(qubitCount == state.qubitCount, "fidelity against a state of another size")
    let d = dimension, n = qubitCount
    var sr = 0.0
    for c in 0..<d {
      // (ρ ψ)_r summed against conj(ψ_r): Σ_r Σ_c conj(ψ_r) ρ_rc ψ_c
      let pr = state.re[c], pi = state.im[c]
      for r in 0..<d {
        let i = r | (c << n)
        let ar = _vec.re[i] * pr - _vec.im[i] * pi, ai = _vec.re[i] * pi + _vec.im[i] * pr
        sr += state.re[r] * ar + state.im[r] * ai
      }
    }
    return sr
  }

  /// Tr(ρ P) for a Pauli string such as "ZIXY"; as for `StateVector`, the rightmost character
  /// acts on qubit 0. Characters: I, X, Y, Z.
  /// - Throws: `SimulationError.invalidRequest` on a wrong length or character.
  public func expectation(pauli: String) throws -> Double {
    let masks = try PauliString(pauli, qubits: qubitCount)
    let xMask = masks.xMask, zMask = masks.zMask, yCount = masks.yCount
    // P|j> = i^y (-1)^{popcount(j & z)} |j ^ x>, so Tr(Pρ) = Σ_j i^y (-1)^{...} ρ[j, j ^ x].
    let n = qubitCount
    var sr = 0.0, si = 0.0
    for j in 0..<dimension {
      let idx = j | ((j ^ xMask) << n)
      let sign: Double = (j & zMask).nonzeroBitCount & 1 == 0 ? 1 : -1
      sr += sign * _vec.re[idx]
      si += sign * _vec.im[idx]
    }
    switch yCount & 3 {
    case 0: return sr
    case 1: return -si
    case 2: return -sr
    default: return si
    }
  }

  /// Seeded shot sampling from the diagonal, as counts per basis index.
  public func sample(shots: Int, seed: UInt64) -> [Int: Int] {
    sampleDistribution(probabilities.map { max(0, $0) }, shots: shots, seed: seed)
  }
}

extension DensityMatrix {
  /// The reduced state of `qubits` (partial trace over the others); qubit `qubits[k]` becomes
  /// qubit k of the result. Used for projected kernels and single-qubit Bloch vectors.
  /// - Complexity: O(4^n).
  public func reduced(keeping qubits: [Int]) -> DensityMatrix {
    precondition(qubits.allSatisfy { $0 >= 0 && $0 < qubitCount }, "reduced: qubit out of range")
    precondition(Set(qubits).count == qubits.count, "reduced: repeated qubit in \(qubits)")
    let k = qubits.count, dk = 1 << k, n = qubitCount
    var keptMask = 0
    for q in qubits { keptMask |= 1 << q }
    // Spread a k-bit index onto the kept qubits' positions.
    func spread(_ j: Int) -> Int {
      var i = 0
      for (b, q) in qubits.enumerated() where (j >> b) & 1 == 1 { i |= 1 << q }
      return i
    }
    let rest = (0..<(1 << n)).filter { $0 & keptMask == 0 }
    var out = [Complex<Double>](repeating: .zero, count: dk * dk)
    for r in 0..<dk {
      let rs = spread(r)
      for c in 0..<dk {
        let cs = spread(c)
        var sr = 0.0, si = 0.0
        for e in rest {
          let idx = (rs | e) | ((cs | e) << n)
          sr += _vec.re[idx]
          si += _vec.im[idx]
        }
        out[r * dk + c] = Complex(sr, si)
      }
    }
    return DensityMatrix(entries: out)
  }
}
