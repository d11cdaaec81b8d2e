/// What a claim must show: the metric, the lift bar, cost bounds and regression tolerances.
public struct Criteria: Sendable, Equatable {
  /// Headline metric (default balanced_accuracy).
  public var metric: MetricName
  /// The lift bar over the baseline.
  public var lift: LiftCriterion
  /// Cost bounds; nil fields are unbounded.
  public var cost: CostBounds
  /// How far numbers may move against the accepted snapshot.
  public var regression: RegressionTolerance

  /// Creates criteria.
  public init(
    metric: MetricName = .balancedAccuracy, lift: LiftCriterion, cost: CostBounds = CostBounds(),
    regression: RegressionTolerance = RegressionTolerance()
  ) {
    self.metric = metric; self.lift = lift; self.cost = cost; self.regression = regression
  }
}

/// Metric names (`criteria.metric`).
public enum MetricName: String, Sendable, Equatable, CaseIterable {
  /// Fraction correct.
  case accuracy
  /// Mean per-class recall.
  case balancedAccuracy = "balanced_accuracy"
  /// Unweighted mean of per-class F1.
  case f1Macro = "f1_macro"
  /// Area under the ROC curve.
  case rocAUC = "roc_auc"
  /// Log loss (lower is better; lift is baseline minus quantum).
  case logLoss = "log_loss"
  /// Root mean squared error (regression; lower is better, lift is baseline minus quantum).
  case rmse
  /// Mean absolute error (regression; lower is better, lift is baseline minus quantum).
  case mae
  /// Coefficient of determination R² (regression; higher is better).
  case r2
  /// KL(target ‖ model) in nats (generative; lower is better, lift is baseline minus quantum).
  case kl
  /// MMD² to the target (generative; lower is better).
  case mmd
  /// Total variation distance to the target (generative; lower is better).
  case tv

  /// True unless the metric is a loss, an error or a distance (`log_loss`, `rmse`, `mae`, `kl`, `mmd`, `tv`).
  public var higherIsBetter: Bool { self != .logLoss && self != .rmse && self != .mae && !isGenerative }

  /// True for the distances of generative claims (`kl`, `mmd`, `tv`).
  public var isGenerative: Bool { self == .kl || self == .mmd || self == .tv }

  /// The task whose predictions the metric scores.
  public var task: ClaimTask {
    if isGenerative { return .generative }
    return self == .rmse || self == .mae || self == .r2 ? .regression : .classification
  }
}

/// The lift bar (`criteria.lift`).
public struct LiftCriterion: Sendable, Equatable {
  /// Minimum lift the lower confidence bound must clear (may be negative for non-inferiority).
  public var min: Double
  /// What the lift is measured over.
  public var over: LiftReference
  /// The quantum model whose lift decides the claim (`lift.model`; nil = the first listed).
  public var model: String?
  /// Confidence level, 0 < c < 1 (default 0.95).
  public var confidence: Double
  /// Backend ids the bar applies to (default: all backends, in spec order).
  public var on: [String]
  /// Interval method (default student_t).
  public var interval: IntervalMethod

  /// Creates a lift criterion.
  public init(
    min: Double, over: LiftReference = .bestBaseline, model: String? = nil, confidence: Double = 0.95,
    on: [String] = [], interval: IntervalMethod = .studentT
  ) {
    self.min = min; self.over = over; self.model = model; self.confidence = confidence; self.on = on
    self.interval = interval
  }
}

/// What lift is measured over.
public enum LiftReference: Sendable, Equatable {
  /// The baseline with the best cross-validation score (`best_baseline`).
  case bestBaseline
  /// One named baseline (by id; a model name resolves to the baseline's id at load time).
  case baseline(String)
  /// Another quantum model of the claim (by id), for ablations: the same map without entanglers.
  case quantumModel(String)
}

/// Confidence interval methods (`lift.interval`).
public enum IntervalMethod: String, Sendable, Equatable, CaseIterable {
  /// Student-t interval of the mean across seeds.
  case studentT = "student_t"
  /// Percentile bootstrap across seeds.
  case bootstrap
}

/// Cost bounds (`criteria.cost`); nil means unbounded.
public struct CostBounds: Sendable, Equatable {
  /// Maximum qubits of any quantum model.
  public var maxQubits: Int?
  /// Maximum circuit depth (after routing on device backends).
  public var maxDepth: Int?
  /// Maximum two-qubit gates per circuit (after routing).
  public var maxTwoQubitGates: Int?
  /// Maximum total shots across the claim.
  public var maxShots: Double?
  /// Maximum wall-clock seconds of the claim's run.
  public var maxRuntimeSeconds: Double?
  /// Maximum projected cloud price in USD.
  public var maxCloudUSD: Double?
  /// Maximum circuit executions.
  public var maxExecutions: Double?
  /// Maximum QPU seconds on the device backends, summed: shots × (schedule length + repetition
  /// delay) + executions × job overhead, from the device profiles (docs/HARDWARE.md).
  public var maxQPUSeconds: Double?

  /// Creates cost bounds.
  public init(
    maxQubits: Int? = nil, maxDepth: Int? = nil, maxTwoQubitGates: Int? = nil, maxShots: Double? = nil,
    maxRuntimeSeconds: Double? = nil, maxCloudUSD: Double? = nil, maxExecutions: Double? = nil,
    maxQPUSeconds: Double? = nil
  ) {
    self.maxQubits = maxQubits; self.maxDepth = maxDepth; self.maxTwoQubitGates = maxTwoQubitGates
    self.maxShots = maxShots; self.maxRuntimeSeconds = maxRuntimeSeconds; self.maxCloudUSD = maxCloudUSD
    self.maxExecutions = maxExecutions; self.maxQPUSeconds = maxQPUSeconds
  }
}

/// Regression tolerances against the accepted snapshot (`criteria.regression`).
public struct RegressionTolerance: Sendable, Equatable {
  /// Largest allowed drop of a lift, in metric units (default 0.02).
  public var liftDrop: Double
  /// Largest allowed relative rise of a cost figure (default 0.10 = 10%).
  public var costRise: Double

  /// Creates tolerances.
  public init(liftDrop: Double = 0.02, costRise: Double = 0.10) {
    self.liftDrop = liftDrop; self.costRise = costRise
  }
}
