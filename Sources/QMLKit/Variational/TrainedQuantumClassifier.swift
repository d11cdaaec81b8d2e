/// A quantum classifier trained by an optimizer (variational, re-uploading, hybrid): what the
/// runner reads after a fit besides the scores.
public protocol TrainedQuantumClassifier: Classifier {
  /// Circuit executions and shots used (shared by copies).
  var counter: ExecutionCounter { get }
  /// Loss and accuracy per iteration of the last fit.
  var trainingHistory: [TrainingRecord] { get }
  /// True when the last fit stopped by the convergence rule, false when it ran to the limit.
  var stoppedBeforeLimit: Bool { get }
  /// Called at the start of each training iteration with (iteration, iterations).
  var onIteration: (@Sendable (_ iteration: Int, _ total: Int) -> Void)? { get set }
  /// Error mitigation on a noisy backend (a model that cannot apply it refuses to fit).
  var mitigation: ErrorMitigation { get set }
}
