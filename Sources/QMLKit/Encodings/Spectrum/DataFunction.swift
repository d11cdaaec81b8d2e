import Foundation

/// A function of the input that an encoding feeds, times a constant, into a Pauli rotation:
/// the variable φ(x) in which the encoded state is a trigonometric polynomial.
public enum DataFunction: Sendable, Hashable, CustomStringConvertible {
  /// x_i (angle, z, the one-qubit terms of zz/pauli, the rz layer of iqp): linear.
  case feature(Int)
  /// Π_k (π − x_k) over the indices (the multi-qubit terms of zz/pauli): not linear.
  case shiftedProduct([Int])
  /// Π_k x_k over the indices (the rzz terms of iqp): not linear.
  case product([Int])

  /// φ(x).
  public func value(_ x: [Double]) -> Double {
    switch self {
    case .feature(let i): return x[i]
    case .shiftedProduct(let idx): return idx.reduce(1.0) { $0 * (Double.pi - x[$1]) }
    case .product(let idx): return idx.reduce(1.0) { $0 * x[$1] }
    }
  }

  /// True when φ is linear in x (then frequencies over φ are frequencies over x).
  public var isLinear: Bool { if case .feature = self { return true } else { return false } }

  /// As a formula: `x1`, `(π−x0)(π−x1)`, `x0·x1`.
  public var description: String {
    switch self {
    case .feature(let i): return "x\(i)"
    case .shiftedProduct(let idx): return idx.map { "(π−x\($0))" }.joined()
    case .product(let idx): return idx.map { "x\($0)" }.joined(separator: "·")
    }
  }
}
