import ClaimRunner
import ClaimSpec
import Foundation

/// Small specs written to a temporary folder, run through the real loader and runner.
enum SpecFixtures {
  /// A fresh temporary project folder with a `specs/` subfolder.
  static func project() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-runner-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("specs"), withIntermediateDirectories: true)
    return dir
  }

  /// Writes `yaml` as specs/<name>.yaml and loads it.
  static func claim(_ yaml: String, name: String, in project: URL) throws -> Claim {
    let url = project.appendingPathComponent("specs/\(name).yaml")
    try yaml.write(to: url, atomically: true, encoding: .utf8)
    return try SpecLoader.load(contentsOf: url, displayPath: url.path)
  }

  /// Runs claims with a suite runner writing into `project/reports`.
  static func run(_ claims: [Claim], in project: URL, fresh: Bool = true) throws -> [ClaimResult] {
    let options = SuiteOptions(out: project.appendingPathComponent("reports"), jobs: 2, fresh: fresh, progress: false)
    return try SuiteRunner(options: options).run(claims, devices: [:])
  }

  /// A kernel claim on a generated data set.
  static func kernelSpec(
    id: String, generator: String, params: String, samples: Int, map: String, minLift: Double,
    expect: String, seeds: String = "[1, 2, 3]", cost: String = "{max_qubits: 8, max_runtime_seconds: 600}",
    baselines: String = "[{model: svm_rbf, grid: {C: [0.1, 1, 10, 100], gamma: [scale, 0.1, 1]}}, {model: logistic_regression, grid: {C: [0.1, 1, 10]}}]",
    preprocess: String = "[]"
  ) -> String {
    """
    claim: \(id)
    title: test claim \(id)
    hypothesis: a test hypothesis
    dataset:
      generator: \(generator)
      params: \(params)
      samples: \(samples)
      test_fraction: 0.3
      preprocess: \(preprocess)
    quantum:
      - id: qk
        kind: kernel
        encoding: {map: \(map), reps: 2, entanglement: linear}
        svm: {C: [0.1, 1, 10]}
    baselines: \(baselines)
    backends:
      - {id: ideal, simulator: statevector, shots: exact}
    seeds: \(seeds)
    criteria:
      metric: balanced_accuracy
      lift: {min: \(minLift), over: best_baseline, confidence: 0.95}
      cost: \(cost)
    expect: \(expect)
    """
  }
}
