import Foundation

/// Everything one run of one claim produced: the versioned JSON written to
/// `reports/results/<claim>.json`, from which every report page is rendered.
/// Keys are snake_case on disk (see `ResultsCoding`); the format is documented in docs/RESULTS.md.
public struct ClaimResult: Codable, Sendable, Equatable {
  /// Version of this JSON format; bumped on any incompatible change.
  public var formatVersion: Int = ClaimResult.currentFormatVersion
  /// The claim id from the spec.
  public var claim: String
  /// One-line title.
  public var title: String
  /// The hypothesis text as written.
  public var hypothesis: String
  /// Spec path relative to the project folder.
  public var specFile: String
  /// The five facts every claim must report (nil where the spec omits one).
  public var facts: ClaimFacts
  /// What data the claim ran on.
  public var dataset: DatasetSummary
  /// The headline metric name (e.g. balanced_accuracy, rmse, kl).
  public var metric: String
  /// The claim's task when it is not `classification` (`regression`, `generative`); absent = classification.
  public var task: String?
  /// Test-set predictions of the first seed (regression claims), for the predicted-against-true chart.
  public var predictions: RegressionPredictions?
  /// Target and model distributions of the first seed (generative claims), for the histogram.
  public var generative: GenerativeDistributions?
  /// Seeds run.
  public var seeds: [Int]
  /// Classical baselines, each tuned by cross-validation on the training split.
  public var baselines: [BaselineResult]
  /// The baseline chosen by cross-validation score (never by test score), per seed majority.
  public var bestBaseline: String
  /// Quantum models with their scores per backend.
  public var models: [ModelResult]
  /// Quantum lift over the reference baseline on every backend (`decisive` marks those named in the criteria).
  public var lifts: [LiftResult]
  /// Cost of each quantum model on each backend.
  public var costs: [CostRecord]
  /// Each cost bound of the criteria, checked.
  public var costChecks: [BoundCheck]
  /// The verdict the evidence gives.
  public var verdict: Verdict { didSet { settle() } }
  /// The verdict the spec expects.
  public var expected: Verdict { didSet { settle() } }
  /// True when the build should pass on this claim (verdict as expected, no regression tripped):
  /// derived from `verdict`, `expected` and `regressions` whenever one changes, never set.
  public private(set) var passed: Bool
  /// Plain sentences explaining the verdict (regressions are in `regressions`; `allReasons`
  /// adds their sentences).
  public var reasons: [String]
  /// Which classical model to serve when the quantum path does not clear the bar.
  public var fallback: String?
  /// Diagnostics that tell a doomed claim early.
  public var diagnostics: [DiagnosticRecord]
  /// Training curves of variational models (first seed).
  public var curves: [TrainingCurve]
  /// A kernel matrix of the first seed (or nil), small enough to draw.
  public var kernel: KernelSnapshot?
  /// Headline numbers compared with the accepted snapshot.
  public var regressions: [RegressionCheck] { didSet { settle() } }
  /// Problems with individual models or seeds (NaN, non-convergence), reported not hidden.
  public var warnings: [String]
  /// How to reproduce this result.
  public var manifest: RunManifest
  /// How the verdict was inferred: interval method, multiple-test correction, claim type.
  public var inference: InferenceSummary?
  /// The baseline chosen by cross-validation score in each seed (in seed order).
  public var bestBaselinePerSeed: [String]?
  /// Set when the claim's design changed after its results were seen on the seeds it still uses
  /// (compared with its accepted snapshot at every run): "changed after its results were seen ...".
  public var designWarning: String?
  /// Set when the claim could not run because its inputs were refused at run time (data,
  /// imported counts, resources): the located message (`file:line:col: error: field: ...`); the
  /// verdict is then `error` and nothing was measured.
  public var inputError: String?

  /// The format version this build writes.
  public static let currentFormatVersion = 1

