import Foundation
import QuantumSim

// The synthetic families of Bowles, Ahmed & Schuld, "Better than classical? The subtle
// art of benchmarking quantum machine learning models" (arXiv:2403.07059, 2024), as
// defined in their qml-benchmarks repository (`data/*.py`). Our random streams differ
// from numpy's, so the data sets match in distribution, not sample by sample. Label −1
// is class 0, +1 class 1.

/// Linearly separable (`linearly_separable.py`): x uniform in [−1, 1]^d, kept when
/// |Σ_j x_j| > margin; label −1 if Σ x_j > 0 else +1. No rescaling. Balanced by
/// rejection (the original keeps the first n kept points, nearly balanced).
///
/// Parameters: `features` d (1...100, default 2), `margin` (≥ 0, default 0.04; the
/// paper uses 0.02·d).
enum LinearlySeparableGenerator {
  static func make(samples n: Int, _ p: _GeneratorParameters, _ rng: inout SeededGenerator) throws(DataError)
    -> (x: [[Double]], y: [Int], names: [String]?)
  {
    let d = try p.integer("features", in: 1...100)
    let margin = try p.real("margin", in: 0...Double(d))
    // |sum of d values in [-1, 1]| never exceeds d, so a margin of d leaves no point to draw.
    guard margin < Double(d) else { throw p.error("margin", "must be below features (\(d)), got \(margin)") }
    let r = try _balancedRejection(samples: n, maxTries: 1000 * n + 10_000, p) {
      let x: [Double] = (0..<d).map { _ in 2 * rng.nextUnit() - 1 }
      let s: Double = x.reduce(0.0, +)
      guard abs(s) > margin else { return nil }
      return (x, s > 0 ? 0 : 1)
    }
    return (r.x, r.y, nil)
  }
}

/// Hidden manifold model (`hidden_manifold.py`, after Goldt et al. 2020): latent
/// c ~ N(0, I_m), features x = tanh(c·F/√m − b) with F ~ N(0,1)^{m×d}, b ~ U(−1,1)^d;
/// labels from a random one-hidden-layer net on the latent point,
/// f(c) = vᵀ tanh(W c)/√m with W ~ N(0,1)^{m×m}, v ~ N(0,1)^m, and
/// y = −1 where f < median(f), +1 otherwise (exactly balanced for even n).
///
/// Parameters: `features` d (1...100, default 10), `manifold_dimension` m (1...100, default 6).
enum HiddenManifoldGenerator {
  static func make(samples n: Int, _ p: _GeneratorParameters, _ rng: inout SeededGenerator) throws(DataError)
    -> (x: [[Double]], y: [Int], names: [String]?)
  {
    let d = try p.integer("features", in: 1...100)
    let m = try p.integer("manifold_dimension", in: 1...100)
    let f = (0..<m).map { _ in (0..<d).map { _ in rng.nextGaussian() } }
    let b = (0..<d).map { _ in 2 * rng.nextUnit() - 1 }
    let w = (0..<m).map { _ in (0..<m).map { _ in rng.nextGaussian() } }
    let v = (0..<m).map { _ in rng.nextGaussian() }
    let sm = Double(m).squareRoot()
    var x: [[Double]] = []
    var score: [Double] = []
    for _ in 0..<n {
      let c = (0..<m).map { _ in rng.nextGaussian() }
      x.append((0..<d).map { j in
        var s = 0.0
        for k in 0..<m { s += c[k] * f[k][j] }
        return tanh(s / sm - b[j])
      })
      var out = 0.0
      for i in 0..<m {
        var h = 0.0
        for k in 0..<m { h += w[i][k] * c[k] }
        out += v[i] * tanh(h)
      }
      score.append(out / sm)
    }
    // Median split: the ⌊n/2⌋ lowest scores are class 0 (−1).
    let order = score.indices.sorted { score[$0] < score[$1] }
    var y = [Int](repeating: 1, count: n)
    for i in order.prefix(n / 2) { y[i] = 0 }
    return (x, y, nil)
  }
}

