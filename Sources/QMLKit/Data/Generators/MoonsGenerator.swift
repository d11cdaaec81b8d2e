import Foundation
import QuantumSim

/// Two interleaving half circles, scikit-learn's `make_moons`: class 0 (⌊n/2⌋ points) on
/// (cos t, sin t), class 1 on (1 − cos t, 1 − sin t − 0.5), t evenly spaced on [0, π]
/// (endpoints included), plus N(0, noise²) per coordinate.
///
/// Parameters: `noise` (≥ 0, default 0.1; scikit-learn's default is 0).
enum MoonsGenerator {
  static func make(samples n: Int, _ p: _GeneratorParameters, _ rng: inout SeededGenerator) throws(DataError)
    -> (x: [[Double]], y: [Int], names: [String]?)
  {
    let noise = try p.real("noise", in: 0...100)
    let nOut = n / 2, nIn = n - nOut
    func grid(_ k: Int) -> [Double] { k == 1 ? [0] : (0..<k).map { Double.pi * Double($0) / Double(k - 1) } }
    var x: [[Double]] = grid(nOut).map { [cos($0), sin($0)] } + grid(nIn).map { [1 - cos($0), 1 - sin($0) - 0.5] }
    let y = [Int](repeating: 0, count: nOut) + [Int](repeating: 1, count: nIn)
    if noise > 0 { for i in x.indices { for j in 0..<2 { x[i][j] += noise * rng.nextGaussian() } } }
    return (x, y, nil)
  }
}

/// Two concentric circles, scikit-learn's `make_circles`: class 0 (⌊n/2⌋ points) on the
/// unit circle, class 1 on the circle of radius `factor`, angles evenly spaced on
/// [0, 2π) (endpoint excluded), plus N(0, noise²) per coordinate.
///
/// Parameters: `noise` (≥ 0, default 0.05), `factor` (in (0, 1), default 0.5;
/// scikit-learn's defaults are 0 and 0.8).
enum CirclesGenerator {
  static func make(samples n: Int, _ p: _GeneratorParameters, _ rng: inout SeededGenerator) throws(DataError)
    -> (x: [[Double]], y: [Int], names: [String]?)
  {
    let noise = try p.real("noise", in: 0...100)
    let factor = try p.real("factor", in: 0...1)
    guard factor > 0 && factor < 1 else { throw p.error("factor", "must lie strictly between 0 and 1, got \(factor)") }
    let nOut = n / 2, nIn = n - nOut
    func angles(_ k: Int) -> [Double] { (0..<k).map { 2 * Double.pi * Double($0) / Double(k) } }
    var x: [[Double]] = angles(nOut).map { [cos($0), sin($0)] } + angles(nIn).map { [factor * cos($0), factor * sin($0)] }
    let y = [Int](repeating: 0, count: nOut) + [Int](repeating: 1, count: nIn)
    if noise > 0 { for i in x.indices { for j in 0..<2 { x[i][j] += noise * rng.nextGaussian() } } }
    return (x, y, nil)
  }
}

/// XOR / parity: x uniform in [−1, 1]^d, label = parity of the number of positive
/// coordinates (d = 2 is XOR of the quadrant signs), then N(0, noise²) added to each
/// coordinate (labels are fixed before the noise). Balanced by rejection.
///
/// Parameters: `features` d (1...30, default 2), `noise` (≥ 0, default 0.1).
enum XORGenerator {
  static func make(samples n: Int, _ p: _GeneratorParameters, _ rng: inout SeededGenerator) throws(DataError)
    -> (x: [[Double]], y: [Int], names: [String]?)
  {
    let d = try p.integer("features", in: 1...30)
    let noise = try p.real("noise", in: 0...100)
    let r = try _balancedRejection(samples: n, maxTries: 100 * n + 1000, p) {
      var x = (0..<d).map { _ in 2 * rng.nextUnit() - 1 }
      let y = x.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } % 2
      if noise > 0 { for j in 0..<d { x[j] += noise * rng.nextGaussian() } }
      return (x, y)
    }
    return (r.x, r.y, nil)
  }
}
