/// Test-set predictions of a regression claim's first seed, for the report's predicted-against-true
/// chart (`predictions` in the results JSON).
public struct RegressionPredictions: Codable, Sendable, Equatable {
  /// The seed they come from (the claim's first).
  public var seed: Int
  /// True targets of the test split (at most `maxPoints`, in test order).
  public var yTrue: [Double]
  /// Predictions of the same rows: the lift model on each backend, then the best baseline.
  public var series: [PredictionSeries]

  /// Most points kept (the first ones of the test split).
  public static let maxPoints = 500

  /// Creates the record.
  public init(seed: Int, yTrue: [Double], series: [PredictionSeries]) {
    self.seed = seed; self.yTrue = yTrue; self.series = series
  }
}

/// One model's test-set predictions (`predictions.series[]`).
public struct PredictionSeries: Codable, Sendable, Equatable {
  /// Quantum model id or baseline id.
  public var model: String
  /// The backend of a quantum model; nil for a baseline.
  public var backend: String?
  /// `quantum` or `baseline`.
  public var role: String
  /// Predicted targets, one per `yTrue` entry.
  public var yPred: [Double]

  /// Creates the record.
  public init(model: String, backend: String?, role: String, yPred: [Double]) {
    self.model = model; self.backend = backend; self.role = role; self.yPred = yPred
  }
}
