// Implementation goals, in order:
// 1. The same iterates, stopping rule and bias as libsvm's `Solver` (C-SVC, epsilon-SVR), so the dual
//    solution matches scikit-learn's SVC to solver tolerance.
// 2. No allocation inside the iteration loop; every inner loop is a contiguous row sweep.
//
// SMO with second-order working-set selection (WSS3 of Fan, Chen & Lin 2005, JMLR 6) and
// shrinking, ported from libsvm 3.x `Solver::Solve`. libsvm physically permutes its
// variables when it shrinks (`swap_index`); here the variables stay in place and only the
// `active` index list is permuted, so loops visit exactly libsvm's order while the kernel is
// read in place (Q_ij = y_i y_j K_ij is never materialised: no O(l^2) copy per fit).
// While nothing is shrunk (most of a typical run) the loops run over 0..<l directly (so
// among exactly equal violations the pick can differ from libsvm after an unshrink; the
// solution is the same to the tolerance).

/// Result of one binary SMO solve.
struct _SMOSolution: Sendable {
  /// alpha_i in the original sample order (0 <= alpha_i <= C).
  var alpha: [Double]
  /// libsvm's rho: decision(x) = sum_i alpha_i y_i K(x_i, x) - rho.
  var rho: Double
  /// Iterations performed.
  var iterations: Int
  /// Whether the stopping rule was met before the iteration limit.
  var converged: Bool
}

/// libsvm's generic dual solver: min 1/2 a^T Q a + p^T a, 0 <= a <= C, y^T a = 0, with
/// Q_ij = y_i y_j K_ij. C-SVC uses p = -e (the default); epsilon-SVR passes its own p.
struct _SMOSolver {
  private static let tau = 1e-12

  private let l: Int
  private let k: [Double]  // l x l kernel, row-major, read only
  private let y: [Double]  // +1 / -1
  private var alpha: [Double]
  private var status: [UInt8]  // 0 lower, 1 upper, 2 free
  private var upOK: [Bool]  // in I_up: y = +1 below C, or y = -1 above 0
  private var lowOK: [Bool]  // in I_low: y = +1 above 0, or y = -1 below C
  private let qd: [Double]  // K_ii
  private let p: [Double]  // linear term
  private var g: [Double]
  private var gBar: [Double]
  private var active: [Int]  // libsvm's active_set order: position -> variable
  private var activeSize: Int
  private let c: Double
  private let eps: Double
  private var unshrink = false

  /// Prepares a solve on kernel `kernel` (l x l, row-major) with labels `y` in {+1, -1},
  /// linear term `linearTerm` (nil: all -1, C-SVC) and K_ii `diagonal` (nil: read from
  /// `kernel`; libsvm keeps the diagonal in double precision even where its kernel cache is single).
  init(kernel: [Double], y: [Double], C: Double, eps: Double, linearTerm: [Double]? = nil, diagonal: [Double]? = nil) {
    let l = y.count
    precondition(kernel.count == l * l, "kernel must be l x l")
    self.l = l
    self.k = kernel
    self.y = y
    self.c = C
    self.eps = eps
    alpha = [Double](repeating: 0, count: l)
    status = [UInt8](repeating: 0, count: l)
    upOK = y.map { $0 > 0 }
    lowOK = y.map { $0 < 0 }
    qd = diagonal ?? (0..<l).map { kernel[$0 * l + $0] }
    precondition(qd.count == l, "diagonal must have l entries")
    let p = linearTerm ?? [Double](repeating: -1, count: l)
    precondition(p.count == l, "linear term must have l entries")
    self.p = p
    // alpha = 0: G = p, G_bar = 0.
    g = p
    gBar = [Double](repeating: 0, count: l)
    active = Array(0..<l)
    activeSize = l
  }

  @inline(__always) private func isUpper(_ i: Int) -> Bool { status[i] == 1 }
  @inline(__always) private func isLower(_ i: Int) -> Bool { status[i] == 0 }
  @inline(__always) private func isFree(_ i: Int) -> Bool { status[i] == 2 }

  @inline(__always) private mutating func updateStatus(_ i: Int) {
    if alpha[i] >= c {
      status[i] = 1
    } else if alpha[i] <= 0 {
      status[i] = 0
    } else {
      status[i] = 2
    }
    upOK[i] = y[i] > 0 ? status[i] != 1 : status[i] != 0
    lowOK[i] = y[i] > 0 ? status[i] != 0 : status[i] != 1
  }

