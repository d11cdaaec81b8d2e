/// Brute-force k-nearest-neighbour search by Euclidean distance, shared by the k-NN
/// classifier and regressor: the k training rows of smallest distance, equal distances
/// resolved by training order (a stable insertion), nearest first.
struct _NearestNeighbourSearch: Sendable {
  /// Training rows, row-major.
  let train: [Double]
  /// Features per row.
  let width: Int
  /// Number of neighbours.
  let k: Int

  /// Indices of the k nearest training rows to `row`, nearest first.
  func neighbours(of row: [Double]) -> [Int] {
    let n = train.count / width
    var bestDist = [Double](repeating: 0, count: k)
    var bestIdx = [Int](repeating: 0, count: k)
    var filled = 0
    for t in 0..<n {
      var s = 0.0
      let base = t * width
      for j in 0..<width {
        let diff = row[j] - train[base + j]
        s += diff * diff
      }
      // Insert into the sorted buffer; strict < keeps earlier rows first among equals.
      if filled == k && s >= bestDist[k - 1] { continue }
      var pos = filled == k ? k - 1 : filled
      while pos > 0 && s < bestDist[pos - 1] {
        bestDist[pos] = bestDist[pos - 1]
        bestIdx[pos] = bestIdx[pos - 1]
        pos -= 1
      }
      bestDist[pos] = s
      bestIdx[pos] = t
      if filled < k { filled += 1 }
    }
    return bestIdx
  }
}
