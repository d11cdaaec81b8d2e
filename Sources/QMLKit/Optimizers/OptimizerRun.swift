/// One training run's optimizer state, built from `OptimizerSettings`: the single place the
/// trained quantum models (variational, re-uploading, hybrid, variational regressor) step their
/// parameters, gradient-based or not.
public struct OptimizerRun: Sendable {
  private enum State: Sendable {
    case adam(Adam)
    case sgd(MomentumSGD)
    case spsa(SPSA)
    case nelderMead(NelderMead)
  }

  private var state: State

  /// The optimizer `settings` names; SPSA's perturbations are drawn from `seed &+ 17`.
  public init(_ settings: OptimizerSettings, seed: UInt64) {
    switch settings {
    case .adam(let lr): state = .adam(Adam(learningRate: lr))
    case .sgd(let lr, let m): state = .sgd(MomentumSGD(learningRate: lr, momentum: m))
    case .spsa(let a, let c): state = .spsa(SPSA(a: a, c: c, seed: seed &+ 17))
    case .nelderMead(let s): state = .nelderMead(NelderMead(initialStep: s))
    }
  }

  /// One step from `x`: by `gradient` for Adam and SGD, by calls of `loss` for SPSA and
  /// Nelder–Mead (which ignore `gradient`).
  public mutating func step(_ x: inout [Double], gradient: [Double], loss: ([Double]) throws -> Double) throws {
    switch state {
    case .adam(var o): o.step(&x, gradient: gradient); state = .adam(o)
    case .sgd(var o): o.step(&x, gradient: gradient); state = .sgd(o)
    case .spsa(var o): try o.step(&x, loss: loss); state = .spsa(o)
    case .nelderMead(var o): try o.step(&x, loss: loss); state = .nelderMead(o)
    }
  }
}

/// The stopping rule every trained quantum model shares: stop when the training loss has not
/// fallen by `tolerance` (relative, at least absolute) for `patience` iterations in a row.
public struct LossPlateau: Sendable {
  /// Relative drop that counts as progress (0 turns the rule off).
  public var tolerance: Double
  /// Iterations without progress before stopping.
  public var patience: Int
  private var best = Double.infinity
  private var since = 0

  /// A rule with the given tolerance and patience.
  public init(tolerance: Double, patience: Int) { self.tolerance = tolerance; self.patience = patience }

  /// Records an iteration's training loss; true when training should stop now.
  public mutating func record(_ loss: Double) -> Bool {
    if loss < best - tolerance * max(1, abs(best.isFinite ? best : loss)) {
      best = loss
      since = 0
    } else {
      since += 1
    }
    return tolerance > 0 && since >= patience
  }
}
