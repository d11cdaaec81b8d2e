import ClaimSpec
import Foundation
import Testing

@Suite struct GenerativeSpecTests {
  static let base = """
    claim: gen
    title: Born machine
    task: generative
    dataset: {target: {kind: ising, n: 4, J: 0.5, h: -0.2, temperature: 2}, train_samples: 100, evaluation_samples: 400}
    quantum:
      - {id: qcbm, kind: born_machine, depth: [1, 2], pairs: ring, bandwidths: [0.25, 4], training: {iterations: 30, learning_rate: 0.05}}
    baselines:
      - {model: bernoulli}
      - {model: rbm, id: small-rbm, grid: {hidden: [2, 4]}}
    backends: [{id: ideal, simulator: statevector, shots: exact}]
    seeds: [1, 2, 3]
    criteria: {metric: tv, lift: {min: 0, over: small-rbm}, cost: {max_runtime_seconds: 60}}
    expect: refuted
    """

  private func load(_ text: String) throws(SpecErrors) -> Claim { try SpecLoader.load(yaml: text, file: "gen.yaml") }

  private func errors(_ text: String) -> [SpecError] {
    do {
      _ = try load(text)
      return []
    } catch { return error.errors }
  }

  @Test("a generative spec loads into its target, Born machines and baselines")
  func loads() throws {
    let c = try load(Self.base)
    #expect(c.task == .generative && c.quantum.isEmpty && c.baselines.isEmpty)
    let g = try #require(c.generative)
    #expect(g.target == .ising(n: 4, coupling: 0.5, field: -0.2, temperature: 2))
    #expect(g.trainSamples == 100 && g.evaluationSamples == 400)
    #expect(
      g.bornMachines == [
        BornMachineSpec(id: "qcbm", depths: [1, 2], pairs: "ring", bandwidths: [0.25, 4], iterations: 30, learningRate: 0.05)
      ])
    #expect(
      g.baselines == [
        GenerativeBaselineSpec(id: "bernoulli", model: .bernoulli),
        GenerativeBaselineSpec(id: "small-rbm", model: .rbm, grid: [2, 4])
      ])
    #expect(c.criteria.metric == .tv && c.criteria.lift.over == .baseline("small-rbm"))
    #expect(!c.criteria.metric.higherIsBetter)
  }

  @Test(
    "metrics, models and keys that do not fit the task are errors at their line",
    arguments: [
      ("metric: tv", "metric: accuracy", "criteria.metric", "scores classifiers"),
      ("kind: born_machine", "kind: kernel", "quantum[0].kind", "born_machine"),
      ("{model: bernoulli}", "{model: svm_rbf}", "baselines[0].model", "svm_rbf is not a generative model"),
      ("kind: ising, n: 4,", "kind: bars_and_stripes, n: 4,", "dataset.target.n", "does not apply"),
      ("train_samples: 100", "train_samples: 2", "dataset.train_samples", ">= 8"),
      ("hidden: [2, 4]", "hidden: [2.5]", "baselines[1].grid.hidden", "whole numbers"),
      ("over: small-rbm", "over: nope", "criteria.lift.over", "unknown baseline"),
      ("kind: ising, n: 4,", "kind: isin, n: 4,", "dataset.target.kind", "did you mean 'ising'"),
      ("shots: exact}]", "shots: 100, noise: {readout: 0.02}, mitigation: readout}]", "backends[0].mitigation",
       "not applied to Born machines"),
      ("shots: exact}]", "shots: 100, noise: {readout: 0.02}, measure_diagonal: true}]", "backends[0].measure_diagonal",
       "applies to kernel models"),
    ])
  func refusals(_ old: String, _ new: String, _ field: String, _ text: String) {
    let errs = errors(Self.base.replacingOccurrences(of: old, with: new))
    #expect(errs.contains { $0.field == field && $0.message.contains(text) }, "\(errs.map { "\($0.field): \($0.message)" })")
    #expect(errs.allSatisfy { $0.line >= 1 })
  }

  @Test("a classification claim naming a generative metric is an error at the metric")
  func classificationWithGenerativeMetric() {
    let text = baseSpecLines.joined(separator: "\n").replacingOccurrences(
      of: "  lift: {min: 0.05}", with: "  metric: kl\n  lift: {min: 0.05}")
    let errs = errors(text)
    #expect(errs.contains { $0.field == "criteria.metric" && $0.message.contains("scores generative") })
  }

  @Test("a target over 12 bits is refused; a hardware backend is accepted (scored from imported samples)")
  func limits() throws {
    let big = errors(
      Self.base.replacingOccurrences(
        of: "kind: ising, n: 4, J: 0.5, h: -0.2, temperature: 2", with: "kind: bars_and_stripes, rows: 4, cols: 4"))
    #expect(big.contains { $0.field == "dataset.target" && $0.message.contains("16 bits") })
    let hw = errors(
      Self.base.replacingOccurrences(
        of: "{id: ideal, simulator: statevector, shots: exact}", with: "{id: hw, hardware: ibm-heron-r2, shots: 100}"))
    #expect(hw.isEmpty, "\(hw)")
    let c = try load(
      Self.base.replacingOccurrences(
        of: "backends: [{id: ideal, simulator: statevector, shots: exact}]",
        with: "backends: [{id: ideal, simulator: statevector, shots: exact}, {id: hw, hardware: ibm-heron-r2, shots: 100}]"))
    #expect(c.backends.count == 2 && c.backends[1].profileID == "ibm-heron-r2" && c.backends[1].shotCount == 100)
  }
}
