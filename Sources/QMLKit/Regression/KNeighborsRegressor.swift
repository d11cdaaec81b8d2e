/// k-nearest-neighbour regression with Euclidean distance and uniform weights, as
/// scikit-learn's `KNeighborsRegressor(n_neighbors=k)`: the mean target of the k nearest
/// training rows (equal distances resolved by training order), summed in NumPy's pairwise
/// order so the means equal scikit-learn's bit for bit.
public struct KNeighborsRegressor: Regressor {
  /// Number of neighbours (1 ... number of training rows).
  public var k: Int
  private var train: [Double] = []
  private var targets: [Double] = []
  private var width = 0

  /// A regressor averaging over `k` neighbours.
  public init(k: Int = 5) { self.k = k }

  /// Stores the training rows.
  ///
  /// - Throws: `ModelError.invalidHyperparameter` when k < 1 or k exceeds the number of
  ///   training rows; `ModelError.invalidData` for bad rows or targets.
  public mutating func fit(features: [[Double]], targets: [Double]) throws {
    try _validateRegression(features: features, targets: targets, model: "k-NN regressor")
    guard k >= 1 else { throw ModelError.invalidHyperparameter("k-NN k must be >= 1, got \(k)") }
    guard k <= features.count else {
      throw ModelError.invalidHyperparameter("k-NN k = \(k) exceeds the \(features.count) training samples")
    }
    width = features[0].count
    train = features.flatMap { $0 }
    self.targets = targets
  }

  /// Mean target of the k nearest training rows.
  public func predict(_ features: [[Double]]) throws -> [Double] {
    guard width > 0 else { throw ModelError.notFitted }
    try _validateRows(features, width: width, model: "k-NN regressor")
    let search = _NearestNeighbourSearch(train: train, width: width, k: k)
    return features.map { row in
      let values = search.neighbours(of: row).map { targets[$0] }
      return _pairwiseSum(values[...]) / Double(k)
    }
  }
}

/// NumPy's pairwise summation (`pairwise_sum` in its umath loops): sequential below 8
/// terms, eight interleaved accumulators up to 128, halves (at a multiple of 8) beyond.
func _pairwiseSum(_ a: ArraySlice<Double>) -> Double {
  let n = a.count
  let base = a.startIndex
  if n < 8 {
    var s = 0.0
    for x in a { s += x }
    return s
  }
  if n <= 128 {
    var r = (0..<8).map { a[base + $0] }
    var i = 8
    while i < n - n % 8 {
      for j in 0..<8 { r[j] += a[base + i + j] }
      i += 8
    }
    var s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
    while i < n {
      s += a[base + i]
      i += 1
    }
    return s
  }
  var half = n / 2
  half -= half % 8
  return _pairwiseSum(a[base..<(base + half)]) + _pairwiseSum(a[(base + half)...])
}
