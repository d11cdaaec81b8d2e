import Numerics
import Foundation

/// A 2x2 complex matrix stored inline (no heap allocation), row-major.
public struct Matrix2: Sendable, Hashable {
  public var m00, m01, m10, m11: Complex<Double>

  /// Creates the matrix [[m00, m01], [m10, m11]].
  @inlinable
  public init(_ m00: Complex<Double>, _ m01: Complex<Double>, _ m10: Complex<Double>, _ m11: Complex<Double>) {
    self.m00 = m00; self.m01 = m01; self.m10 = m10; self.m11 = m11
  }

  /// The identity.
  public static let identity = Matrix2(.one, .zero, .zero, .one)

  /// Row-major entries.
  public var flat: [Complex<Double>] { [m00, m01, m10, m11] }

  /// Matrix product self * other.
  @inlinable
  public static func * (a: Matrix2, b: Matrix2) -> Matrix2 {
    Matrix2(
      a.m00 * b.m00 + a.m01 * b.m10, a.m00 * b.m01 + a.m01 * b.m11,
      a.m10 * b.m00 + a.m11 * b.m10, a.m10 * b.m01 + a.m11 * b.m11)
  }

  /// The conjugate transpose.
  public var adjoint: Matrix2 { Matrix2(m00.conjugate, m10.conjugate, m01.conjugate, m11.conjugate) }

  /// True when the off-diagonal entries are exactly zero.
  public var isDiagonal: Bool { m01 == .zero && m10 == .zero }
}

/// A 4x4 complex matrix stored inline, row-major, basis |q1 q0> with q0 least significant.
public struct Matrix4: Sendable {
  public var e: InlineArray<16, Complex<Double>>

  /// The zero matrix.
  public init() { e = InlineArray(repeating: .zero) }

  /// From 16 row-major entries.
  public init(_ entries: [Complex<Double>]) {
    precondition(entries.count == 16, "a 4x4 matrix needs 16 entries")
    e = InlineArray(repeating: .zero)
    for i in 0..<16 { e[i] = entries[i] }
  }

  /// Entry at row r, column c.
  @inlinable
  public subscript(r: Int, c: Int) -> Complex<Double> {
    get { e[r &* 4 &+ c] }
    set { e[r &* 4 &+ c] = newValue }
  }

  /// Row-major entries.
  public var flat: [Complex<Double>] { (0..<16).map { e[$0] } }
}

/// Up to four evaluated gate angles, stored inline so applying a gate allocates nothing.
public typealias GateParameters = InlineArray<4, Double>

/// Evaluated angles from an array (missing entries are zero).
public func gateParameters(_ values: [Double]) -> GateParameters {
  var p = GateParameters(repeating: 0)
  for (i, v) in values.prefix(4).enumerated() { p[i] = v }
  return p
}

/// Numeric matrices of the named gates, following Qiskit's definitions.
public enum GateMatrices {
  @inlinable static func phase(_ a: Double) -> Complex<Double> { Complex(cos(a), sin(a)) }

