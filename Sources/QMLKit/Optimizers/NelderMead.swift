/// The Nelder–Mead simplex method (Nelder & Mead 1965), gradient-free, with the standard
/// coefficients (reflection 1, expansion 2, contraction 1/2, shrink 1/2) as in SciPy.
///
/// Each `step` performs one simplex iteration (one reflection and whatever follows); the
/// first call builds the initial simplex x0 + `initialStep`·e_i (p + 1 evaluations).
public struct NelderMead: Sendable {
  /// Size of the initial simplex along each axis.
  public var initialStep: Double
  private var simplex: [[Double]] = []
  private var values: [Double] = []

  /// Nelder–Mead with the given initial simplex size.
  public init(initialStep: Double = 0.5) { self.initialStep = initialStep }

  /// The best point and value so far (nil before the first step).
  public var best: (point: [Double], value: Double)? {
    guard let i = values.indices.min(by: { values[$0] < values[$1] }) else { return nil }
    return (simplex[i], values[i])
  }

  /// One iteration; on return `x` is the best vertex.
  public mutating func step(_ x: inout [Double], loss: ([Double]) throws -> Double) rethrows {
    let p = x.count
    guard p > 0 else { return }
    if simplex.isEmpty {
      simplex = [x]
      for i in 0..<p {
        var v = x
        v[i] += initialStep
        simplex.append(v)
      }
      values = try simplex.map(loss)
    }
    let order = values.indices.sorted { values[$0] < values[$1] }
    simplex = order.map { simplex[$0] }
    values = order.map { values[$0] }
    var centroid = [Double](repeating: 0, count: p)
    for v in simplex.dropLast() { for i in 0..<p { centroid[i] += v[i] / Double(p) } }
    let worst = simplex[p]
    func point(_ t: Double) -> [Double] { (0..<p).map { centroid[$0] + t * (worst[$0] - centroid[$0]) } }
    let reflected = point(-1)
    let fr = try loss(reflected)
    if fr < values[0] {
      let expanded = point(-2)
      let fe = try loss(expanded)
      if fe < fr { simplex[p] = expanded; values[p] = fe } else { simplex[p] = reflected; values[p] = fr }
    } else if fr < values[p - 1] {
      simplex[p] = reflected
      values[p] = fr
    } else {
      let outside = fr < values[p]
      let contracted = point(outside ? -0.5 : 0.5)
      let fc = try loss(contracted)
      if fc < (outside ? fr : values[p]) {
        simplex[p] = contracted
        values[p] = fc
      } else {
        for j in 1...p {
          simplex[j] = (0..<p).map { simplex[0][$0] + 0.5 * (simplex[j][$0] - simplex[0][$0]) }
          values[j] = try loss(simplex[j])
        }
      }
    }
    x = best!.point
  }
}
