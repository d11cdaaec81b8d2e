import ClaimSpec
import Foundation
import Testing

/// `task` (issue 19): its default, the metric, baseline and model keys that fit each task, and
/// located errors for the ones that do not.
@Suite struct ClaimTaskTests {
  /// A regression spec; `replace` swaps lines by their 1-based number.
  static func spec(_ replace: [Int: String] = [:]) -> String {
    var lines = [
      "claim: reg",  // 1
      "title: regression",  // 2
      "task: regression",  // 3
      "dataset: {csv: data/d.csv, target: y}",  // 4
      "quantum:",  // 5
      "  - {id: qk, kind: kernel, encoding: zz, ridge: {alpha: [0.1, 1]}}",  // 6
      "baselines:",  // 7
      "  - {model: ridge, grid: {alpha: [0.1, 1]}}",  // 8
      "  - {model: random_forest}",  // 9
      "backends: [{id: sv, simulator: statevector, shots: exact}]",  // 10
      "criteria:",  // 11
      "  lift: {min: 2.5}",  // 12
      "  cost: {max_runtime_seconds: 10}",  // 13
    ]
    for (k, v) in replace { lines[k - 1] = v }
    return lines.joined(separator: "\n") + "\n"
  }

  func errors(_ yaml: String) -> [SpecError] {
    do {
      _ = try SpecLoader.load(yaml: yaml, file: "reg.yaml")
      return []
    } catch let e as SpecErrors {
      return e.errors
    } catch {
      return [SpecError(at: SourceLocation(file: "?", line: 0, column: 0), field: "?", message: "\(error)", kind: .typeMismatch)]
    }
  }

  @Test func aRegressionSpecLoadsWithItsDefaults() throws {
    let claim = try SpecLoader.load(yaml: Self.spec(), file: "reg.yaml")
    #expect(claim.task == .regression && claim.criteria.metric == .rmse)
    #expect(claim.quantum[0].ridgeAlpha == [0.1, 1])
    #expect(claim.criteria.lift.min == 2.5, "a regression lift is in the target's units, not limited to [-1, 1]")
    #expect(claim.designText.hasPrefix("task regression\n"))
    let classification = try SpecLoader.load(yaml: Self.spec([3: "", 4: "dataset: {generator: moons, samples: 30}",
      6: "  - {id: qk, kind: kernel, encoding: zz}", 8: "  - {model: knn}", 12: "  lift: {min: 0.05}"]), file: "c.yaml")
    #expect(classification.task == .classification && classification.criteria.metric == .balancedAccuracy)
    #expect(!classification.designText.contains("task"))
    #expect(MetricName.rmse.higherIsBetter == false && MetricName.mae.higherIsBetter == false && MetricName.r2.higherIsBetter)
  }

  @Test("what does not fit the task is a located error", arguments: [
    ([12: "  metric: accuracy\n  lift: {min: 2.5}"], "criteria.metric", 12, "metric accuracy scores classification"),
    ([8: "  - {model: logistic_regression}"], "baselines[0].model", 8, "logistic_regression is a classification model"),
    ([9: "  - {model: rff_quantum}"], "baselines[1].model", 9, "rff_quantum is a classification model"),
    ([6: "  - {id: qk, kind: kernel, encoding: zz, svm: {C: 1}}"], "quantum[0].svm", 6, "'svm' tunes a classifier"),
    ([6: "  - {id: v, kind: variational, encoding: angle, ansatz: {type: hardware_efficient}, training: {loss: hinge}}"],
     "quantum[0].training.loss", 6, "squared error"),
    ([4: "dataset: {generator: moons, samples: 30}"], "dataset.generator", 4, "makes class labels"),
    ([6: "  - {id: v, kind: variational, encoding: angle, ansatz: {type: hardware_efficient}, training: {early_stopping: true}}"],
     "quantum[0].training.early_stopping", 6, "early stopping is not supported"),
    ([6: "  - {id: h, kind: hybrid, encoding: angle, ansatz: {type: hardware_efficient}}"], "quantum[0].kind", 6,
     "kind hybrid is a classifier"),
    ([6: "  - {id: u, kind: reuploading, encoding: angle}"], "quantum[0].kind", 6, "kind reuploading is a classifier"),
    ([6: "  - {id: v, kind: variational, encoding: angle, ansatz: {type: hardware_efficient}}",
      10: "backends: [{id: n, simulator: density_matrix, shots: 100, noise: {readout: 0.02}, mitigation: readout}]"],
     "backends[0].mitigation", 10, "not applied to variational regressors"),
    ([3: "task: generative"], "quantum[0].kind", 6, "kind born_machine, not 'kernel'"),
    ([3: "task: generative"], "dataset.csv", 4, "unknown key 'csv'"),
    ([3: "task: regresion"], "task", 3, "did you mean 'regression'"),
  ] as [([Int: String], String, Int, String)])
  func mismatch(replace: [Int: String], field: String, line: Int, message: String) {
    let e = errors(Self.spec(replace))
    #expect(e.contains { $0.field == field && $0.line == line && $0.message.contains(message) }, "\(e.map(\.description))")
  }

  @Test func classificationClaimsRefuseRegressionMetricsBaselinesAndKeys() {
    let base = [3: "", 4: "dataset: {generator: moons, samples: 30}", 6: "  - {id: qk, kind: kernel, encoding: zz, ridge: {alpha: 1}}",
                12: "  metric: r2\n  lift: {min: 0.05}"]
    let e = errors(Self.spec(base))
    #expect(e.contains { $0.field == "quantum[0].ridge" && $0.line == 6 })
    #expect(e.contains { $0.field == "baselines[0].model" && $0.line == 8 && $0.message.contains("ridge is a regression model") })
    #expect(e.contains { $0.field == "criteria.metric" && $0.message.contains("metric r2 scores regression") })
    // A classification lift keeps its [-1, 1] range.
    let wide = errors(Self.spec([3: "", 4: "dataset: {generator: moons, samples: 30}", 6: "  - {id: qk, kind: kernel, encoding: zz}",
                                 8: "  - {model: knn}", 12: "  lift: {min: 2.5}"]))
    #expect(wide.contains { $0.field == "criteria.lift.min" })
  }

  @Test func theRegressionTemplateLoads() throws {
    let text = try #require(SpecTemplate.starter(name: "r", task: .regression))
    let claim = try SpecLoader.load(yaml: text, file: "r.yaml")
    #expect(claim.task == .regression && claim.criteria.metric == .rmse)
    #expect(ClaimCompleteness.check(claim).isEmpty)
    #expect(SpecTemplate.starter(name: "g", task: .generative) == SpecTemplate.generative(name: "g"))
    #expect(SpecTemplate.starter(name: "c", task: .classification) == SpecTemplate.starter(name: "c"))
  }
}