  /// Creates a result; collections default to empty.
  public init(
    claim: String, title: String, hypothesis: String, specFile: String, facts: ClaimFacts,
    dataset: DatasetSummary, metric: String, seeds: [Int], baselines: [BaselineResult] = [],
    bestBaseline: String = "", models: [ModelResult] = [], lifts: [LiftResult] = [],
    costs: [CostRecord] = [], costChecks: [BoundCheck] = [], verdict: Verdict, expected: Verdict,
    reasons: [String] = [], fallback: String? = nil, diagnostics: [DiagnosticRecord] = [],
    curves: [TrainingCurve] = [], kernel: KernelSnapshot? = nil, regressions: [RegressionCheck] = [],
    warnings: [String] = [], manifest: RunManifest
  ) {
    self.claim = claim; self.title = title; self.hypothesis = hypothesis; self.specFile = specFile
    self.facts = facts; self.dataset = dataset; self.metric = metric; self.seeds = seeds
    self.baselines = baselines; self.bestBaseline = bestBaseline; self.models = models
    self.lifts = lifts; self.costs = costs; self.costChecks = costChecks; self.verdict = verdict
    self.expected = expected; self.passed = false; self.reasons = reasons; self.fallback = fallback
    self.diagnostics = diagnostics; self.curves = curves; self.kernel = kernel
    self.regressions = regressions; self.warnings = warnings; self.manifest = manifest
    settle()
  }

  /// Whether the build passes on this result: the verdict is the expected one and no regression
  /// tripped.
  public static func passes(verdict: Verdict, expected: Verdict, regressions: [RegressionCheck]) -> Bool {
    verdict == expected && !regressions.contains(where: \.tripped)
  }

  private mutating func settle() {
    passed = Self.passes(verdict: verdict, expected: expected, regressions: regressions)
  }

  /// The reasons, then one sentence per tripped regression.
  public var allReasons: [String] { reasons + regressions.filter(\.tripped).map(\.sentence) }
}

/// How a claim's verdict was inferred from its per-seed lifts, stated so a reader can check it.
public struct InferenceSummary: Codable, Sendable, Equatable {
  /// The interval method of the lifts: "student-t", "corrected-resampled-t" or "bootstrap".
  public var method: String
  /// The method in one sentence, as the report prints it.
  public var explanation: String
  /// "superiority" (`lift.min` > 0) or "non-inferiority" (`lift.min` <= 0, margin = −min).
  public var comparison: String
  /// The non-inferiority margin (−`lift.min`), nil for a superiority claim.
  public var margin: Double?
  /// Decisive tests in the claim (decisive backends of the lift model); their p-values are
  /// Holm-adjusted and their intervals use the Bonferroni-adjusted confidence.
  public var tests: Int
  /// The confidence level of each decisive interval: 1 − (1 − confidence)/tests.
  public var intervalConfidence: Double
  /// The verdict as pages and JUnit print it, e.g. "non-inferior (margin 0.030)".
  public var verdictLabel: String
  /// Test size over training size of one split (the variance correction's n_test/n_train; 0 when not used).
  public var testOverTrain: Double

  /// Creates the summary.
  public init(method: String, explanation: String, comparison: String, margin: Double?, tests: Int,
              intervalConfidence: Double, verdictLabel: String, testOverTrain: Double) {
    self.method = method; self.explanation = explanation; self.comparison = comparison; self.margin = margin
    self.tests = tests; self.intervalConfidence = intervalConfidence; self.verdictLabel = verdictLabel
    self.testOverTrain = testOverTrain
  }
}

/// The outcome of a claim: lift and cost criteria met, not met, or undecided.
public enum Verdict: String, Codable, Sendable, CaseIterable {
  /// The lift's lower confidence bound clears the threshold on every named backend and every cost bound holds.
  case supported
  /// The lift's upper bound is below the threshold somewhere, or a cost bound fails.
  case refuted
  /// The interval straddles the threshold: more seeds or data are needed.
  case inconclusive
  /// The claim could not be run: its inputs were refused at run time (`input_error`), or a
  /// model failed on every seed.
  case error
}

extension Verdict {
  /// The verdict as a reader sees it: a claim with `lift.min` <= 0 is a non-inferiority claim,
  /// so "supported" reads "non-inferior (margin m)" and "refuted" reads "inferior (beyond margin m)".
  public func label(threshold: Double) -> String {
    guard threshold <= 0 else { return rawValue }
    let m = String(format: "%.3f", threshold == 0 ? 0 : -threshold)
    switch self {
    case .supported: return "non-inferior (margin \(m))"
    case .refuted: return "inferior (beyond margin \(m))"
    case .inconclusive: return "inconclusive (non-inferiority margin \(m))"
    case .error: return "error"
    }
  }

