import Foundation
import Testing

/// Issue 17, "bounded work": claims whose classical side or shot count is far beyond any
/// machine, run through the built binary. Each is refused before it starts (exit 2), at the
/// field responsible, with the estimate; none allocates or runs first (its only trace is the
/// claim's `error` record).
@Suite struct HostileWorkTests {
  func spec(samples: Int, baselines: String, backends: String = "[{id: sv, simulator: statevector, shots: exact}]",
            quantum: String? = nil, dataset: String? = nil, runtime: Int = 600) -> String {
    """
    claim: work
    title: t
    hypothesis: h
    dataset: \(dataset ?? "{generator: adhoc, params: {features: 2, gap: 0.3}, samples: \(samples)}")
    quantum: \(quantum ?? "[{id: v, kind: variational, encoding: {map: angle, rotation: ry}, ansatz: {type: hardware_efficient, layers: 1, entanglement: ring, entangler: cz}, readout: {observable: z0}, training: {optimizer: adam, learning_rate: [0.1], iterations: 1, loss: squared}}]")
    baselines: \(baselines)
    backends: \(backends)
    seeds: [1, 2, 3]
    criteria: {lift: {min: 0}, cost: {max_runtime_seconds: \(runtime)}}
    expect: supported
    """
  }

  func run(_ text: String, extraFiles: [String: String] = [:]) throws -> (QliftProcess.Output, Double) {
    let dir = try QliftProcess.project()
    try text.write(to: dir.appendingPathComponent("specs/w.yaml"), atomically: true, encoding: .utf8)
    for (name, body) in extraFiles { try body.write(to: dir.appendingPathComponent("specs/" + name), atomically: true, encoding: .utf8) }
    let start = Date()
    let r = try QliftProcess.run(["run", "specs/w.yaml", "--out", "out", "--jobs", "1", "--no-report"], cwd: dir)
    // A refused claim runs nothing: at most its `error` record (issue 16: recorded, the suite goes on).
    let file = dir.appendingPathComponent("out/results/work.json")
    if fileExists(file) {
      let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
      #expect(json["verdict"] as? String == "error" && json["input_error"] is String, "a refused claim wrote results")
      #expect((json["lifts"] as? [Any])?.isEmpty ?? true)
    }
    return (r, Date().timeIntervalSince(start))
  }

  func fileExists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

  func expectRefused(_ r: QliftProcess.Output, seconds: Double, mentions: [String]) {
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderr.contains("specs/w.yaml:"), "\(r.stderr)")
    for m in mentions { #expect(r.stderr.contains(m), "missing '\(m)' in: \(r.stderr)") }
    #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("internal error"), "\(r.stderr)")
    // Generating the rows for the data checks takes a while on a loaded machine; running would take hours.
    #expect(seconds < 120, "took \(seconds) s: it ran before refusing")
  }

  @Test func aKernelSVMBaselineOn150000SamplesIsRefusedWithItsGramEstimate() throws {
    let (r, t) = try run(spec(samples: 150_000, baselines: "[{model: svm_rbf, grid: {C: [1]}}]"))
    expectRefused(r, seconds: t, mentions: ["baselines[0]", "Gram matrix", "GB", "of memory"])
  }

  @Test func aKNNBaselineFarBeyondItsRuntimeBoundIsRefusedWithTheEstimate() throws {
    // About 240 s at the guard's optimistic speed (hours in fact), against a bound of 1 s.
    let ks = (0..<12).map { String(2 * $0 + 1) }.joined(separator: ", ")
    let (r, t) = try run(spec(samples: 400_000, baselines: "[{model: knn, grid: {k: [\(ks)]}}]", runtime: 1))
    expectRefused(r, seconds: t, mentions: ["max_runtime_seconds", "estimated runtime", "knn", "baselines[0]"])
  }

  @Test func anMLPBaselineFarBeyondItsRuntimeBoundIsRefusedWithTheEstimate() throws {
    let (r, t) = try run(spec(samples: 400_000, baselines: "[{model: mlp, grid: {hidden: [256]}}]", runtime: 1))
    expectRefused(r, seconds: t, mentions: ["max_runtime_seconds", "estimated runtime", "mlp"])
  }

  @Test func aBillionShotsInTotalAreRefused() throws {
    let kernel = "[{id: q, kind: kernel, encoding: {map: zz, reps: 1}, svm: {C: [1]}}]"
    let (r, t) = try run(spec(samples: 2000, baselines: "[{model: logistic_regression, grid: {C: [1]}}]",
                              backends: "[{id: s, simulator: statevector, shots: 1000000}]", quantum: kernel, runtime: 100_000))
    expectRefused(r, seconds: t, mentions: ["backends[0].shots", "shots in total", "1e+11"])
  }

  @Test func pcaOnVeryWideDataIsRefusedWithTheCovarianceEstimate() throws {
    let width = 60_000
    var csv = (0..<width).map { "f\($0)" }.joined(separator: ",") + ",y\n"
    for i in 0..<8 {
      csv += (0..<width).map { j in ((i * 7 + j) % 13) == 0 ? "1" : "0" }.joined(separator: ",") + ",\(i % 2 == 0 ? "a" : "b")\n"
    }
    let (r, t) = try run(
      spec(samples: 0, baselines: "[{model: logistic_regression, grid: {C: [1]}}]",
           dataset: "{csv: wide.csv, target: y, test_fraction: 0.5, preprocess: [{pca: 2}]}"),
      extraFiles: ["wide.csv": csv])
    expectRefused(r, seconds: t, mentions: ["dataset.preprocess", "60000 x 60000 covariance", "of memory"])
  }
}
