import Foundation

/// Arithmetic mean (`NaN` for an empty sample).
public func mean(_ xs: [Double]) -> Double {
  guard !xs.isEmpty else { return .nan }
  return xs.reduce(0, +) / Double(xs.count)
}

/// Sample standard deviation with Bessel's correction (n − 1 in the denominator, numpy's
/// `ddof=1`); `0` for a single value, `NaN` for an empty sample.
public func sampleStandardDeviation(_ xs: [Double]) -> Double {
  guard !xs.isEmpty else { return .nan }
  guard xs.count > 1 else { return 0 }
  let m = mean(xs)
  var s = 0.0
  for x in xs { s += (x - m) * (x - m) }
  return (s / Double(xs.count - 1)).squareRoot()
}

/// The q-quantile of a sample by linear interpolation between order statistics
/// (numpy's default `method="linear"`); `NaN` for an empty sample.
public func quantile(_ xs: [Double], _ q: Double) -> Double {
  guard !xs.isEmpty else { return .nan }
  let s = xs.sorted()
  let h = Double(s.count - 1) * min(max(q, 0), 1)
  let lo = Int(h.rounded(.down))
  let hi = min(lo + 1, s.count - 1)
  return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
}
