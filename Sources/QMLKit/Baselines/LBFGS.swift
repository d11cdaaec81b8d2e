// Implementation goals, in order: a robust minimiser for the smooth convex objectives of
// the baselines (logistic regression), then few function evaluations.

/// Limited-memory BFGS (Nocedal & Wright 2006, algorithm 7.4/7.5) with a backtracking
/// Armijo line search; curvature pairs with s.y <= 0 are skipped.
struct _LBFGS {
  /// Stop when max |grad| <= gradientTolerance.
  var gradientTolerance = 1e-9
  var maxIterations = 1000
  var memory = 10

  /// Minimises `objective`, which returns (f, gradient) at a point.
  /// Returns the point, whether the gradient test was met and the iterations used.
  func minimize(start: [Double], objective: ([Double]) -> (Double, [Double])) -> (x: [Double], converged: Bool, iterations: Int, value: Double) {
    var x = start
    var (f, g) = objective(x)
    let n = x.count
    var sList: [[Double]] = []
    var yList: [[Double]] = []
    var rhoList: [Double] = []
    var alphaBuf = [Double](repeating: 0, count: memory)
    var iteration = 0
    func maxAbs(_ v: [Double]) -> Double { v.reduce(0) { max($0, abs($1)) } }
    if !f.isFinite { return (x, false, 0, f) }
    while iteration < maxIterations {
      if maxAbs(g) <= gradientTolerance { return (x, true, iteration, f) }
      if Cancellation.isRequested { return (x, false, iteration, f) }  // the caller's loop throws `Cancelled`
      // Two-loop recursion: d = -H g.
      var q = g
      for k in stride(from: sList.count - 1, through: 0, by: -1) {
        var a = 0.0
        for i in 0..<n { a += sList[k][i] * q[i] }
        a *= rhoList[k]
        alphaBuf[k] = a
        for i in 0..<n { q[i] -= a * yList[k][i] }
      }
      if let sLast = sList.last, let yLast = yList.last {
        var sy = 0.0, yy = 0.0
        for i in 0..<n { sy += sLast[i] * yLast[i]; yy += yLast[i] * yLast[i] }
        let gammaScale = sy / yy
        for i in 0..<n { q[i] *= gammaScale }
      } else {
        let gn = g.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let scale = gn > 0 ? min(1, 1 / gn) : 1
        for i in 0..<n { q[i] *= scale }
      }
      for k in 0..<sList.count {
        var b = 0.0
        for i in 0..<n { b += yList[k][i] * q[i] }
        b *= rhoList[k]
        for i in 0..<n { q[i] += sList[k][i] * (alphaBuf[k] - b) }
      }
      var slope = 0.0
      for i in 0..<n { slope -= g[i] * q[i] }
      if slope >= 0 {
        // Not a descent direction (numerical trouble): restart from steepest descent.
        sList.removeAll(); yList.removeAll(); rhoList.removeAll()
        q = g
        slope = -g.reduce(0) { $0 + $1 * $1 }
        let gn = (-slope).squareRoot()
        for i in 0..<n { q[i] /= max(gn, 1) }
        slope /= max(gn, 1)
      }
      // Backtracking Armijo search along -q.
      var step = 1.0
      var xNew = x
      var fNew = 0.0
      var gNew: [Double] = []
      var accepted = false
      for _ in 0..<60 {
        for i in 0..<n { xNew[i] = x[i] - step * q[i] }
        (fNew, gNew) = objective(xNew)
        if fNew.isFinite && fNew <= f + 1e-4 * step * slope { accepted = true; break }
        step *= 0.5
      }
      iteration += 1
      if !accepted {
        // No decrease possible at double precision: the point is optimal to rounding.
        return (x, maxAbs(g) <= gradientTolerance * 1e3, iteration, f)
      }
      var s = [Double](repeating: 0, count: n)
      var y = [Double](repeating: 0, count: n)
      var sy = 0.0
      for i in 0..<n {
        s[i] = xNew[i] - x[i]
        y[i] = gNew[i] - g[i]
        sy += s[i] * y[i]
      }
      let fOld = f
      x = xNew; f = fNew; g = gNew
      if sy > 1e-16 {
        if sList.count == memory { sList.removeFirst(); yList.removeFirst(); rhoList.removeFirst() }
        sList.append(s); yList.append(y); rhoList.append(1 / sy)
      }
      if abs(fOld - f) <= 1e-16 * max(1, abs(f)) && maxAbs(g) <= gradientTolerance * 1e3 {
        return (x, true, iteration, f)
      }
    }
    return (x, maxAbs(g) <= gradientTolerance, iteration, f)
  }
}
