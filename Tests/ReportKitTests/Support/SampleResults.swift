import ClaimSpec
import Foundation

/// A small, fully specified result set for page tests: one supported claim with every section,
/// one refuted claim with missing facts and a hostile hypothesis.
enum SampleResults {
  static let hostile = "<script>alert(1)</script> & \"quoted\" 'single' &amp;"

  static func interval(_ mean: Double, _ half: Double) -> IntervalSummary {
    IntervalSummary(mean: mean, std: half / 2, low: mean - half, high: mean + half, confidence: 0.95, method: "student-t")
  }

  static func manifest(_ seconds: Double) -> RunManifest {
    RunManifest(specHash: "sha256:abc123", qliftVersion: "0.1.0", gitCommit: "c6a1f8a", seeds: [1, 2, 3],
                machine: "linux x86_64, 2 cores", started: "2026-11-25T10:00:00Z", finished: "2026-11-25T10:00:08Z",
                seconds: seconds)
  }

  static var supported: ClaimResult {
    let facts = ClaimFacts(encoding: "zz (reps 2, linear)", backend: "ideal: statevector; heron: device ibm-heron-r2",
                           shots: "exact; 4096", baseline: "svm_rbf, logistic_regression", runtime: "bound 120 s; took 8.1 s")
    let dataset = DatasetSummary(
      source: "adhoc", samples: 200, trainSamples: 140, testSamples: 60, features: ["x0", "x1"], classes: ["A", "B"],
      preprocessing: ["standardize", "scale [0, pi]"],
      scatter: [ScatterPoint(x: 0, y: 0, label: 0), ScatterPoint(x: 1, y: 1, label: 1), ScatterPoint(x: 2, y: 0.5, label: 0)],
      scatterAxes: ["x0", "x1"])
    return ClaimResult(
      claim: "adhoc-zz", title: "ZZ kernel beats RBF", hypothesis: "A ZZ kernel beats a tuned RBF SVM by 10 points.",
      specFile: "specs/adhoc.yaml", facts: facts, dataset: dataset, metric: "balanced_accuracy", seeds: [1, 2, 3],
      baselines: [
        BaselineResult(model: "svm_rbf", chosen: [["C": "10", "gamma": "scale"], ["C": "10", "gamma": "scale"], ["C": "1", "gamma": "0.1"]],
                       cvScore: [0.70, 0.72, 0.71], test: [0.70, 0.72, 0.74], summary: interval(0.72, 0.03), seconds: 0.4),
        BaselineResult(model: "logistic_regression", chosen: [["C": "1"]], cvScore: [0.6], test: [0.6],
                       summary: interval(0.6, 0.05), seconds: 0.1),
      ],
      bestBaseline: "svm_rbf",
      models: [
        ModelResult(id: "zz-kernel", kind: "kernel", description: "zz reps 2", backends: [
          BackendScore(backend: "ideal", test: [0.9, 0.92, 0.88], summary: interval(0.9, 0.02)),
          BackendScore(backend: "heron", test: [0.84, 0.86, 0.85], summary: interval(0.85, 0.03)),
        ]),
      ],
      lifts: [
        LiftResult(backend: "ideal", model: "zz-kernel", perSeed: [0.2, 0.2, 0.14], summary: interval(0.18, 0.04),
                   threshold: 0.1, pValue: 0.004, verdict: .supported),
        LiftResult(backend: "heron", model: "zz-kernel", perSeed: [0.14, 0.14, 0.11], summary: interval(0.13, 0.02),
                   threshold: 0.1, pValue: 0.01, verdict: .supported),
      ],
      costs: [
        CostRecord(model: "zz-kernel", backend: "ideal", qubits: 2, depth: 10, twoQubitGates: 4, routedDepth: 10,
                   routedTwoQubitGates: 4, encodingDepth: 10, encodingTwoQubitGates: 4, executions: 29_400, shots: 0,
                   cloudUsd: 0, queueSeconds: 0, seconds: 1.2),
        CostRecord(model: "zz-kernel", backend: "heron", qubits: 2, depth: 10, twoQubitGates: 4, routedDepth: 14,
                   routedTwoQubitGates: 6, encodingDepth: 10, encodingTwoQubitGates: 4, executions: 29_400,
                   shots: 120_422_400, cloudUsd: 12.4, queueSeconds: 30, seconds: 5.5),
      ],
      costChecks: [BoundCheck(name: "max_qubits", limit: 8, actual: 2, held: true)],
      verdict: .supported, expected: .supported, reasons: ["Lift clears 0.10 on ideal and heron."],
      fallback: "svm_rbf",
      diagnostics: [DiagnosticRecord(name: "kernel_concentration", model: "zz-kernel", value: 0.012,
                                     reading: "Off-diagonal variance is healthy: no exponential concentration.")],
      curves: [TrainingCurve(model: "hea", backend: "ideal", seed: 1, loss: [1.0, 0.5, 0.25], accuracy: [0.5, 0.7, 0.8])],
      kernel: KernelSnapshot(model: "zz-kernel", backend: "ideal", labels: [0, 1], values: [[1, 0.2], [0.2, 1]]),
      regressions: [RegressionCheck(name: "lift ideal", accepted: 0.2, actual: 0.18, tolerance: 0.03, tripped: false)],
      manifest: manifest(8.1))
  }

  static var refuted: ClaimResult {
    let facts = ClaimFacts(encoding: "angle", backend: "ideal", shots: nil, baseline: "knn", runtime: "")
    let dataset = DatasetSummary(source: "data/iris.csv", samples: 150, trainSamples: 105, testSamples: 45,
                                 features: [], classes: [], preprocessing: [], scatter: [], scatterAxes: [])
    return ClaimResult(
      claim: "iris_vqc.v2", title: "VQC \"beats\" kNN & friends", hypothesis: hostile, specFile: "specs/iris.yaml",
      facts: facts, dataset: dataset, metric: "accuracy", seeds: [1], verdict: .refuted, expected: .supported,
      reasons: ["Lift upper bound -0.02 is below 0.05."], warnings: ["seed 1: <b>diverged</b>"],
      manifest: manifest(130))
  }

  static var history: [HistoryEntry] {
    [
      HistoryEntry(claim: "adhoc-zz", date: "2026-11-20T10:00:00Z", verdict: .supported, lift: ["ideal": 0.2, "heron": 0.15], gitCommit: "a"),
      HistoryEntry(claim: "adhoc-zz", date: "2026-11-25T10:00:00Z", verdict: .supported, lift: ["ideal": 0.18, "heron": 0.13], gitCommit: "b"),
      HistoryEntry(claim: "other", date: "2026-11-21T10:00:00Z", verdict: .refuted, lift: ["ideal": 0.0], gitCommit: nil),
    ]
  }

  /// A fresh empty temporary folder.
  static func temporaryFolder(_ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("qlift-reportkit-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Every file under `folder`, relative paths, sorted.
  static func files(under folder: URL) -> [String] {
    let e = FileManager.default.enumerator(atPath: folder.path)
    var out: [String] = []
    while let p = e?.nextObject() as? String { out.append(p) }
    return out.sorted()
  }
}