  /// The verdict a spec's `expect` names.
  public init(_ expected: ExpectedVerdict) {
    switch expected {
    case .supported: self = .supported
    case .refuted: self = .refuted
    case .inconclusive: self = .inconclusive
    }
  }
}

extension ClaimResult {
  /// The claim's lift threshold (`lift.min`), from its lifts (nil when it has none).
  public var liftThreshold: Double? { lifts.first?.threshold }
  /// The verdict as pages and JUnit print it ("non-inferior (margin 0.030)" for a non-inferiority claim).
  public var verdictLabel: String { liftThreshold.map { verdict.label(threshold: $0) } ?? verdict.rawValue }
  /// The expected verdict in the same words.
  public var expectedLabel: String { liftThreshold.map { expected.label(threshold: $0) } ?? expected.rawValue }
}

/// The five facts a claim must state: encoding, backend, shots, baseline, runtime.
public struct ClaimFacts: Codable, Sendable, Equatable {
  /// Encodings of the quantum models, e.g. "zz (reps 2, linear)".
  public var encoding: String?
  /// Backends, e.g. "ideal statevector; ibm-heron-r2 (4096 shots)".
  public var backend: String?
  /// Shot counts per backend, e.g. "exact; 1024; 4096".
  public var shots: String?
  /// Baseline models, e.g. "svm_rbf, logistic_regression".
  public var baseline: String?
  /// The runtime bound and the measured runtime, e.g. "bound 120 s; took 8.1 s".
  public var runtime: String?

  /// Creates the facts record.
  public init(encoding: String?, backend: String?, shots: String?, baseline: String?, runtime: String?) {
    self.encoding = encoding; self.backend = backend; self.shots = shots
    self.baseline = baseline; self.runtime = runtime
  }

  /// Names of the facts that are missing.
  public var missing: [String] {
    [("encoding", encoding), ("backend", backend), ("shots", shots), ("baseline", baseline), ("runtime", runtime)]
      .filter { $0.1 == nil || $0.1!.isEmpty }.map(\.0)
  }
}

/// What data a claim ran on.
public struct DatasetSummary: Codable, Sendable, Equatable {
  /// Generator name or CSV path.
  public var source: String
  /// Total samples.
  public var samples: Int
  /// Training samples per seed.
  public var trainSamples: Int
  /// Test samples per seed.
  public var testSamples: Int
  /// Feature names after preprocessing.
  public var features: [String]
  /// Class names.
  public var classes: [String]
  /// Preprocessing steps in order, e.g. ["standardize", "pca 4", "scale [0, pi]"].
  public var preprocessing: [String]
  /// Up to a few hundred points of the first two features (or PCA components) for a scatter plot.
  public var scatter: [ScatterPoint]
  /// Axis names of the scatter.
  public var scatterAxes: [String]

  /// Creates the summary.
  public init(source: String, samples: Int, trainSamples: Int, testSamples: Int, features: [String],
              classes: [String], preprocessing: [String], scatter: [ScatterPoint], scatterAxes: [String]) {
    self.source = source; self.samples = samples; self.trainSamples = trainSamples
    self.testSamples = testSamples; self.features = features; self.classes = classes
    self.preprocessing = preprocessing; self.scatter = scatter; self.scatterAxes = scatterAxes
  }
}

/// One point of the dataset scatter plot.
public struct ScatterPoint: Codable, Sendable, Equatable {
  /// Horizontal coordinate.
  public var x: Double
  /// Vertical coordinate.
  public var y: Double
  /// Class index.
  public var label: Int
  /// Creates a point.
  public init(x: Double, y: Double, label: Int) { self.x = x; self.y = y; self.label = label }
}

