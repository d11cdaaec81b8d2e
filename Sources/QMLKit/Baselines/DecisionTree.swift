import QuantumSim

// Implementation goals, in order: CART with scikit-learn's split rule (weighted Gini,
// thresholds at midpoints between distinct sorted values, up to max_features non-constant
// candidate features drawn at random per node), then speed (one sort per candidate).

/// A fitted CART classification tree, stored as flat node arrays (internal to the forest).
struct _DecisionTree: Sendable {
  /// Split feature per node, -1 for a leaf.
  var feature: [Int] = []
  var threshold: [Double] = []
  var left: [Int] = []
  var right: [Int] = []
  /// Class distribution (normalised) per node, `classCount` entries each.
  var value: [Double] = []
  let classCount: Int

  /// Grows a tree on rows `x` (n x d, row-major) with per-sample `weights` (bootstrap counts).
  init(x: [Double], width d: Int, labels: [Int], weights: [Double], classCount: Int,
       maxDepth: Int?, maxFeatures: Int, rng: inout SeededGenerator) {
    self.classCount = classCount
    let root = labels.indices.filter { weights[$0] > 0 }
    var stack: [(indices: [Int], depth: Int, node: Int)] = []
    _ = addNode()
    stack.append((root, 0, 0))
    var pairs: [(Double, Int)] = []
    var counts = [Double](repeating: 0, count: classCount)
    var leftCounts = [Double](repeating: 0, count: classCount)
    var featureOrder = Array(0..<d)
    while let (indices, depth, node) = stack.popLast() {
      for c in 0..<classCount { counts[c] = 0 }
      var total = 0.0
      for i in indices { counts[labels[i]] += weights[i]; total += weights[i] }
      for c in 0..<classCount { value[node * classCount + c] = counts[c] / total }
      let pure = counts.filter { $0 > 0 }.count <= 1
      if pure || indices.count < 2 || (maxDepth.map { depth >= $0 } ?? false) { continue }
      var parentScore = 0.0
      for c in 0..<classCount { parentScore += counts[c] * counts[c] }
      parentScore /= total
      var bestFeature = -1
      var bestThreshold = 0.0
      var bestScore = parentScore + 1e-12 * total  // a split must lower the impurity
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
        for c in 0..<classCount { leftCounts[c] = 0 }
        var wl = 0.0
        for p in 0..<(pairs.count - 1) {
          let i = pairs[p].1
          leftCounts[labels[i]] += weights[i]
          wl += weights[i]
          let v = pairs[p].0, next = pairs[p + 1].0
          if v == next { continue }
          let wr = total - wl
          var sl = 0.0, sr = 0.0
          for c in 0..<classCount {
            let lc = leftCounts[c], rc = counts[c] - lc
            sl += lc * lc
            sr += rc * rc
          }
          let score = sl / wl + sr / wr
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
    value.append(contentsOf: repeatElement(0, count: classCount))
    return feature.count - 1
  }

  /// Adds the leaf distribution for `row` into `into`.
  func accumulate(_ row: [Double], into out: inout [Double]) {
    var node = 0
    while feature[node] >= 0 { node = row[feature[node]] <= threshold[node] ? left[node] : right[node] }
    for c in 0..<classCount { out[c] += value[node * classCount + c] }
  }
}
