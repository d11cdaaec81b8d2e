import Foundation
import QuantumSim

/// Amplitude encoding as a real state-preparation circuit (Möttönen et al. 2004,
/// "Transformation of quantum states using uniformly controlled rotations"), not a magic load.
///
/// The input (length d, zero-padded to 2^n with n = max(1, ⌈log2 d⌉)) is normalised, then
/// loaded top-down: qubit n−1 by one ry, qubit q by an ry uniformly controlled on qubits
/// q+1 ... n−1, built as 2^k ry rotations interleaved with 2^k cx in Gray-code order
/// (k = n−1−q controls). Real inputs need only ry: signs are carried by the last level's
/// angles 2·atan2(a_{2j+1}, a_{2j}). The prepared state equals x/|x| exactly (no global phase).
/// Cost: 2^n − 1 ry and 2^n − 2 cx. The circuit's symbols are the 2^n − 1 rotation angles,
/// computed from x per input. A zero vector is rejected.
public struct AmplitudeEncoding: Encoding {
  /// An amplitude encoding.
  public init() {}

  public var name: String { "amplitude" }
  public var describe: String { "amplitude encoding (Möttönen state preparation, uniformly controlled ry)" }
  public func qubits(features: Int) -> Int {
    var n = 1
    while (1 << n) < features { n += 1 }
    return n
  }

  public func circuit(features d: Int) throws -> EncodedCircuit {
    guard d >= 1 else { throw ModelError.invalidHyperparameter("amplitude encoding needs at least one feature") }
    let n = qubits(features: d)
    var c = Circuit(qubits: n)
    for t in 0..<((1 << n) - 1) { _ = c.symbol("t\(t)") }
    var symbol = 0
    for q in stride(from: n - 1, through: 0, by: -1) {
      let k = n - 1 - q, count = 1 << k
      for i in 0..<count {
        c.append(.ry, q, parameters: [.symbol(symbol)])
        symbol += 1
        if k > 0 {
          let changed = gray(i) ^ gray((i + 1) % count)
          c.append(.cx, q + 1 + changed.trailingZeroBitCount, q)
        }
      }
    }
    return EncodedCircuit(circuit: c, featureCount: d) { x in try Self.angles(x, qubits: n) }
  }

  /// The 2^n − 1 rotation angles (in circuit order) that load x.
  static func angles(_ x: [Double], qubits n: Int) throws -> [Double] {
    let dim = 1 << n
    var a = x + [Double](repeating: 0, count: dim - x.count)
    let norm = a.reduce(0) { $0 + $1 * $1 }.squareRoot()
    guard norm > 0 else { throw ModelError.invalidData("amplitude encoding cannot load the zero vector") }
    for i in a.indices { a[i] /= norm }
    var out: [Double] = []
    out.reserveCapacity(dim - 1)
    for q in stride(from: n - 1, through: 0, by: -1) {
      let k = n - 1 - q, count = 1 << k, half = 1 << q
      var alpha = [Double](repeating: 0, count: count)
      for j in 0..<count {
        let base = j << (q + 1)
        if q == 0 {
          alpha[j] = 2 * atan2(a[base + 1], a[base])
        } else {
          var n0 = 0.0, n1 = 0.0
          for t in 0..<half {
            n0 += a[base + t] * a[base + t]
            n1 += a[base + half + t] * a[base + half + t]
          }
          alpha[j] = 2 * atan2(n1.squareRoot(), n0.squareRoot())
        }
      }
      // θ_i = 2^-k Σ_j (−1)^{popcount(j & g_i)} α_j  (inverse of the Gray-code sign matrix)
      for i in 0..<count {
        let g = gray(i)
        var s = 0.0
        for j in 0..<count { s += ((j & g).nonzeroBitCount & 1 == 0) ? alpha[j] : -alpha[j] }
        out.append(s / Double(count))
      }
    }
    return out
  }
}

@inline(__always) private func gray(_ i: Int) -> Int { i ^ (i >> 1) }