/// A mean with its confidence interval across seeds.
public struct IntervalSummary: Codable, Sendable, Equatable {
  /// Mean over seeds.
  public var mean: Double
  /// Sample standard deviation over seeds (0 for one seed).
  public var std: Double
  /// Lower bound of the interval.
  public var low: Double
  /// Upper bound of the interval.
  public var high: Double
  /// Confidence level, e.g. 0.95.
  public var confidence: Double
  /// How the interval was computed: "student-t" (paired t, every seed draws fresh data),
  /// "corrected-resampled-t" (Nadeau and Bengio 2003, seeds re-split one finite data set) or "bootstrap".
  public var method: String
  /// True when a bound was cut to the metric's range (e.g. balanced accuracy at most 1).
  public var clipped: Bool?
  /// Creates the summary.
  public init(mean: Double, std: Double, low: Double, high: Double, confidence: Double, method: String, clipped: Bool? = nil) {
    self.mean = mean; self.std = std; self.low = low; self.high = high
    self.confidence = confidence; self.method = method; self.clipped = clipped
  }
}

/// A tuned classical baseline's results.
public struct BaselineResult: Codable, Sendable, Equatable {
  /// Model name as in the spec, e.g. svm_rbf.
  public var model: String
  /// Chosen hyperparameters per seed, e.g. {"C": "10", "gamma": "scale"}.
  public var chosen: [[String: String]]
  /// Mean cross-validation score per seed (the selection criterion).
  public var cvScore: [Double]
  /// Test metric per seed.
  public var test: [Double]
  /// Test metric across seeds.
  public var summary: IntervalSummary
  /// Fit and tuning time, seconds, summed over seeds.
  public var seconds: Double
  /// The feature scaling in front of the model (`standard` or `none`).
  public var scale: String?
  /// How much tuning the baseline got (configurations, folds, seconds).
  public var tuning: TuningBudget?
  /// Creates the record.
  public init(model: String, chosen: [[String: String]], cvScore: [Double], test: [Double],
              summary: IntervalSummary, seconds: Double) {
    self.model = model; self.chosen = chosen; self.cvScore = cvScore; self.test = test
    self.summary = summary; self.seconds = seconds
  }
}

/// How much hyperparameter tuning a model got: equal budgets are part of a fair comparison.
public struct TuningBudget: Codable, Sendable, Equatable {
  /// Configurations compared by cross-validation (1 when nothing was tuned).
  public var configurations: Int
  /// Cross-validation folds (0 when nothing was tuned).
  public var folds: Int
  /// Tuning, refit and test time summed over seeds, seconds.
  public var seconds: Double
  /// Creates the record.
  public init(configurations: Int, folds: Int, seconds: Double) {
    self.configurations = configurations; self.folds = folds; self.seconds = seconds
  }
}

/// A quantum model's results on every backend.
public struct ModelResult: Codable, Sendable, Equatable {
  /// Model id from the spec.
  public var id: String
  /// kernel, projected_kernel, variational, hybrid or reuploading.
  public var kind: String
  /// A one-line description: encoding, ansatz, training.
  public var description: String
  /// Scores per backend.
  public var backends: [BackendScore]
  /// Set on the classical control the runner adds for a hybrid model: that model's id (the
  /// control's `id` is `<hybrid id>-identity`, its kind `hybrid`).
  public var controlOf: String?
  /// Creates the record.
  public init(id: String, kind: String, description: String, backends: [BackendScore]) {
    self.id = id; self.kind = kind; self.description = description; self.backends = backends
  }
}

/// A model's test metric on one backend across seeds.
public struct BackendScore: Codable, Sendable, Equatable {
  /// Backend id from the spec.
  public var backend: String
  /// Test metric per seed (NaN-free: failed seeds are listed in `failedSeeds`).
  public var test: [Double]
  /// Test metric across seeds.
  public var summary: IntervalSummary
  /// Seeds on which the model failed (diverged, NaN), with the reason in the result's warnings.
  public var failedSeeds: [Int]
  /// Chosen hyperparameters per seed (e.g. {"C": "10", "alpha": "0.5"}).
  public var chosen: [[String: String]]?
  /// How much tuning the model got on this backend (configurations, folds, seconds).
  public var tuning: TuningBudget?
  /// Seeds on which a variational model hit its iteration limit with the loss still falling.
  public var notConvergedSeeds: [Int]?
  /// Creates the record.
  public init(backend: String, test: [Double], summary: IntervalSummary, failedSeeds: [Int] = []) {
    self.backend = backend; self.test = test; self.summary = summary; self.failedSeeds = failedSeeds
  }
}

