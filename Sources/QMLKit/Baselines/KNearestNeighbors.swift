/// k-nearest-neighbour classification with Euclidean distance and uniform weights, as
/// scikit-learn's `KNeighborsClassifier(n_neighbors=k)`.
///
/// Neighbours are the k training rows of smallest distance, equal distances resolved by
/// training order (a stable sort); the vote goes to the most frequent class, ties to the
/// lowest class index. Scores are the vote fractions (scikit-learn's `predict_proba`).
public struct KNearestNeighbors: Classifier {
  /// Number of neighbours (1 ... number of training rows).
  public var k: Int
  private var train: [Double] = []
  private var labels: [Int] = []
  private var width = 0
  private var classCount = 0

  /// A classifier voting over `k` neighbours.
  public init(k: Int) { self.k = k }

  /// Stores the training rows.
  ///
  /// - Throws: `ModelError.invalidHyperparameter` when k < 1 or k exceeds the number of
  ///   training rows; `ModelError.invalidData` for bad rows or labels.
  public mutating func fit(features: [[Double]], labels: [Int], classCount: Int) throws {
    try _validateTraining(features: features, labels: labels, classCount: classCount, model: "k-NN")
    guard k >= 1 else { throw ModelError.invalidHyperparameter("k-NN k must be >= 1, got \(k)") }
    guard k <= features.count else {
      throw ModelError.invalidHyperparameter("k-NN k = \(k) exceeds the \(features.count) training samples")
    }
    width = features[0].count
    train = features.flatMap { $0 }
    self.labels = labels
    self.classCount = classCount
  }

  /// Vote fractions per class.
  public func scores(_ features: [[Double]]) throws -> [[Double]] {
    guard classCount > 0 else { throw ModelError.notFitted }
    try _validateRows(features, width: width, model: "k-NN")
    let search = _NearestNeighbourSearch(train: train, width: width, k: k)
    try Cancellation.check()
    return try features.map { row in
      try Cancellation.check()
      let nearest = search.neighbours(of: row)
      var votes = [Double](repeating: 0, count: classCount)
      for t in nearest { votes[labels[t]] += 1 }
      return votes.map { $0 / Double(k) }
    }
  }
}
