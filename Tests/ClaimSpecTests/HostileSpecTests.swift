import ClaimSpec
import Foundation
import Testing

/// One broken spec: the base spec with lines replaced, and the error it must produce.
struct BrokenSpec: Sendable, CustomStringConvertible {
  var name: String
  var replacements: [Int: String]
  /// Expected line; the column is where `marker` starts on that line.
  var line: Int
  var marker: String
  var field: String
  var message: String
  var kind: SpecError.Kind

  var description: String { name }

  static let all: [BrokenSpec] = [
    BrokenSpec(name: "misspelled key", replacements: [7: "  test_fracton: 0.3"], line: 7, marker: "test_fracton",
      field: "dataset.test_fracton", message: "unknown key 'test_fracton'; did you mean 'test_fraction'?", kind: .unknownKey),
    BrokenSpec(name: "unknown top-level key", replacements: [16: "sedes: [1, 2]"], line: 16, marker: "sedes",
      field: "sedes", message: "did you mean 'seeds'?", kind: .unknownKey),
    BrokenSpec(name: "unknown key in a flow mapping", replacements: [11: "    encoding: {map: zz, rep: 2}"], line: 11, marker: "rep:",
      field: "quantum[0].encoding.rep", message: "did you mean 'reps'?", kind: .unknownKey),
    BrokenSpec(name: "test_fraction above 1", replacements: [7: "  test_fraction: 1.5"], line: 7, marker: "1.5",
      field: "dataset.test_fraction", message: "expected a value > 0 and < 1, found 1.5", kind: .outOfRange),
    BrokenSpec(name: "test_fraction zero", replacements: [7: "  test_fraction: 0"], line: 7, marker: "0",
      field: "dataset.test_fraction", message: "found 0", kind: .outOfRange),
    BrokenSpec(name: "zero shots", replacements: [15: "  - {id: ideal, simulator: statevector, shots: 0}"], line: 15, marker: "0}",
      field: "backends[0].shots", message: "expected a value >= 1 and <= 1000000, found 0", kind: .outOfRange),
    BrokenSpec(name: "too many shots", replacements: [15: "  - {id: ideal, simulator: statevector, shots: 2e9}"], line: 15, marker: "2e9",
      field: "backends[0].shots", message: "found 2000000000", kind: .outOfRange),
    BrokenSpec(name: "fractional shots", replacements: [15: "  - {id: ideal, simulator: statevector, shots: 10.5}"], line: 15, marker: "10.5",
      field: "backends[0].shots", message: "expected an integer", kind: .typeMismatch),
    BrokenSpec(name: "one sample", replacements: [6: "  samples: 1"], line: 6, marker: "1",
      field: "dataset.samples", message: "expected a value >= 2 and <= 1000000, found 1", kind: .outOfRange),
    BrokenSpec(name: "too many samples", replacements: [6: "  samples: 2000000"], line: 6, marker: "2000000",
      field: "dataset.samples", message: "found 2000000", kind: .outOfRange),
    BrokenSpec(name: "negative baseline C", replacements: [13: "  - {model: svm_rbf, grid: {C: [-1, 10]}}"], line: 13, marker: "-1",
      field: "baselines[0].grid.C[0]", message: "expected a value > 0 and <= 1000000, found -1", kind: .outOfRange),
    BrokenSpec(name: "negative SVM C", replacements: [11: "    encoding: {map: zz, reps: 2}\n    svm: {C: [1, -0.5]}"], line: 12,
      marker: "-0.5", field: "quantum[0].svm.C[1]", message: "expected a value > 0, found -0.5", kind: .outOfRange),
    BrokenSpec(name: "confidence above 1", replacements: [18: "  lift: {min: 0.05, confidence: 1.2}"], line: 18, marker: "1.2",
      field: "criteria.lift.confidence", message: "expected a value > 0 and < 1, found 1.2", kind: .outOfRange),
    BrokenSpec(name: "zero reps", replacements: [11: "    encoding: {map: zz, reps: 0}"], line: 11, marker: "0}",
      field: "quantum[0].encoding.reps", message: "expected a value >= 1 and <= 100, found 0", kind: .outOfRange),
    BrokenSpec(name: "reps as a word", replacements: [11: "    encoding: {map: zz, reps: three}"], line: 11, marker: "three",
      field: "quantum[0].encoding.reps", message: "expected an integer, found 'three'", kind: .typeMismatch),
    BrokenSpec(name: "unknown generator", replacements: [4: "  generator: adhok"], line: 4, marker: "adhok",
      field: "dataset.generator", message: "unknown generator 'adhok'", kind: .unknownName),
    BrokenSpec(name: "unknown generator parameter", replacements: [5: "  params: {features: 2, gapp: 0.3}"], line: 5, marker: "gapp",
      field: "dataset.params.gapp", message: "did you mean 'gap'?", kind: .unknownKey),
    BrokenSpec(name: "unknown baseline model", replacements: [13: "  - {model: svm_rbg}"], line: 13, marker: "svm_rbg",
      field: "baselines[0].model", message: "did you mean 'svm_rbf'?", kind: .unknownName),
    BrokenSpec(name: "unknown grid parameter", replacements: [13: "  - {model: knn, grid: {n_neighbors: [3]}}"], line: 13,
      marker: "n_neighbors", field: "baselines[0].grid.n_neighbors", message: "unknown key 'n_neighbors'", kind: .unknownKey),
    BrokenSpec(name: "unknown grid word", replacements: [13: "  - {model: svm_rbf, grid: {gamma: [scal]}}"], line: 13, marker: "scal]",
      field: "baselines[0].grid.gamma[0]", message: "did you mean 'scale'?", kind: .typeMismatch),
    BrokenSpec(name: "unknown encoding", replacements: [11: "    encoding: {map: zzz}"], line: 11, marker: "zzz",
      field: "quantum[0].encoding.map", message: "unknown encoding map 'zzz'", kind: .unknownName),
    BrokenSpec(name: "unknown model kind", replacements: [10: "    kind: kernal"], line: 10, marker: "kernal",
      field: "quantum[0].kind", message: "did you mean 'kernel'?", kind: .unknownName),
    BrokenSpec(name: "missing title", replacements: [2: "# no title"], line: 1, marker: "claim",
      field: "title", message: "missing required key 'title'", kind: .missingKey),
    BrokenSpec(name: "missing encoding", replacements: [11: "    svm: {C: 1}"], line: 9, marker: "id",
      field: "quantum[0].encoding", message: "missing required key 'encoding'", kind: .missingKey),
    BrokenSpec(name: "missing samples", replacements: [6: "# none"], line: 3, marker: "dataset",
      field: "dataset.samples", message: "missing required key 'samples'", kind: .missingKey),
    BrokenSpec(name: "missing lift min", replacements: [18: "  lift: {over: best_baseline}"], line: 18, marker: "lift",
      field: "criteria.lift.min", message: "missing required key 'min'", kind: .missingKey),
    BrokenSpec(name: "duplicate key", replacements: [7: "  samples: 50"], line: 7, marker: "samples",
      field: "dataset.samples", message: "duplicate key 'samples' (first at line 6)", kind: .duplicateKey),
    BrokenSpec(name: "duplicate top-level key", replacements: [16: "title: Again"], line: 16, marker: "title",
      field: "title", message: "duplicate key 'title' (first at line 2)", kind: .duplicateKey),
    BrokenSpec(name: "duplicate key in a flow mapping", replacements: [11: "    encoding: {map: zz, map: iqp}"], line: 11, marker: "map: iqp",
      field: "map", message: "duplicate key 'map' (first at line 11)", kind: .duplicateKey),
    BrokenSpec(name: "duplicate seed", replacements: [16: "seeds: [1, 2, 1]"], line: 16, marker: "1]",
      field: "seeds[2]", message: "duplicate seed 1", kind: .duplicateKey),
    BrokenSpec(name: "duplicate backend id", replacements: [15: "  - {id: ideal, simulator: statevector, shots: exact}\n  - {id: ideal, simulator: statevector, shots: 10}"],
      line: 16, marker: "id", field: "backends[1].id", message: "duplicate backend id 'ideal'", kind: .duplicateKey),
    BrokenSpec(name: "backend id manifest", replacements: [15: "  - {id: manifest, simulator: statevector, shots: exact}"],
      line: 15, marker: "id", field: "backends[0].id", message: "backend id 'manifest' is reserved", kind: .conflict),
    BrokenSpec(name: "duplicate baseline id", replacements: [13: "  - {model: knn}\n  - {model: knn}"], line: 14, marker: "{",
      field: "baselines[1].model", message: "give each baseline of the same model an 'id'", kind: .duplicateKey),
    BrokenSpec(name: "unsafe claim id", replacements: [1: "claim: Demo Claim"], line: 1, marker: "Demo",
      field: "claim", message: "'Demo Claim' is not a safe id", kind: .outOfRange),
    BrokenSpec(name: "path-like claim id", replacements: [1: "claim: ../evil"], line: 1, marker: "../evil",
      field: "claim", message: "is not a safe id", kind: .outOfRange),
    BrokenSpec(name: "two data sources", replacements: [5: "  csv: data/x.csv"], line: 5, marker: "csv",
      field: "dataset.csv", message: "'csv' cannot be combined with 'generator'", kind: .conflict),
    BrokenSpec(name: "no data source", replacements: [4: "  target: y", 5: "# none", 6: "# none"], line: 3, marker: "dataset",
      field: "dataset", message: "missing data source", kind: .missingKey),
    BrokenSpec(name: "unknown backend in lift.on", replacements: [18: "  lift: {min: 0.05, on: [idael]}"], line: 18, marker: "idael",
      field: "criteria.lift.on[0]", message: "unknown backend 'idael'; expected one of ideal; did you mean 'ideal'?", kind: .unknownReference),
    BrokenSpec(name: "unknown baseline in lift.over", replacements: [18: "  lift: {min: 0.05, over: mlp}"], line: 18, marker: "mlp",
      field: "criteria.lift.over", message: "unknown baseline or quantum model 'mlp'", kind: .unknownReference),
    BrokenSpec(name: "misspelled expect", replacements: [16: "expect: supportd"], line: 16, marker: "supportd",
      field: "expect", message: "did you mean 'supported'?", kind: .unknownName),
    BrokenSpec(name: "noise on a device backend", replacements: [15: "  - {id: d, device: ideal, shots: 10, noise: {readout: 0.1}}"],
      line: 15, marker: "noise", field: "backends[0].noise", message: "'noise' only applies to a simulator", kind: .conflict),
    BrokenSpec(name: "exact shots on a device", replacements: [15: "  - {id: d, device: ideal, shots: exact}"], line: 15, marker: "exact",
      field: "backends[0].shots", message: "'exact' is only possible on a simulator", kind: .outOfRange),
    BrokenSpec(name: "backend without target", replacements: [15: "  - {id: d, shots: 10}"], line: 15, marker: "{",
      field: "backends[0]", message: "missing backend target", kind: .missingKey),
    BrokenSpec(name: "variational without ansatz", replacements: [10: "    kind: variational", 11: "    encoding: angle"], line: 9,
      marker: "id", field: "quantum[0].ansatz", message: "missing required key 'ansatz'", kind: .missingKey),
    BrokenSpec(name: "svm on a variational model", replacements: [10: "    kind: variational", 11: "    encoding: angle\n    ansatz: {type: reuploading}\n    svm: {C: 1}"],
      line: 13, marker: "svm", field: "quantum[0].svm", message: "'svm' only applies to kernel or projected_kernel models", kind: .conflict),
    BrokenSpec(name: "noise probability above 1", replacements: [15: "  - {id: n, simulator: density_matrix, shots: 100, noise: {depolarizing: 1.5}}"],
      line: 15, marker: "1.5", field: "backends[0].noise.depolarizing", message: "found 1.5", kind: .outOfRange),
    BrokenSpec(name: "wrong type for a list", replacements: [8: "quantum: zz", 9: "#", 10: "#", 11: "#"], line: 8, marker: "zz",
      field: "quantum", message: "expected a list, found 'zz'", kind: .typeMismatch),
    BrokenSpec(name: "wrong type for a mapping", replacements: [17: "criteria: strict", 18: "# none", 19: "# none"], line: 17, marker: "strict",
      field: "criteria", message: "expected a mapping, found 'strict'", kind: .typeMismatch),
    BrokenSpec(name: "title as a list", replacements: [2: "title: [a, b]"], line: 2, marker: "[a",
      field: "title", message: "expected a string, found a list", kind: .typeMismatch),
    BrokenSpec(name: "boolean expected", replacements: [10: "    kind: variational", 11: "    encoding: angle\n    ansatz: {type: reuploading}\n    training: {early_stopping: maybe}"],
      line: 13, marker: "maybe", field: "quantum[0].training.early_stopping", message: "expected true or false, found 'maybe'", kind: .typeMismatch),
    BrokenSpec(name: "max_qubits above the simulator limit", replacements: [19: "  cost: {max_qubits: 31, max_runtime_seconds: 60}"], line: 19,
      marker: "31", field: "criteria.cost.max_qubits", message: "expected a value >= 1 and <= 30, found 31", kind: .outOfRange),
    BrokenSpec(name: "encoding implies more than 30 qubits",
      replacements: [4: "  csv: data/x.csv", 5: "  target: y", 6: "  features: [" + (0...30).map { "f\($0)" }.joined(separator: ", ") + "]"],
      line: 11, marker: "{map", field: "quantum[0].encoding", message: "this encoding needs 31 qubits; at most 30", kind: .outOfRange),
    BrokenSpec(name: "adhoc with too many features", replacements: [5: "  params: {features: 4, gap: 0.3}"], line: 5, marker: "4,",
      field: "dataset.params.features", message: "expected a value >= 1 and <= 3, found 4", kind: .outOfRange),
    BrokenSpec(name: "scale bounds reversed", replacements: [7: "  preprocess: [{scale: [pi, 0]}]"], line: 7, marker: "[pi",
      field: "dataset.preprocess[0].scale", message: "expected lo < hi", kind: .outOfRange),
    BrokenSpec(name: "bad pi expression", replacements: [7: "  preprocess: [{scale: [0, tau]}]"], line: 7, marker: "tau",
      field: "dataset.preprocess[0].scale[1]", message: "expected a number or an expression in pi", kind: .typeMismatch),
    BrokenSpec(name: "unknown preprocessing step", replacements: [7: "  preprocess: [normalize]"], line: 7, marker: "normalize",
      field: "dataset.preprocess[0]", message: "unknown preprocessing step 'normalize'", kind: .unknownName),
    BrokenSpec(name: "YAML syntax error", replacements: [11: "    encoding: {map: zz, reps: 2"], line: 12, marker: "baselines",
      field: "", message: "invalid YAML", kind: .yamlSyntax),
    BrokenSpec(name: "tab indentation", replacements: [7: "\ttest_fraction: 0.3"], line: 7, marker: "\t",
      field: "", message: "invalid YAML", kind: .yamlSyntax),
    // Bounded items (issue 17): a billion shots per circuit, reps beyond the bound.
    BrokenSpec(name: "a billion shots", replacements: [15: "  - {id: ideal, simulator: statevector, shots: 1000000000}"], line: 15,
      marker: "1000000000", field: "backends[0].shots", message: "expected a value >= 1 and <= 1000000, found 1000000000", kind: .outOfRange),
    BrokenSpec(name: "one shot above the bound", replacements: [15: "  - {id: ideal, simulator: statevector, shots: 1000001}"], line: 15,
      marker: "1000001", field: "backends[0].shots", message: "found 1000001", kind: .outOfRange),
    BrokenSpec(name: "reps above the bound", replacements: [11: "    encoding: {map: zz, reps: 101}"], line: 11, marker: "101",
      field: "quantum[0].encoding.reps", message: "expected a value >= 1 and <= 100, found 101", kind: .outOfRange),
    // Generator ranges equal the generators' own checks (these passed lint and failed at run time).
    BrokenSpec(name: "adhoc gap 1", replacements: [5: "  params: {features: 2, gap: 1}"], line: 5, marker: "1}",
      field: "dataset.params.gap", message: "expected a value >= 0 and < 1, found 1", kind: .outOfRange),
    BrokenSpec(name: "circles factor 1", replacements: [4: "  generator: circles", 5: "  params: {factor: 1}"], line: 5, marker: "1}",
      field: "dataset.params.factor", message: "expected a value > 0 and < 1, found 1", kind: .outOfRange),
    BrokenSpec(name: "linearly_separable margin 30", replacements: [4: "  generator: linearly_separable", 5: "  params: {margin: 30}"],
      line: 5, marker: "30", field: "dataset.params.margin", message: "expected a value >= 0 and < 30, found 30", kind: .outOfRange),
    BrokenSpec(name: "linearly_separable margin = features", replacements: [4: "  generator: linearly_separable", 5: "  params: {features: 3, margin: 3}"],
      line: 5, marker: "3}", field: "dataset.params.margin", message: "expected a value below 'features' (3), found 3", kind: .outOfRange),
    // YAML merge keys are refused by name, at the key.
    BrokenSpec(name: "YAML merge key", replacements: [11: "    encoding: &e {map: zz, reps: 2}", 13: "  - {<<: *e, model: svm_rbf}"], line: 13,
      marker: "<<", field: "", message: "YAML merge key '<<' is not supported", kind: .unknownKey),
    BrokenSpec(name: "undefined alias", replacements: [16: "seeds: *nothing"], line: 16, marker: "*nothing",
      field: "", message: "invalid YAML", kind: .yamlSyntax),
  ]
}