/// The lift of the best quantum model over the best baseline on one backend.
public struct LiftResult: Codable, Sendable, Equatable {
  /// Backend id.
  public var backend: String
  /// The quantum model that gave the lift (the best by mean on this backend).
  public var model: String
  /// Lift per seed (quantum minus baseline, paired by seed).
  public var perSeed: [Double]
  /// Lift across seeds with its interval.
  public var summary: IntervalSummary
  /// The threshold `lift.min`.
  public var threshold: Double
  /// One-sided p-value of the test of H0 "mean lift <= threshold" against "mean lift > threshold"
  /// (the claim's direction), by the same t statistic as the interval (corrected for re-split data).
  public var pValue: Double
  /// Holm-adjusted `pValue` over the claim's decisive tests (equal to `pValue` for one test); nil when not decisive.
  public var pValueHolm: Double?
  /// Why the verdict is inconclusive although the interval may not straddle the threshold (too few seeds, no spread).
  public var inconclusiveReason: String?
  /// For an inconclusive lift: about how many seeds, at the observed mean and spread, would put the
  /// interval wholly on one side of the threshold; nil when no number up to 1000 would.
  public var seedsNeeded: Int?
  /// For an inconclusive lift: the power estimate in words.
  public var powerNote: String?
  /// What the lift is over, e.g. "the best baseline by cross-validation" or "baseline svm_rbf".
  public var reference: String?
  /// The reference score per seed (quantum score minus it, or it minus a loss, is `perSeed`).
  public var referenceScores: [Double]?
  /// supported / refuted / inconclusive on this backend.
  public var verdict: Verdict
  /// True when the backend is named in `criteria.lift.on`, so its verdict decides the claim;
  /// lifts on other backends are reported (e.g. how the lift shrinks under noise) but not decisive.
  public var decisive: Bool
  /// Creates the record.
  public init(backend: String, model: String, perSeed: [Double], summary: IntervalSummary,
              threshold: Double, pValue: Double, verdict: Verdict, decisive: Bool = true) {
    self.backend = backend; self.model = model; self.perSeed = perSeed; self.summary = summary
    self.threshold = threshold; self.pValue = pValue; self.verdict = verdict; self.decisive = decisive
  }

  /// The p-value a reader should compare with the significance level: Holm-adjusted when decisive.
  public var reportedPValue: Double { pValueHolm ?? pValue }
}