  /// The 2x2 matrix of a single-qubit gate, or of the target block of a controlled gate.
  public static func single(_ kind: GateKind, _ p: GateParameters, matrix: [Complex<Double>]? = nil) -> Matrix2 {
    let i = Complex<Double>.i
    switch kind {
    case .id: return .identity
    case .x, .cx, .ccx: return Matrix2(.zero, .one, .one, .zero)
    case .y, .cy: return Matrix2(.zero, -i, i, .zero)
    case .z, .cz: return Matrix2(.one, .zero, .zero, -.one)
    case .h, .ch:
      let r = Complex(1 / 2.0.squareRoot(), 0)
      return Matrix2(r, r, r, -r)
    case .s: return Matrix2(.one, .zero, .zero, i)
    case .sdg: return Matrix2(.one, .zero, .zero, -i)
    case .t: return Matrix2(.one, .zero, .zero, phase(.pi / 4))
    case .tdg: return Matrix2(.one, .zero, .zero, phase(-.pi / 4))
    case .sx:
      let a = Complex(0.5, 0.5), b = Complex(0.5, -0.5)
      return Matrix2(a, b, b, a)
    case .sxdg:
      let a = Complex(0.5, -0.5), b = Complex(0.5, 0.5)
      return Matrix2(a, b, b, a)
    case .rx, .crx:
      let c = Complex(cos(p[0] / 2), 0), s = Complex(0, -sin(p[0] / 2))
      return Matrix2(c, s, s, c)
    case .ry, .cry:
      let c = Complex(cos(p[0] / 2), 0), s = Complex(sin(p[0] / 2), 0)
      return Matrix2(c, -s, s, c)
    case .rz, .crz: return Matrix2(phase(-p[0] / 2), .zero, .zero, phase(p[0] / 2))
    case .p, .cp: return Matrix2(.one, .zero, .zero, phase(p[0]))
    case .u, .cu:
      let c = Complex(cos(p[0] / 2), 0), s = Complex(sin(p[0] / 2), 0)
      var m = Matrix2(c, -phase(p[2]) * s, phase(p[1]) * s, phase(p[1] + p[2]) * c)
      if kind == .cu {  // cu's fourth parameter is a phase on the controlled block
        let g = phase(p[3])
        m = Matrix2(g * m.m00, g * m.m01, g * m.m10, g * m.m11)
      }
      return m
    case .prx:
      let c = Complex(cos(p[0] / 2), 0), s = Complex(0, -sin(p[0] / 2))
      return Matrix2(c, s * phase(-p[1]), s * phase(p[1]), c)
    case .gpi:
      return Matrix2(.zero, phase(-p[0]), phase(p[0]), .zero)
    case .gpi2:
      let r = 1 / 2.0.squareRoot()
      return Matrix2(Complex(r, 0), Complex(0, -r) * phase(-p[0]), Complex(0, -r) * phase(p[0]), Complex(r, 0))
    case .unitary1:
      let m = matrix!
      return Matrix2(m[0], m[1], m[2], m[3])
    case .swap, .iswap, .rxx, .ryy, .rzz, .cswap, .unitary2:
      preconditionFailure("\(kind) is not a single-qubit or controlled single-qubit gate")
    }
  }

  /// The 4x4 matrix of a two-qubit gate that is not a controlled single-qubit gate.
  public static func dense2(_ kind: GateKind, _ p: GateParameters, matrix: [Complex<Double>]? = nil) -> Matrix4 {
    var m = Matrix4()
    let i = Complex<Double>.i
    switch kind {
    case .swap:
      m[0, 0] = .one; m[1, 2] = .one; m[2, 1] = .one; m[3, 3] = .one
    case .iswap:
      m[0, 0] = .one; m[1, 2] = i; m[2, 1] = i; m[3, 3] = .one
    case .rxx:
      let c = Complex(cos(p[0] / 2), 0), s = Complex(0, -sin(p[0] / 2))
      for k in 0..<4 { m[k, k] = c; m[k, 3 - k] = s }
    case .ryy:
      let c = Complex(cos(p[0] / 2), 0), s = Complex(0, sin(p[0] / 2))
      for k in 0..<4 { m[k, k] = c }
      m[0, 3] = s; m[3, 0] = s; m[1, 2] = -s; m[2, 1] = -s
    case .rzz:
      let a = phase(-p[0] / 2), b = phase(p[0] / 2)
      m[0, 0] = a; m[1, 1] = b; m[2, 2] = b; m[3, 3] = a
    case .unitary2:
      m = Matrix4(matrix!)
    default:
      // Controlled single-qubit gate on [control, target]: control is qubit bit 0.
      let u = single(kind, p, matrix: matrix)
      m[0, 0] = .one; m[2, 2] = .one
      m[1, 1] = u.m00; m[1, 3] = u.m01; m[3, 1] = u.m10; m[3, 3] = u.m11
    }
    return m
  }

  /// The full unitary of any gate on its own qubits (2^arity square, row-major), for tests and noise.
  public static func full(_ gate: Gate, _ values: [Double]) -> [Complex<Double>] {
    let p = gateParameters(values)
    switch gate.kind.arity {
    case 1: return single(gate.kind, p, matrix: gate.matrix).flat
    case 2: return dense2(gate.kind, p, matrix: gate.matrix).flat
    default:
      // ccx / cswap on [c0, c1, t] (cswap: [c, a, b]); index bit k = qubit k in the list.
      var m = [Complex<Double>](repeating: .zero, count: 64)
      for col in 0..<8 {
        var row = col
        if gate.kind == .ccx, col & 3 == 3 { row = col ^ 4 }
        if gate.kind == .cswap, col & 1 == 1 {
          let a = (col >> 1) & 1, b = (col >> 2) & 1
          row = 1 | (b << 1) | (a << 2)
        }
        m[row * 8 + col] = .one
      }
      return m
    }
  }
}