@Suite struct HostileSpecTests {
  @Test("each broken spec gives its message at its line and column", arguments: BrokenSpec.all)
  func brokenSpec(_ c: BrokenSpec) throws {
    let text = spec(c.replacements)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let lineText = String(lines[c.line - 1])
    let markerRange = try #require(lineText.range(of: c.marker), "marker '\(c.marker)' not on line \(c.line): \(lineText)")
    let column = lineText.unicodeScalars.distance(from: lineText.unicodeScalars.startIndex, to: markerRange.lowerBound) + 1
    do {
      _ = try SpecLoader.load(yaml: text, file: "specs/broken.yaml")
      Issue.record("\(c.name): loaded without error")
    } catch {
      let first = try #require(error.errors.first)
      let summary = error.description
      #expect(first.kind == c.kind, "\(summary)")
      #expect(first.line == c.line, "\(summary)")
      if c.kind != .yamlSyntax { #expect(first.column == column, "\(summary)") }
      #expect(first.field == c.field, "\(summary)")
      #expect(first.message.contains(c.message), "\(summary)")
      #expect(first.headline.hasPrefix("specs/broken.yaml:\(c.line):\(first.column): error: "))
    }
  }

  @Test("an alias bomb is refused with a clear message")
  func aliasBomb() {
    var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for (i, name) in ["b", "c", "d", "e", "f", "g", "h"].enumerated() {
      let prev = i == 0 ? "a" : ["b", "c", "d", "e", "f", "g", "h"][i - 1]
      yaml += "\(name): &\(name) [" + Array(repeating: "*\(prev)", count: 10).joined(separator: ", ") + "]\n"
    }
    do {
      _ = try SpecLoader.load(yaml: yaml)
      Issue.record("alias bomb loaded")
    } catch {
      #expect(error.errors.count == 1)
      #expect(error.errors[0].kind == .resourceLimit)
      #expect(error.errors[0].message.contains("more than 10000 nodes after expanding aliases"))
    }
  }

  @Test("deep nesting is refused")
  func deepNesting() {
    let yaml = "claim: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n"
    do {
      _ = try SpecLoader.load(yaml: yaml)
      Issue.record("deep document loaded")
    } catch {
      #expect(error.errors[0].kind == .resourceLimit)
      #expect(error.errors[0].message.contains("nests deeper than 32 levels"))
    }
  }

  @Test("an oversized file is refused before parsing")
  func oversized() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-big-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent("big.yaml")
    try Data(repeating: UInt8(ascii: "#"), count: (1 << 20) + 1).write(to: url)
    #expect(throws: SpecErrors.self) { try SpecLoader.load(contentsOf: url) }
    do { _ = try SpecLoader.load(contentsOf: url) } catch { #expect(error.errors[0].kind == .resourceLimit) }
  }

  @Test("an empty document and a non-mapping root are errors")
  func emptyAndScalar() {
    for text in ["", "# only a comment\n", "just a string\n", "- a\n- b\n"] {
      #expect(throws: SpecErrors.self) { try SpecLoader.load(yaml: text) }
    }
  }
}
