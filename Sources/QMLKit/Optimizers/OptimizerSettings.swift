/// The optimizer a variational model trains with, as named in specs.
public enum OptimizerSettings: Sendable, Equatable {
  /// Adam with this learning rate.
  case adam(learningRate: Double)
  /// SGD with momentum.
  case sgd(learningRate: Double, momentum: Double)
  /// SPSA (gradient-free, two evaluations per step).
  case spsa(a: Double, c: Double)
  /// Nelder–Mead (gradient-free).
  case nelderMead(initialStep: Double)

  /// True for optimizers that need gradients.
  public var usesGradient: Bool {
    switch self {
    case .adam, .sgd: return true
    case .spsa, .nelderMead: return false
    }
  }

  /// A short label for reports.
  public var label: String {
    switch self {
    case .adam(let lr): return "adam(lr=\(lr))"
    case .sgd(let lr, let m): return "sgd(lr=\(lr), momentum=\(m))"
    case .spsa(let a, let c): return "spsa(a=\(a), c=\(c))"
    case .nelderMead(let s): return "nelder_mead(step=\(s))"
    }
  }
}
