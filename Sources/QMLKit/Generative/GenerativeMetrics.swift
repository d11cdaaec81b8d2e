import Foundation

/// The metrics of a generative claim: distances from a model distribution to the exact target.
/// All three are lower-is-better and zero when the model equals the target.
public enum GenerativeMetric: String, Sendable, CaseIterable, Codable {
  /// KL(target ‖ model) in nats, model probabilities clipped below at `GenerativeMetrics.klFloor`.
  case kl
  /// MMD² under the model's `MMDKernel` (exact from probabilities).
  case mmd
  /// Total variation distance ½ Σ |p − q|, in [0, 1].
  case tv
}

/// Closed-form distances between distributions over bitstrings, and estimators from samples.
public enum GenerativeMetrics {
  /// The floor under model probabilities in KL: a bitstring of the target's support that the
  /// model gives probability q < 1e−10 counts as q = 1e−10, so one missed bitstring of target
  /// probability p adds at most p · ln(1e10) ≈ 23 p nats instead of infinity. Terms with zero
  /// target probability contribute nothing (0 · log 0 = 0). (Liu & Wang report KL of exact
  /// distributions, where the Born probabilities are never exactly zero; a floor is needed for
  /// distributions estimated from finite shots.)
  public static let klFloor = 1e-10

  /// KL(p ‖ q) = Σ_{p(x)>0} p(x) ln(p(x) / max(q(x), klFloor)).
  public static func kl(_ p: [Double], _ q: [Double]) -> Double {
    var s = 0.0
    for i in p.indices where p[i] > 0 { s += p[i] * log(p[i] / max(q[i], klFloor)) }
    return max(s, 0)
  }

  /// ½ Σ |p(x) − q(x)|.
  public static func tv(_ p: [Double], _ q: [Double]) -> Double {
    0.5 * zip(p, q).reduce(0) { $0 + abs($1.0 - $1.1) }
  }

  /// MMD²(p, q) = (p − q)ᵀ K (p − q), exact.
  public static func mmd(_ p: [Double], _ q: [Double], kernel: MMDKernel) -> Double {
    let d = zip(p, q).map { $0 - $1 }
    return max(kernel.bilinear(d, d), 0)
  }

  /// The metric between the target and a model distribution (exact probabilities).
  public static func value(
    _ metric: GenerativeMetric, target: DiscreteDistribution, model: DiscreteDistribution, kernel: MMDKernel
  ) -> Double {
    switch metric {
    case .kl: return kl(target.probabilities, model.probabilities)
    case .tv: return tv(target.probabilities, model.probabilities)
    case .mmd: return mmd(target.probabilities, model.probabilities, kernel: kernel)
    }
  }

  /// The unbiased (U-statistic) estimate of MMD² from two samples (Gretton et al. 2012, eq. 3):
  /// 1/(m(m−1)) Σ_{i≠j} k(x_i, x_j) + 1/(n(n−1)) Σ_{i≠j} k(y_i, y_j) − 2/(mn) Σ_{i,j} k(x_i, y_j).
  /// It may be negative. Needs at least two samples on each side.
  /// - Throws: `ModelError.invalidData` for fewer than two samples or an index out of range.
  public static func mmdUnbiased(_ x: [Int], _ y: [Int], bitCount n: Int, kernel: MMDKernel) throws -> Double {
    guard x.count >= 2 && y.count >= 2 else { throw ModelError.invalidData("the unbiased MMD needs two samples a side") }
    let cx = try DiscreteDistribution.counts(of: x, size: 1 << n)
    let cy = try DiscreteDistribution.counts(of: y, size: 1 << n)
    let m = Double(x.count), k = Double(y.count), k0 = kernel.value(distance: 0)
    let kcy = kernel.apply(cy)
    let sxx = kernel.bilinear(cx, cx) - m * k0
    let syy = zip(cy, kcy).reduce(0) { $0 + $1.0 * $1.1 } - k * k0
    let sxy = zip(cx, kcy).reduce(0) { $0 + $1.0 * $1.1 }
    return sxx / (m * (m - 1)) + syy / (k * (k - 1)) - 2 * sxy / (m * k)
  }

  /// The unbiased estimate of MMD²(p, target) from samples `x` of p and the exact target:
  /// 1/(m(m−1)) Σ_{i≠j} k(x_i, x_j) − (2/m) Σ_i (Kπ)(x_i) + πᵀKπ.
  /// - Throws: `ModelError.invalidData` for fewer than two samples or an index out of range.
  public static func mmdUnbiased(_ x: [Int], target: DiscreteDistribution, kernel: MMDKernel) throws -> Double {
    guard x.count >= 2 else { throw ModelError.invalidData("the unbiased MMD needs two samples") }
    let cx = try DiscreteDistribution.counts(of: x, size: target.size)
    let m = Double(x.count)
    let kpi = kernel.apply(target.probabilities)
    let sxx = kernel.bilinear(cx, cx) - m * kernel.value(distance: 0)
    let cross = zip(cx, kpi).reduce(0) { $0 + $1.0 * $1.1 } / m
    let pp = zip(target.probabilities, kpi).reduce(0) { $0 + $1.0 * $1.1 }
    return sxx / (m * (m - 1)) - 2 * cross + pp
  }
}