  /// Runs SMO until the maximal violation drops below `eps` or `maxIterations` is reached.
  mutating func solve(maxIterations: Int) -> _SMOSolution {
    var iter = 0
    var counter = min(l, 1000) + 1
    var converged = false
    while iter < maxIterations {
      // Cooperative cancellation: checked every 256 steps; the caller throws `Cancelled`.
      if iter & 255 == 0 && Cancellation.isRequested { break }
      counter -= 1
      if counter == 0 {
        counter = min(l, 1000)
        doShrinking()
      }
      var pair = selectWorkingSet()
      if pair == nil {
        reconstructGradient()
        activeSize = l
        pair = selectWorkingSet()
        if pair == nil {
          converged = true
          break
        }
        counter = 1  // shrink at the next iteration
      }
      let (i, j) = pair!
      iter += 1
      takeStep(i, j)
    }
    if !converged {
      // One last check, as the loop may have ended exactly on the optimum.
      reconstructGradient()
      activeSize = l
      converged = selectWorkingSet() == nil
    }
    return _SMOSolution(alpha: alpha, rho: calculateRho(), iterations: iter, converged: converged)
  }

  // MARK: - One SMO step

  /// Updates variables i and j (indices into the samples, not positions).
  private mutating func takeStep(_ i: Int, _ j: Int) {
    let rowI = i * l
    let rowJ = j * l
    let oldI = alpha[i]
    let oldJ = alpha[j]
    var ai = oldI
    var aj = oldJ
    // Q_ii + Q_jj -+ 2 Q_ij = K_ii + K_jj - 2 K_ij in both libsvm branches.
    var quad = qd[i] + qd[j] - 2 * k[rowI + j]
    if quad <= 0 { quad = Self.tau }
    if y[i] != y[j] {
      let delta = (-g[i] - g[j]) / quad
      let diff = ai - aj
      ai += delta
      aj += delta
      if diff > 0 {
        if aj < 0 { aj = 0; ai = diff }
      } else {
        if ai < 0 { ai = 0; aj = -diff }
      }
      if diff > 0 {  // C_i - C_j == 0
        if ai > c { ai = c; aj = c - diff }
      } else {
        if aj > c { aj = c; ai = c + diff }
      }
    } else {
      let delta = (g[i] - g[j]) / quad
      let sum = ai + aj
      ai -= delta
      aj += delta
      if sum > c {
        if ai > c { ai = c; aj = sum - c }
      } else {
        if aj < 0 { aj = 0; ai = sum }
      }
      if sum > c {
        if aj > c { aj = c; ai = sum - c }
      } else {
        if ai < 0 { ai = 0; aj = sum }
      }
    }
    alpha[i] = ai
    alpha[j] = aj
    // G_t += Q_ti dI + Q_tj dJ = y_t (y_i dI K_it + y_j dJ K_jt).
    let ci = y[i] * (ai - oldI)
    let cj = y[j] * (aj - oldJ)
    if activeSize == l {
      for t in 0..<l { g[t] += y[t] * (ci * k[rowI + t] + cj * k[rowJ + t]) }
    } else {
      for p in 0..<activeSize {
        let t = active[p]
        g[t] += y[t] * (ci * k[rowI + t] + cj * k[rowJ + t])
      }
    }
    let wasUpperI = isUpper(i)
    let wasUpperJ = isUpper(j)
    updateStatus(i)
    updateStatus(j)
    if wasUpperI != isUpper(i) { addToGBar(i, scale: wasUpperI ? -c : c) }
    if wasUpperJ != isUpper(j) { addToGBar(j, scale: wasUpperJ ? -c : c) }
  }

  /// G_bar_t += scale * Q_it for every t.
  private mutating func addToGBar(_ i: Int, scale: Double) {
    let row = i * l
    let s = scale * y[i]
    for t in 0..<l { gBar[t] += s * y[t] * k[row + t] }
  }

  // MARK: - Working set selection (WSS3)

