/// Readout-error mitigation: each measured qubit's 2x2 assignment matrix inverted and applied in
/// turn (the tensored inverse, exact inverse of `NoiseModel.applyReadout`), then the closest
/// probability distribution (Euclidean projection onto the simplex) where shot noise leaves
/// negative entries.
public enum ReadoutMitigation {
  /// The mitigated distribution of `probabilities` over `qubits` (index bit k = qubit `qubits[k]`)
  /// under `noise`'s readout errors.
  /// - Throws: `NoiseError` when a qubit's assignment matrix is singular (p(1|0) + p(0|1) = 1)
  ///   or when the distribution's length is not 2^qubits.
  public static func mitigate(_ probabilities: [Double], qubits: [Int], noise: NoiseModel) throws -> [Double] {
    guard probabilities.count == 1 << qubits.count else {
      throw NoiseError(
        key: "readout", reason: "\(probabilities.count) probabilities for \(qubits.count) qubit(s); expected \(1 << qubits.count)")
    }
    var out = probabilities
    for (k, q) in qubits.enumerated() {
      guard let e = noise.readoutError(on: q), !e.isZero else { continue }
      let a = e.p1Given0, b = e.p0Given1, det = 1 - a - b
      guard det > 1e-12 else {
        throw NoiseError(key: "readout", reason: "qubit \(q)'s assignment matrix is singular (p(1|0) + p(0|1) = 1)")
      }
      let bit = 1 << k
      for i0 in 0..<out.count where i0 & bit == 0 {
        let x = out[i0], y = out[i0 | bit]
        out[i0] = ((1 - b) * x - b * y) / det
        out[i0 | bit] = (-a * x + (1 - a) * y) / det
      }
    }
    return projectedOntoSimplex(out)
  }

  /// The probability distribution closest to `v` in Euclidean distance (Duchi et al. 2008):
  /// v itself when it already is one (up to rounding).
  public static func projectedOntoSimplex(_ v: [Double]) -> [Double] {
    if v.allSatisfy({ $0 >= 0 }) {
      let s = v.reduce(0.0) { $0 + $1 }
      if abs(s - 1) < 1e-12 || s == 0 { return v }
    }
    let u = v.sorted(by: >)
    var cumulative = 0.0, theta = 0.0
    for (j, x) in u.enumerated() {
      cumulative += x
      let t = (cumulative - 1) / Double(j + 1)
      if x - t > 0 { theta = t }
    }
    return v.map { max($0 - theta, 0) }
  }
}
