import QuantumSim

/// The circle problem of Pérez-Salinas et al. (2020, "Data re-uploading for a universal quantum
/// classifier", Quantum 4, 226, section 6): x uniform in [−1, 1]², label 1 inside the circle of
/// radius r around the origin, 0 outside. The paper's r = √(2/π) gives both classes area 2.
/// Balanced by rejection.
///
/// Parameters: `radius` r ((0, 1.4], default √(2/π) ≈ 0.798).
enum CircleGenerator {
  static let defaultRadius = (2 / Double.pi).squareRoot()

  static func make(samples n: Int, _ p: _GeneratorParameters, _ rng: inout SeededGenerator) throws(DataError)
    -> (x: [[Double]], y: [Int], names: [String]?)
  {
    let radius = try p.real("radius", in: 0...1.4)
    guard radius > 0 else { throw p.error("radius", "must be positive, got \(radius)") }
    let r = try _balancedRejection(samples: n, maxTries: 200 * n + 1000, p) {
      let x = [2 * rng.nextUnit() - 1, 2 * rng.nextUnit() - 1]
      return (x, x[0] * x[0] + x[1] * x[1] < radius * radius ? 1 : 0)
    }
    return (r.x, r.y, nil)
  }
}