  /// WSS3. `upOK[t]`: t in I_up (may increase y_t alpha_t); `lowOK[t]`: t in I_low. With
  /// v_t = y_t G_t, libsvm's Gmax = max_{I_up} -v_t, Gmax2 = max_{I_low} v_t and, for j in
  /// I_low, grad_diff = Gmax + v_j; the quadratic term is K_ii + K_jj - 2 K_ij for either sign.
  private func selectWorkingSet() -> (Int, Int)? {
    var gmax = -Double.infinity
    var gmax2 = -Double.infinity
    var gmaxIdx = -1
    if activeSize == l {
      for t in 0..<l {
        let v = y[t] * g[t]
        if upOK[t] && -v >= gmax { gmax = -v; gmaxIdx = t }
        if lowOK[t] && v >= gmax2 { gmax2 = v }
      }
    } else {
      for p in 0..<activeSize {
        let t = active[p]
        let v = y[t] * g[t]
        if upOK[t] && -v >= gmax { gmax = -v; gmaxIdx = t }
        if lowOK[t] && v >= gmax2 { gmax2 = v }
      }
    }
    let i = gmaxIdx
    if i < 0 || gmax + gmax2 < eps { return nil }
    let rowI = i * l
    let kii = qd[i]
    var gminIdx = -1
    var objDiffMin = Double.infinity
    @inline(__always) func consider(_ j: Int) {
      let gradDiff = gmax + y[j] * g[j]
      if lowOK[j] && gradDiff > 0 {
        let quad = kii + qd[j] - 2 * k[rowI + j]
        let objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : Self.tau)
        if objDiff <= objDiffMin { gminIdx = j; objDiffMin = objDiff }
      }
    }
    if activeSize == l {
      for j in 0..<l { consider(j) }
    } else {
      for p in 0..<activeSize { consider(active[p]) }
    }
    if gminIdx == -1 { return nil }
    return (gmaxIdx, gminIdx)
  }

  // MARK: - Shrinking

  private func beShrunk(_ i: Int, _ gmax1: Double, _ gmax2: Double) -> Bool {
    if isUpper(i) {
      return y[i] > 0 ? -g[i] > gmax1 : -g[i] > gmax2
    } else if isLower(i) {
      return y[i] > 0 ? g[i] > gmax2 : g[i] > gmax1
    }
    return false
  }

  private mutating func doShrinking() {
    var gmax1 = -Double.infinity  // max { -y_i grad_i | i in I_up }
    var gmax2 = -Double.infinity  // max { y_i grad_i | i in I_low }
    for p in 0..<activeSize {
      let i = active[p]
      if y[i] > 0 {
        if !isUpper(i) && -g[i] >= gmax1 { gmax1 = -g[i] }
        if !isLower(i) && g[i] >= gmax2 { gmax2 = g[i] }
      } else {
        if !isUpper(i) && -g[i] >= gmax2 { gmax2 = -g[i] }
        if !isLower(i) && g[i] >= gmax1 { gmax1 = g[i] }
      }
    }
    if !unshrink && gmax1 + gmax2 <= eps * 10 {
      unshrink = true
      reconstructGradient()
      activeSize = l
    }
    var p = 0
    while p < activeSize {
      if beShrunk(active[p], gmax1, gmax2) {
        activeSize -= 1
        while activeSize > p {
          if !beShrunk(active[activeSize], gmax1, gmax2) {
            active.swapAt(p, activeSize)
            break
          }
          activeSize -= 1
        }
      }
      p += 1
    }
  }

  private mutating func reconstructGradient() {
    if activeSize == l { return }
    for q in activeSize..<l {
      let j = active[q]
      g[j] = gBar[j] + p[j]
    }
    var nrFree = 0
    for p in 0..<activeSize where isFree(active[p]) { nrFree += 1 }
    if nrFree * l > 2 * activeSize * (l - activeSize) {
      for p in activeSize..<l {
        let i = active[p]
        let row = i * l
        var s = 0.0
        for q in 0..<activeSize {
          let j = active[q]
          if isFree(j) { s += alpha[j] * y[j] * k[row + j] }
        }
        g[i] += y[i] * s
      }
    } else {
      for q in 0..<activeSize {
        let i = active[q]
        guard isFree(i) else { continue }
        let row = i * l
        let ai = alpha[i] * y[i]
        for p in activeSize..<l {
          let j = active[p]
          g[j] += ai * y[j] * k[row + j]
        }
      }
    }
  }

  // MARK: - Bias

  private func calculateRho() -> Double {
    var nrFree = 0
    var ub = Double.infinity
    var lb = -Double.infinity
    var sumFree = 0.0
    for p in 0..<activeSize {
      let i = active[p]
      let yG = y[i] * g[i]
      if isUpper(i) {
        if y[i] < 0 { ub = min(ub, yG) } else { lb = max(lb, yG) }
      } else if isLower(i) {
        if y[i] > 0 { ub = min(ub, yG) } else { lb = max(lb, yG) }
      } else {
        nrFree += 1
        sumFree += yG
      }
    }
    return nrFree > 0 ? sumFree / Double(nrFree) : (ub + lb) / 2
  }
}
