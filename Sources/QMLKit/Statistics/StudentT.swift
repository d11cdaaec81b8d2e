import Foundation

// Student-t distribution through the regularized incomplete beta function
// (continued fraction by the modified Lentz method, Numerical Recipes 3rd ed. §6.4),
// checked against scipy.stats.t in Tests/QMLKitTests/Fixtures/statistics.json.

/// The regularized incomplete beta function I_x(a, b) for a, b > 0 and x in [0, 1].
public func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
  precondition(a > 0 && b > 0, "incomplete beta needs a, b > 0")
  if x <= 0 { return 0 }
  if x >= 1 { return 1 }
  let lnFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * Foundation.log(x) + b * Foundation.log1p(-x)
  let front = Foundation.exp(lnFront)
  if x < (a + 1) / (a + b + 2) {
    return front * _betaContinuedFraction(x, a, b) / a
  }
  return 1 - front * _betaContinuedFraction(1 - x, b, a) / b
}

/// Continued fraction for I_x(a, b) (modified Lentz).
func _betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
  let tiny = 1e-300
  var c = 1.0
  var d = 1 - (a + b) * x / (a + 1)
  if abs(d) < tiny { d = tiny }
  d = 1 / d
  var h = d
  for m in 1...10_000 {
    let m2 = Double(2 * m)
    let dm = Double(m)
    var aa = dm * (b - dm) * x / ((a + m2 - 1) * (a + m2))
    d = 1 + aa * d; if abs(d) < tiny { d = tiny }
    c = 1 + aa / c; if abs(c) < tiny { c = tiny }
    d = 1 / d
    h *= d * c
    aa = -(a + dm) * (a + b + dm) * x / ((a + m2) * (a + m2 + 1))
    d = 1 + aa * d; if abs(d) < tiny { d = tiny }
    c = 1 + aa / c; if abs(c) < tiny { c = tiny }
    d = 1 / d
    let delta = d * c
    h *= delta
    if abs(delta - 1) < 1e-16 { break }
  }
  return h
}

/// Cumulative distribution function of Student's t with `df` degrees of freedom (df > 0).
public func studentTCDF(_ t: Double, df: Double) -> Double {
  precondition(df > 0, "degrees of freedom must be positive")
  if t.isNaN { return .nan }
  if t == .infinity { return 1 }
  if t == -.infinity { return 0 }
  let tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), a: df / 2, b: 0.5)
  return t > 0 ? 1 - tail : tail
}

/// Two-sided tail probability P(|T| ≥ |t|), computed without cancellation.
public func studentTTwoSidedP(_ t: Double, df: Double) -> Double {
  if t.isNaN { return .nan }
  if t.isInfinite { return 0 }
  return regularizedIncompleteBeta(df / (df + t * t), a: df / 2, b: 0.5)
}

/// The p-quantile of Student's t with `df` degrees of freedom (0 < p < 1, df > 0):
/// bracketing then bisection on `studentTCDF`, accurate to about 1e-12 relative.
public func studentTQuantile(_ p: Double, df: Double) -> Double {
  precondition(p > 0 && p < 1, "quantile probability must lie in (0, 1)")
  precondition(df > 0, "degrees of freedom must be positive")
  if p == 0.5 { return 0 }
  // Solve in the upper tail via the two-sided p, which avoids 1 - p cancellation.
  let upper = p > 0.5
  let twoSided = upper ? 2 * (1 - p) : 2 * p
  var lo = 0.0
  var hi = 1.0
  while studentTTwoSidedP(hi, df: df) > twoSided { lo = hi; hi *= 2; if hi > 1e300 { break } }
  for _ in 0..<400 {
    let mid = 0.5 * (lo + hi)
    if mid == lo || mid == hi { break }
    if studentTTwoSidedP(mid, df: df) > twoSided { lo = mid } else { hi = mid }
  }
  let t = 0.5 * (lo + hi)
  return upper ? t : -t
}
