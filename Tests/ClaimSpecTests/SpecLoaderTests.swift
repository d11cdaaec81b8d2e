import ClaimSpec
import Foundation
import Testing

/// A small valid spec whose line numbers the broken-spec table refers to.
let baseSpecLines: [String] = [
  "claim: demo",  // 1
  "title: Demo claim",  // 2
  "dataset:",  // 3
  "  generator: adhoc",  // 4
  "  params: {features: 2, gap: 0.3}",  // 5
  "  samples: 100",  // 6
  "  test_fraction: 0.3",  // 7
  "quantum:",  // 8
  "  - id: zz",  // 9
  "    kind: kernel",  // 10
  "    encoding: {map: zz, reps: 2}",  // 11
  "baselines:",  // 12
  "  - {model: svm_rbf, grid: {C: [1, 10]}}",  // 13
  "backends:",  // 14
  "  - {id: ideal, simulator: statevector, shots: exact}",  // 15
  "seeds: [1, 2, 3]",  // 16
  "criteria:",  // 17
  "  lift: {min: 0.05}",  // 18
  "  cost: {max_runtime_seconds: 60}",  // 19
]

/// The base spec with some lines replaced (1-based line -> new text, which may hold several lines).
func spec(_ replacements: [Int: String] = [:]) -> String {
  baseSpecLines.enumerated().map { replacements[$0.offset + 1] ?? $0.element }.joined(separator: "\n") + "\n"
}

func fixtureURL(_ path: String) throws -> URL {
  let base = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
  return base.appendingPathComponent(path)
}

