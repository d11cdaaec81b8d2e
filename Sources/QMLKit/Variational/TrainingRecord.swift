/// One iteration of variational training, kept for the report (`trainingHistory`).
public struct TrainingRecord: Sendable, Equatable, Codable {
  /// 0-based iteration.
  public var iteration: Int
  /// Mean training loss at the start of the iteration.
  public var loss: Double
  /// Training accuracy at the start of the iteration.
  public var accuracy: Double
  /// Validation loss (when early stopping holds out a validation split).
  public var validationLoss: Double?
  /// Validation accuracy.
  public var validationAccuracy: Double?
}
