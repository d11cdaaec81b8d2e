import QuantumSim

// Implementation goals, in order: CART regression with scikit-learn's split rule (weighted
// squared error, i.e. variance reduction; thresholds at midpoints between distinct sorted
// values; up to max_features non-constant candidate features drawn at random per node),
// then speed (one sort per candidate). The structure follows `_DecisionTree`.

/// A fitted CART regression tree, stored as flat node arrays (internal to the forest).
struct _RegressionTree: Sendable {
  /// Split feature per node, -1 for a leaf.
  var feature: [Int] = []
  var threshold: [Double] = []
  var left: [Int] = []
  var right: [Int] = []
  /// Weighted mean target per node.
  var value: [Double] = []

  /// Grows a tree on rows `x` (n x d, row-major) with per-sample `weights` (bootstrap counts).
  init(x: [Double], width d: Int, targets: [Double], weights: [Double], maxDepth: Int?, maxFeatures: Int,
       rng: inout SeededGenerator) {
    let root = targets.indices.filter { weights[$0] > 0 }
    var stack: [(indices: [Int], depth: Int, node: Int)] = []
    _ = addNode()
    stack.append((root, 0, 0))
    var pairs: [(Double, Int)] = []
    var featureOrder = Array(0..<d)
    while let (indices, depth, node) = stack.popLast() {
      var total = 0.0, sum = 0.0
      var lo = Double.infinity, hi = -Double.infinity
      for i in indices {
        total += weights[i]
        sum += weights[i] * targets[i]
        lo = min(lo, targets[i])
        hi = max(hi, targets[i])
      }
      value[node] = sum / total
      if lo == hi || indices.count < 2 || (maxDepth.map { depth >= $0 } ?? false) { continue }
      // Minimising the children's squared error = maximising sl²/wl + sr²/wr.
      let parentScore = sum * sum / total
      var bestFeature = -1
      var bestThreshold = 0.0
      var bestScore = parentScore + 1e-12 * max(1, abs(parentScore))  // a split must lower the error
      var visited = 0
      var remaining = d
      while visited < maxFeatures && remaining > 0 {
        let pick = Int(rng.next() % UInt64(remaining))
        let f = featureOrder[pick]
        featureOrder.swapAt(pick, remaining - 1)
        remaining -= 1
        pairs.removeAll(keepingCapacity: true)
        for i in indices { pairs.append((x[i * d + f], i)) }
        pairs.sort { $0.0 < $1.0 }
        if pairs.first!.0 == pairs.last!.0 { continue }  // constant here: does not count
        visited += 1
        var wl = 0.0, sl = 0.0
        for p in 0..<(pairs.count - 1) {
          let i = pairs[p].1
          wl += weights[i]
          sl += weights[i] * targets[i]
          let v = pairs[p].0, next = pairs[p + 1].0
          if v == next { continue }
          let wr = total - wl, sr = sum - sl
          let score = sl * sl / wl + sr * sr / wr
          if score > bestScore {
            bestScore = score
            bestFeature = f
            var t = (v + next) / 2
            if t == next { t = v }
            bestThreshold = t
          }
        }
      }
      if bestFeature < 0 { continue }
      var li: [Int] = [], ri: [Int] = []
      for i in indices { if x[i * d + bestFeature] <= bestThreshold { li.append(i) } else { ri.append(i) } }
      let l = addNode(), r = addNode()
      feature[node] = bestFeature
      threshold[node] = bestThreshold
      left[node] = l
      right[node] = r
      stack.append((ri, depth + 1, r))
      stack.append((li, depth + 1, l))
    }
  }

  private mutating func addNode() -> Int {
    feature.append(-1)
    threshold.append(0)
    left.append(-1)
    right.append(-1)
    value.append(0)
    return feature.count - 1
  }

  /// The leaf value for `row`.
  func predict(_ row: [Double]) -> Double {
    var node = 0
    while feature[node] >= 0 { node = row[feature[node]] <= threshold[node] ? left[node] : right[node] }
    return value[node]
  }
}
