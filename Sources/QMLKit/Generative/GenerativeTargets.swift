import Foundation

/// The exact target distributions of generative claims, enumerated over all bitstrings.
public enum GenerativeTarget: Sendable, Equatable {
  /// Bars and stripes on a rows x cols grid (pixel (r, c) is bit r·cols + c): uniform over the
  /// 2^rows + 2^cols − 2 distinct patterns whose rows are each all-on or all-off (stripes) or
  /// whose columns are (bars); the empty and the full grid are counted once.
  case barsAndStripes(rows: Int, cols: Int)
  /// Uniform over the C(n, k) bitstrings of n bits with Hamming weight k.
  case cardinality(n: Int, k: Int)
  /// The Boltzmann distribution p(x) ∝ exp(−E(s)/T) of an open Ising chain of n spins,
  /// s_i = 1 − 2 x_i (bit 0 is spin up), E(s) = −J Σ_{i<n−1} s_i s_{i+1} − h Σ_i s_i.
  case isingChain(n: Int, coupling: Double, field: Double, temperature: Double)

  /// The number of bits.
  public var bitCount: Int {
    switch self {
    case .barsAndStripes(let r, let c): return r * c
    case .cardinality(let n, _): return n
    case .isingChain(let n, _, _, _): return n
    }
  }

  /// The largest number of bits a target may have (enumeration and the QCBM's simulation).
  public static let maximumBits = 12

  /// The exact distribution.
  /// - Throws: `ModelError.invalidHyperparameter` for sizes out of range (1 to 12 bits, k in
  ///   0...n, a positive finite temperature, finite couplings).
  public func distribution() throws -> DiscreteDistribution {
    let n = bitCount
    guard n >= 1 && n <= Self.maximumBits else {
      throw ModelError.invalidHyperparameter("a target needs 1 to \(Self.maximumBits) bits, got \(n)")
    }
    switch self {
    case .barsAndStripes(let rows, let cols):
      guard rows >= 1 && cols >= 1 else { throw ModelError.invalidHyperparameter("bars and stripes needs rows and cols >= 1") }
      var patterns = Set<Int>()
      for mask in 0..<(1 << rows) {  // stripes: each row all on or all off
        var x = 0
        for r in 0..<rows where bit(mask, r) == 1 { for c in 0..<cols { x |= 1 << (r * cols + c) } }
        patterns.insert(x)
      }
      for mask in 0..<(1 << cols) {  // bars: each column all on or all off
        var x = 0
        for c in 0..<cols where bit(mask, c) == 1 { for r in 0..<rows { x |= 1 << (r * cols + c) } }
        patterns.insert(x)
      }
      return try .uniform(bitCount: n, over: patterns.sorted())
    case .cardinality(_, let k):
      guard k >= 0 && k <= n else { throw ModelError.invalidHyperparameter("cardinality k must be in 0...\(n), got \(k)") }
      return try .uniform(bitCount: n, over: (0..<(1 << n)).filter { $0.nonzeroBitCount == k })
    case .isingChain(_, let J, let h, let T):
      guard J.isFinite && h.isFinite else { throw ModelError.invalidHyperparameter("Ising couplings must be finite") }
      guard T.isFinite && T > 0 else { throw ModelError.invalidHyperparameter("temperature must be positive, got \(T)") }
      let energies = (0..<(1 << n)).map { Self.isingEnergy($0, n: n, coupling: J, field: h) }
      let e0 = energies.min() ?? 0  // shift by the ground energy so exp never overflows
      return try DiscreteDistribution(bitCount: n, weights: energies.map { exp(-($0 - e0) / T) })
    }
  }

  /// E(s) of the open chain for bitstring `x` (see `isingChain`).
  public static func isingEnergy(_ x: Int, n: Int, coupling J: Double, field h: Double) -> Double {
    func spin(_ i: Int) -> Double { bit(x, i) == 0 ? 1 : -1 }
    var e = 0.0
    for i in 0..<n {
      e -= h * spin(i)
      if i + 1 < n { e -= J * spin(i) * spin(i + 1) }
    }
    return e
  }
}
