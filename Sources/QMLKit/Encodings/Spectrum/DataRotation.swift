/// One data-dependent rotation of an encoding circuit: the gate rotates by `coefficient · φ(x)`
/// about a Pauli generator (rx, ry, rz, rzz, or p after a cx ladder), so its two generator
/// eigenvalues ±1/2 differ by 1 and it adds −coefficient, 0 or +coefficient to a frequency over φ.
public struct DataRotation: Sendable, Hashable {
  /// The data function φ the angle is proportional to.
  public var function: DataFunction
  /// The constant: angle = coefficient · φ(x).
  public var coefficient: Double

  /// A rotation by `coefficient · function(x)`.
  public init(_ function: DataFunction, coefficient: Double) {
    self.function = function
    self.coefficient = coefficient
  }
}