/// Cost counters of one quantum model on one backend.
public struct CostRecord: Codable, Sendable, Equatable {
  /// Model id.
  public var model: String
  /// Backend id.
  public var backend: String
  /// Qubits used.
  public var qubits: Int
  /// Circuit depth before routing.
  public var depth: Int
  /// Two-qubit gates before routing.
  public var twoQubitGates: Int
  /// Depth after routing to the device (equal to `depth` without a device).
  public var routedDepth: Int
  /// Two-qubit gates after routing.
  public var routedTwoQubitGates: Int
  /// Depth of the data-loading (encoding) part.
  public var encodingDepth: Int
  /// Two-qubit gates of the encoding part.
  public var encodingTwoQubitGates: Int
  /// Circuit executions (distinct circuits run) over all seeds.
  public var executions: Double
  /// Total shots over all seeds (0 for exact simulation).
  public var shots: Double
  /// Projected cloud price on the device profile, USD (0 without prices).
  public var cloudUsd: Double
  /// Projected queue time, seconds.
  public var queueSeconds: Double
  /// Simulated wall-clock, seconds.
  public var seconds: Double
  /// Depth of the circuit compiled to the device's native gates (virtual Z included, as Qiskit
  /// counts it); nil without a device compiler. The cost criteria use it when present.
  public var nativeDepth: Int?
  /// Native two-qubit gates (cz, or zz on IonQ) of the compiled circuit; nil without a device.
  public var nativeTwoQubitGates: Int?
  /// Native single-qubit gates of the compiled circuit (virtual Z included); nil without a device.
  public var nativeOneQubitGates: Int?
  /// SWAPs the router inserted on the device's coupling map; nil without a device.
  public var swaps: Int?
  /// Projected QPU time, seconds: shots × (the compiled circuit's schedule length + the
  /// profile's repetition delay) + executions × its per-job overhead where known; nil where the
  /// profile has no repetition delay or gate times (unknown, never 0).
  public var qpuSeconds: Double?
  /// The backend's error mitigation (`readout`, `zne`, `readout+zne`); nil without.
  public var mitigation: String?
  /// Depth of the deepest circuit executed under zero-noise extrapolation (the scale-5 fold of
  /// the compiled circuit, or of the routed one without a device); nil without ZNE. The cost
  /// criteria use it when present.
  public var zneDepth: Int?
  /// Two-qubit gates of that scale-5 fold; nil without ZNE.
  public var zneTwoQubitGates: Int?
  /// True when the backend runs and bills the train-kernel diagonal (`measure_diagonal`); nil otherwise.
  public var measureDiagonal: Bool?
  /// Creates the record.
  public init(model: String, backend: String, qubits: Int, depth: Int, twoQubitGates: Int,
              routedDepth: Int, routedTwoQubitGates: Int, encodingDepth: Int, encodingTwoQubitGates: Int,
              executions: Double, shots: Double, cloudUsd: Double, queueSeconds: Double, seconds: Double,
              nativeDepth: Int? = nil, nativeTwoQubitGates: Int? = nil, nativeOneQubitGates: Int? = nil,
              swaps: Int? = nil) {
    self.nativeDepth = nativeDepth; self.nativeTwoQubitGates = nativeTwoQubitGates
    self.nativeOneQubitGates = nativeOneQubitGates; self.swaps = swaps
    self.model = model; self.backend = backend; self.qubits = qubits; self.depth = depth
    self.twoQubitGates = twoQubitGates; self.routedDepth = routedDepth
    self.routedTwoQubitGates = routedTwoQubitGates; self.encodingDepth = encodingDepth
    self.encodingTwoQubitGates = encodingTwoQubitGates; self.executions = executions
    self.shots = shots; self.cloudUsd = cloudUsd; self.queueSeconds = queueSeconds; self.seconds = seconds
  }
}

/// One bound of the criteria checked against its measured value.
public struct BoundCheck: Codable, Sendable, Equatable {
  /// The bound's key, e.g. max_depth.
  public var name: String
  /// The limit.
  public var limit: Double
  /// The measured value (the worst over models and backends).
  public var actual: Double
  /// Whether it held.
  public var held: Bool
  /// Creates the record.
  public init(name: String, limit: Double, actual: Double, held: Bool) {
    self.name = name; self.limit = limit; self.actual = actual; self.held = held
  }
}

/// A diagnostic value with a plain reading of what it means.
public struct DiagnosticRecord: Codable, Sendable, Equatable {
  /// e.g. gradient_variance, kernel_concentration, kernel_target_alignment, geometric_difference.
  public var name: String
  /// Model id.
  public var model: String
  /// The value.
  public var value: Double
  /// One line on what the value means for the claim.
  public var reading: String
  /// The backend whose kernel it was computed from (kernel diagnostics); nil for diagnostics
  /// of the model itself (simulability, gradient variance) and in results written before.
  public var backend: String?
  /// Creates the record.
  public init(name: String, model: String, value: Double, reading: String, backend: String? = nil) {
    self.name = name; self.model = model; self.value = value; self.reading = reading; self.backend = backend
  }
}

/// Loss and accuracy per iteration of a variational model's training.
public struct TrainingCurve: Codable, Sendable, Equatable {
  /// Model id.
  public var model: String
  /// Backend id.
  public var backend: String
  /// Seed.
  public var seed: Int
  /// Loss per iteration.
  public var loss: [Double]
  /// Training accuracy per iteration.
  public var accuracy: [Double]
  /// Creates the record.
  public init(model: String, backend: String, seed: Int, loss: [Double], accuracy: [Double]) {
    self.model = model; self.backend = backend; self.seed = seed; self.loss = loss; self.accuracy = accuracy
  }
}

