/// What a claim's models learn (top-level key `task`, default `classification`): it decides the
/// metrics, baselines and model behaviour a spec may use (docs/SPEC.md, "task").
public enum ClaimTask: String, Sendable, Equatable, CaseIterable {
  /// Class labels; metrics accuracy, balanced_accuracy, f1_macro, roc_auc, log_loss.
  case classification
  /// Real targets; metrics rmse, mae, r2.
  case regression
  /// Distributions over bitstrings: quantum circuit Born machines against generative baselines;
  /// metrics kl, mmd, tv (docs/SPEC.md, "task: generative").
  case generative
}