@Suite struct SpecLoaderTests {
  @Test("the DESIGN.md example loads into the expected values")
  func designExample() throws {
    let url = try fixtureURL("specs/design-example.yaml")
    let claim = try SpecLoader.load(contentsOf: url, displayPath: "design-example.yaml")
    #expect(claim.id == "adhoc-zz-kernel")
    #expect(claim.title == "ZZ kernel beats a tuned RBF SVM on the ad hoc dataset")
    #expect(claim.hypothesis.hasPrefix("On the ad hoc dataset (2 features, gap 0.3)"))
    #expect(claim.dataset.source == .generator(GeneratorSource(name: "adhoc", params: ["features": 2, "gap": 0.3], samples: 200)))
    #expect(claim.dataset.testFraction == 0.3)
    #expect(claim.dataset.preprocess == [.standardize, .scale(low: 0, high: .pi)])
    #expect(claim.quantum.count == 2)
    #expect(claim.quantum[0] == QuantumModelSpec(
      id: "zz-kernel", kind: .kernel, encoding: EncodingSpec(map: .zz, reps: 2, entanglement: .linear), svmC: [0.1, 1, 10]))
    let vqc = claim.quantum[1]
    #expect(vqc.kind == .variational && vqc.encoding.map == .angle && vqc.encoding.reps == 1)
    #expect(vqc.ansatz == AnsatzSpec(type: .hardwareEfficient, layers: 3, entanglement: .circular, entangler: .cz))
    #expect(vqc.training == TrainingSpec(optimizer: .adam, learningRate: 0.05, iterations: 100))
    #expect(vqc.readout == ReadoutSpec(observable: .z0))
    #expect(claim.baselines.map(\.id) == ["svm_rbf", "logistic_regression", "knn"])
    #expect(claim.baselines[0].grid["gamma"] == [.text("scale"), .number(0.1), .number(1)])
    #expect(claim.baselines[0].grid["C"] == [.number(0.1), .number(1), .number(10), .number(100)])
    #expect(claim.baselines[2].grid == ["k": [.number(1), .number(3), .number(5), .number(9)]])
    #expect(claim.backends == [
      BackendSpec(id: "ideal", target: .simulator(.statevector)),
      BackendSpec(id: "shots", target: .simulator(.statevector), shots: .count(1024)),
      BackendSpec(id: "heron", target: .device("ibm-heron-r2"), shots: .count(4096)),
    ])
    #expect(claim.seeds == [1, 2, 3, 4, 5])
    #expect(claim.criteria.metric == .balancedAccuracy)
    #expect(claim.criteria.lift == LiftCriterion(min: 0.10, over: .bestBaseline, confidence: 0.95, on: ["ideal", "heron"]))
    #expect(claim.criteria.cost == CostBounds(
      maxQubits: 8, maxDepth: 60, maxTwoQubitGates: 40, maxShots: 5e6, maxRuntimeSeconds: 120, maxCloudUSD: 200))
    #expect(claim.criteria.regression == RegressionTolerance(liftDrop: 0.02, costRise: 0.10))
    #expect(claim.expect == .supported)
    // Locations point at the keys as written.
    #expect(claim.locations["quantum[1].ansatz"] == SourceLocation(file: "design-example.yaml", line: 22, column: 5))
    #expect(claim.location(of: "criteria.cost.max_cloud_usd").line == 37)
    #expect(claim.location(of: "dataset.test_fraction") == SourceLocation(file: "design-example.yaml", line: 12, column: 3))
    // The example's facts are complete.
    #expect(ClaimCompleteness.check(claim).isEmpty)
  }

  @Test("defaults fill in what a spec omits")
  func defaults() throws {
    let claim = try SpecLoader.load(yaml: spec([7: "  preprocess: [{pca: 2}, {scale: [-pi, pi/2]}]", 16: "# no seeds"]))
    #expect(claim.dataset.testFraction == 0.3)
    #expect(claim.dataset.preprocess == [.pca(2), .scale(low: -.pi, high: .pi / 2)])
    #expect(claim.seeds == [1, 2, 3, 4, 5])
    #expect(claim.expect == .supported)
    #expect(claim.criteria.metric == .balancedAccuracy)
    #expect(claim.criteria.lift.on == ["ideal"])
    #expect(claim.criteria.lift.interval == .studentT)
    #expect(claim.quantum[0].encoding == EncodingSpec(map: .zz, reps: 2, entanglement: .linear, alpha: 2))
    #expect(claim.quantum[0].svmC == [1])
    #expect(claim.backends[0].shots == .exact)
  }

  @Test("generator parameters get the vocabulary defaults")
  func generatorDefaults() throws {
    let claim = try SpecLoader.load(yaml: spec([4: "  generator: circles", 5: "  params: {noise: 0.2}"]))
    guard case .generator(let g) = claim.dataset.source else { Issue.record("not a generator"); return }
    #expect(g.params == ["noise": 0.2, "factor": 0.5])
    #expect(claim.dataset.declaredFeatureCount == 2)
  }

  @Test("lift.over accepts a baseline model name and resolves it to the baseline id")
  func liftOver() throws {
    let claim = try SpecLoader.load(yaml: spec([18: "  lift: {min: 0.05, over: svm_rbf, interval: bootstrap}"]))
    #expect(claim.criteria.lift.over == .baseline("svm_rbf"))
    #expect(claim.criteria.lift.interval == .bootstrap)
  }

  @Test("encoding may be written as a bare map name")
  func encodingShorthand() throws {
    let claim = try SpecLoader.load(yaml: spec([11: "    encoding: iqp"]))
    #expect(claim.quantum[0].encoding == EncodingSpec(map: .iqp))
  }

  static let piCases: [(String, Double)] = [
    ("pi", Double.pi), ("-pi", -Double.pi), ("pi/2", Double.pi / 2), ("2*pi", 2 * Double.pi),
    ("2pi", 2 * Double.pi), ("3*pi/4", 3 * Double.pi / 4), ("π", Double.pi),
  ]

  @Test("pi expressions", arguments: piCases)
  func piExpressions(text: String, value: Double) throws {
    let claim = try SpecLoader.load(yaml: spec([7: "  preprocess: [{scale: [-10, \(text)]}]"]))
    #expect(claim.dataset.preprocess == [.scale(low: -10, high: value)])
  }

  @Test("several errors are reported at once, sorted by line")
  func severalErrors() {
    do {
      _ = try SpecLoader.load(yaml: spec([6: "  samples: 1", 11: "    encoding: {map: zz, reps: 0}", 16: "seeds: [1, 1]"]), file: "x.yaml")
      Issue.record("expected errors")
    } catch {
      #expect(error.errors.map(\.line) == [6, 11, 16])
      #expect(error.errors.allSatisfy { $0.file == "x.yaml" })
    }
  }

  @Test("errors print as file:line:col: error: field: message, then the line and a caret")
  func rendering() {
    do {
      _ = try SpecLoader.load(yaml: spec([7: "  test_fracton: 0.3"]), file: "specs/demo.yaml")
      Issue.record("expected an error")
    } catch {
      let e = error.errors[0]
      #expect(e.description == """
        specs/demo.yaml:7:3: error: dataset.test_fracton: unknown key 'test_fracton'; did you mean 'test_fraction'?
          test_fracton: 0.3
          ^
        """)
      #expect(e.suggestion == "test_fraction")
    }
  }
}
