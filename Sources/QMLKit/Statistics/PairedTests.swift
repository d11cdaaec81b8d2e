import Foundation

/// Two-sided paired t-test of the mean of `a − b` against 0 (scipy's `ttest_rel`).
///
/// Identical samples (all differences 0) give `(t: 0, pValue: 1)`; a constant non-zero
/// difference gives `t = ±∞`, p = 0; fewer than two pairs give NaNs.
/// - Precondition: `a.count == b.count`.
public func pairedTTest(_ a: [Double], _ b: [Double]) -> (t: Double, pValue: Double) {
  precondition(a.count == b.count, "paired samples must have the same length")
  let n = a.count
  guard n >= 2 else { return (.nan, .nan) }
  let d = zip(a, b).map { $0 - $1 }
  let m = mean(d)
  let s = sampleStandardDeviation(d)
  if s == 0 {
    if m == 0 { return (0, 1) }
    return (m > 0 ? .infinity : -.infinity, 0)
  }
  let t = m / (s / Double(n).squareRoot())
  return (t, studentTTwoSidedP(t, df: Double(n - 1)))
}

/// Two-sided Wilcoxon signed-rank test of `a − b` (scipy's `wilcoxon` defaults:
/// zero differences dropped, `zero_method="wilcox"`).
///
/// The statistic is min(W+, W−) with average ranks for tied |d|. The p-value follows
/// scipy's `method="auto"`: exact null distribution for at most 50 differences without
/// ties or zeros; with ties or zeros and at most 13 pairs, the exact sign-flip permutation
/// distribution of W+ (all 2^n flips); otherwise the normal approximation with tie
/// correction and no continuity correction. All differences zero gives `(0, 1)`; an empty
/// sample NaNs.
public func wilcoxonSignedRank(_ a: [Double], _ b: [Double]) -> (statistic: Double, pValue: Double) {
  precondition(a.count == b.count, "paired samples must have the same length")
  guard !a.isEmpty else { return (.nan, .nan) }
  let d = zip(a, b).map { $0 - $1 }.filter { $0 != 0 }
  let n = d.count
  guard n > 0 else { return (0, 1) }
  let order = d.indices.sorted { abs(d[$0]) < abs(d[$1]) }
  var ranks = [Double](repeating: 0, count: n)
  var hasTies = false
  var tieTerm = 0.0
  var i = 0
  while i < n {
    var j = i
    while j + 1 < n && abs(d[order[j + 1]]) == abs(d[order[i]]) { j += 1 }
    let r = Double(i + j) / 2 + 1
    for k in i...j { ranks[order[k]] = r }
    let size = Double(j - i + 1)
    if j > i { hasTies = true; tieTerm += size * size * size - size }
    i = j + 1
  }
  var wPlus = 0.0
  for k in 0..<n where d[k] > 0 { wPlus += ranks[k] }
  let total = Double(n * (n + 1)) / 2
  let w = min(wPlus, total - wPlus)
  let zeros = a.count - n
  if (hasTies || zeros > 0) && a.count <= 13 {
    // Exact permutation distribution of W+ over all sign flips of the non-zero differences.
    let total = 1 << n
    var less = 0, greater = 0
    let tol = 1e-9 * max(1, wPlus)
    for mask in 0..<total {
      var s = 0.0
      for k in 0..<n where mask & (1 << k) != 0 { s += ranks[k] }
      if s <= wPlus + tol { less += 1 }
      if s >= wPlus - tol { greater += 1 }
    }
    return (w, min(1, 2 * Double(min(less, greater)) / Double(total)))
  }
  if n <= 50 && !hasTies {
    // counts[s] = number of sign patterns with W+ = s.
    let maxSum = n * (n + 1) / 2
    var counts = [Double](repeating: 0, count: maxSum + 1)
    counts[0] = 1
    for r in 1...n {
      for s in stride(from: maxSum, through: r, by: -1) { counts[s] += counts[s - r] }
    }
    let all = Foundation.pow(2.0, Double(n))
    var cdf = 0.0
    for s in 0...Int(w) { cdf += counts[s] }
    return (w, min(1, 2 * cdf / all))
  }
  let meanW = total / 2
  let variance = Double(n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48
  let z = (w - meanW) / variance.squareRoot()
  return (w, Foundation.erfc(abs(z) / 2.0.squareRoot()))
}