/// Two curves (`two_curves.py`): a random smooth curve in d dimensions,
/// g_i(t) = c_i00 + c_i01 + Σ_{k=1..D} (c_ik0 cos kπt + c_ik1 sin kπt) + N(0, σ²), with
/// c ~ U(0,1)^{d×(D+1)×2} divided by its Frobenius norm. Class −1: t ~ U[0,1); class +1:
/// the same curve at fresh t, shifted by `offset` in every coordinate. Then all columns
/// standardized.
///
/// Parameters: `features` d (1...100, default 10), `degree` D (0...100, default 5),
/// `offset` (default 0.1), `noise` σ (≥ 0, default 0.01).
enum TwoCurvesGenerator {
  static func make(samples n: Int, _ p: _GeneratorParameters, _ rng: inout SeededGenerator) throws(DataError)
    -> (x: [[Double]], y: [Int], names: [String]?)
  {
    let d = try p.integer("features", in: 1...100)
    let degree = try p.integer("degree", in: 0...100)
    let offset = try p.real("offset", in: -100...100)
    let noise = try p.real("noise", in: 0...100)
    var c = (0..<d).map { _ in (0...degree).map { _ in [rng.nextUnit(), rng.nextUnit()] } }
    var norm = 0.0
    for a in c { for b in a { norm += b[0] * b[0] + b[1] * b[1] } }
    norm = norm.squareRoot()
    for i in 0..<d { for k in 0...degree { c[i][k][0] /= norm; c[i][k][1] /= norm } }
    var x: [[Double]] = []
    var y: [Int] = []
    for s in 0..<n {
      let label = s < n / 2 ? 0 : 1
      let t = rng.nextUnit()
      x.append((0..<d).map { i in
        var g = c[i][0][0] + c[i][0][1]
        if degree >= 1 {
          for k in 1...degree {
            g += c[i][k][0] * cos(Double(k) * .pi * t) + c[i][k][1] * sin(Double(k) * .pi * t)
          }
        }
        return g + noise * rng.nextGaussian() + (label == 1 ? offset : 0)
      })
      y.append(label)
    }
    _standardizeColumns(&x)
    return (x, y, nil)
  }
}

/// Bars and stripes (`bars_and_stripes.py`): size × size images starting at −1; a stripes image
/// (label +1) sets each row to +1 with probability ½, a bars image (label −1) each column;
/// then N(0, σ²) noise per pixel. Exactly ⌊n/2⌋ bars images; features are the pixels in
/// row-major order, named `p<row>_<col>`. (The all −1 image, probability 2^−size, is
/// ambiguous, as in the original.)
///
/// Parameters: `size` = height = width (1...32, default 4; features = size²), `noise` σ
/// (default 0.5).
enum BarsAndStripesGenerator {
  static func make(samples n: Int, _ p: _GeneratorParameters, _ rng: inout SeededGenerator) throws(DataError)
    -> (x: [[Double]], y: [Int], names: [String]?)
  {
    let h = try p.integer("size", in: 1...32)
    let w = h
    let noise = try p.real("noise", in: 0...100)
    var x: [[Double]] = []
    var y: [Int] = []
    for s in 0..<n {
      let stripes = s >= n / 2
      var img = [Double](repeating: -1, count: h * w)
      if stripes {
        for r in 0..<h where rng.nextUnit() < 0.5 { for c in 0..<w { img[r * w + c] = 1 } }
      } else {
        for c in 0..<w where rng.nextUnit() < 0.5 { for r in 0..<h { img[r * w + c] = 1 } }
      }
      if noise > 0 { for k in img.indices { img[k] += noise * rng.nextGaussian() } }
      x.append(img)
      y.append(stripes ? 1 : 0)
    }
    let names = (0..<h).flatMap { r in (0..<w).map { "p\(r)_\($0)" } }
    return (x, y, names)
  }
}

/// Hyperplanes and parity (`hyperplanes.py`): k random perceptrons w_j ~ U(0,1)^h,
/// b_j ~ U(0,1) on latent z ~ N(0, I_h); c(z) = number of j with w_j·z + b_j > 0; label
/// −1 when c is even, +1 when odd (balanced by rejection); embedded as x = z·E with
/// E ~ U(0,1)^{h×d}, then all columns standardized.
///
/// Parameters: `features` d (1...100, default 10), `hyperplanes` k (1...100, default 2),
/// `dimension` h of the latent space (1...100, default 3).
enum HyperplaneParityGenerator {
  static func make(samples n: Int, _ p: _GeneratorParameters, _ rng: inout SeededGenerator) throws(DataError)
    -> (x: [[Double]], y: [Int], names: [String]?)
  {
    let d = try p.integer("features", in: 1...100)
    let k = try p.integer("hyperplanes", in: 1...100)
    let h = try p.integer("dimension", in: 1...100)
    let w = (0..<k).map { _ in (0..<h).map { _ in rng.nextUnit() } }
    let b = (0..<k).map { _ in rng.nextUnit() }
    let e = (0..<h).map { _ in (0..<d).map { _ in rng.nextUnit() } }
    let r = try _balancedRejection(samples: n, maxTries: 100 * n + 10_000, p) {
      let z = (0..<h).map { _ in rng.nextGaussian() }
      var fired = 0
      for j in 0..<k {
        var s = b[j]
        for i in 0..<h { s += w[j][i] * z[i] }
        if s > 0 { fired += 1 }
      }
      let x = (0..<d).map { col in
        var s = 0.0
        for i in 0..<h { s += z[i] * e[i][col] }
        return s
      }
      return (x, fired % 2)
    }
    var x = r.x
    _standardizeColumns(&x)
    return (x, r.y, nil)
  }
}