/// A (possibly subsampled) training kernel matrix, rows ordered by class, for a heatmap.
public struct KernelSnapshot: Codable, Sendable, Equatable {
  /// Model id.
  public var model: String
  /// Backend id.
  public var backend: String
  /// Labels of the rows/columns.
  public var labels: [Int]
  /// The matrix entries, row-major nested.
  public var values: [[Double]]
  /// Creates the record.
  public init(model: String, backend: String, labels: [Int], values: [[Double]]) {
    self.model = model; self.backend = backend; self.labels = labels; self.values = values
  }
}

/// A headline number compared with the accepted snapshot.
public struct RegressionCheck: Codable, Sendable, Equatable {
  /// What moved, e.g. "lift ideal" or "cost max_depth".
  public var name: String
  /// The accepted value.
  public var accepted: Double
  /// Today's value.
  public var actual: Double
  /// The allowed movement.
  public var tolerance: Double
  /// True when the movement is past the tolerance in the bad direction.
  public var tripped: Bool
  /// Creates the record.
  public init(name: String, accepted: Double, actual: Double, tolerance: Double, tripped: Bool) {
    self.name = name; self.accepted = accepted; self.actual = actual; self.tolerance = tolerance
    self.tripped = tripped
  }

  /// The check as a sentence: "Regressed: lift ideal moved from 0.2 to 0 (tolerance 0.03)."
  public var sentence: String {
    func text(_ x: Double) -> String {
      if x.isNaN { return "nan" }
      if x == x.rounded() && abs(x) < 1e9 { return String(Int(x)) }
      return String(format: "%.4g", x)
    }
    return "Regressed: \(name) moved from \(text(accepted)) to \(text(actual)) (tolerance \(text(tolerance)))."
  }
}

/// How a result was produced, so anyone can reproduce it.
public struct RunManifest: Codable, Sendable, Equatable {
  /// SHA-256 of the spec file and its data files.
  public var specHash: String
  /// qlift version.
  public var qliftVersion: String
  /// Git commit of the project, if known.
  public var gitCommit: String?
  /// Seeds.
  public var seeds: [Int]
  /// Machine description (OS, cores, memory).
  public var machine: String
  /// Start time, ISO 8601.
  public var started: String
  /// End time, ISO 8601.
  public var finished: String
  /// Wall-clock seconds for the whole claim.
  public var seconds: Double
  /// True when the result came from the cache.
  public var cached: Bool
  /// The cache key the result was computed under: spec hash, qlift build, imported counts.
  public var cacheKey: String?
  /// Creates the manifest.
  public init(specHash: String, qliftVersion: String, gitCommit: String?, seeds: [Int], machine: String,
              started: String, finished: String, seconds: Double, cached: Bool = false) {
    self.specHash = specHash; self.qliftVersion = qliftVersion; self.gitCommit = gitCommit
    self.seeds = seeds; self.machine = machine; self.started = started; self.finished = finished
    self.seconds = seconds; self.cached = cached
  }
}

/// One line of `reports/history.jsonl`: a claim's headline after a run.
public struct HistoryEntry: Codable, Sendable, Equatable {
  /// Claim id.
  public var claim: String
  /// Finish time, ISO 8601.
  public var date: String
  /// Verdict.
  public var verdict: Verdict
  /// Mean lift per backend.
  public var lift: [String: Double]
  /// Git commit, if known.
  public var gitCommit: String?
  /// The lift's confidence interval per backend, `[low, high]` (absent in entries written before it was recorded).
  public var interval: [String: [Double]]?
  /// Creates the entry.
  public init(claim: String, date: String, verdict: Verdict, lift: [String: Double], gitCommit: String?,
              interval: [String: [Double]]? = nil) {
    self.claim = claim; self.date = date; self.verdict = verdict; self.lift = lift; self.gitCommit = gitCommit
    self.interval = interval
  }
}

/// The JSON coders for results files: snake_case keys, sorted and pretty for stable diffs.
public enum ResultsCoding {
  /// Encoder for results, history and snapshots.
  public static func encoder(pretty: Bool = true) -> JSONEncoder {
    let e = JSONEncoder()
    e.keyEncodingStrategy = .convertToSnakeCase
    e.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys] : [.sortedKeys]
    e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return e
  }
  /// Decoder matching `encoder`.
  public static func decoder() -> JSONDecoder {
    let d = JSONDecoder()
    d.keyDecodingStrategy = .convertFromSnakeCase
    d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return d
  }
}
