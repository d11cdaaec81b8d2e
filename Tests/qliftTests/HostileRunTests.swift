import Foundation
import Testing

/// A hostile claim for `qlift run`: the spec's dataset line and extras, data files, and what
/// the error must name.
struct HostileCase: CustomStringConvertible, Sendable {
  var name: String
  var dataset: String
  var quantum = "[{id: q, kind: kernel, encoding: {map: zz, reps: 1}, svm: {C: [1]}}]"
  var backends = "[{id: sv, simulator: statevector, shots: exact}]"
  var id = "hostile"
  var extra = ""
  var files: [String: String] = [:]
  /// Substrings the error output must hold (besides the spec file name).
  var mentions: [String]
  var description: String { name }

  var spec: String {
    """
    claim: \(id)
    title: "<b>bold</b> & <img src=x onerror=alert(1)>"
    hypothesis: "<script>alert(1)</script>"
    dataset: \(dataset)
    quantum: \(quantum)
    baselines: [{model: logistic_regression, grid: {C: [1]}}]
    backends: \(backends)
    seeds: [1, 2]
    criteria: {lift: {min: 0.1}, cost: {max_runtime_seconds: 60}}
    expect: supported
    \(extra)
    """
  }
}

private func rows(_ n: Int, features: Int, classes: [String]) -> String {
  var s = (0..<features).map { "f\($0)" }.joined(separator: ",") + ",y\n"
  for r in 0..<n {
    s += (0..<features).map { String(Double((r * 7 + $0 * 3) % 11) / 10) }.joined(separator: ",") + ",\(classes[r % classes.count])\n"
  }
  return s
}

private let gen = "{generator: adhoc, params: {features: 2}, samples: 40}"

/// Every hostile spec: exit 2, a message naming the spec file and the field, nothing written
/// outside the `--out` folder; a spec refused by lint writes no results, a claim refused at run
/// time only a results file with verdict `error` and the message in `input_error`.
let hostileCases: [HostileCase] = [
  HostileCase(name: "one-class CSV", dataset: "{csv: data/d.csv, target: y}",
              files: ["data/d.csv": rows(12, features: 2, classes: ["a"])], mentions: ["dataset", "single class"]),
  HostileCase(name: "a class with a single row", dataset: "{csv: data/d.csv, target: y}",
              files: ["data/d.csv": rows(12, features: 2, classes: ["a"]) + "0.5,0.5,b\n"], mentions: ["dataset", "class 'b'"]),
  HostileCase(name: "empty CSV", dataset: "{csv: data/d.csv, target: y}", files: ["data/d.csv": ""],
              mentions: ["dataset", "d.csv", "empty"]),
  HostileCase(name: "header only CSV", dataset: "{csv: data/d.csv, target: y}", files: ["data/d.csv": "a,b,y\n"],
              mentions: ["dataset", "d.csv"]),
  HostileCase(name: "ragged CSV", dataset: "{csv: data/d.csv, target: y}",
              files: ["data/d.csv": "a,b,y\n1,2,x\n2,3\n3,4,z\n"], mentions: ["dataset", "d.csv:3"]),
  HostileCase(name: "NaN in data", dataset: "{csv: data/d.csv, target: y}",
              files: ["data/d.csv": rows(12, features: 2, classes: ["a", "b"]) + "nan,1,a\n"], mentions: ["dataset", "d.csv"]),
  HostileCase(name: "infinity in data", dataset: "{csv: data/d.csv, target: y}",
              files: ["data/d.csv": rows(12, features: 2, classes: ["a", "b"]) + "inf,1,a\n"], mentions: ["dataset", "d.csv"]),
  HostileCase(name: "1e308 overflowing to inf", dataset: "{csv: data/d.csv, target: y}",
              files: ["data/d.csv": rows(12, features: 2, classes: ["a", "b"]) + "1e999,1,a\n"], mentions: ["dataset", "d.csv"]),
  HostileCase(name: "missing target column", dataset: "{csv: data/d.csv, target: label}",
              files: ["data/d.csv": rows(12, features: 2, classes: ["a", "b"])], mentions: ["dataset", "label"]),
  HostileCase(name: "samples: 1e12", dataset: "{generator: adhoc, params: {features: 2}, samples: 1.0e12}",
              mentions: ["dataset.samples"]),
  HostileCase(name: "shots: -1", dataset: gen, backends: "[{id: sv, simulator: statevector, shots: -1}]",
              mentions: ["backends[0].shots"]),
  HostileCase(name: "adhoc features beyond the generator's 3", dataset: "{generator: adhoc, params: {features: 40}, samples: 40}",
              mentions: ["dataset.params.features"]),
  HostileCase(name: "40 CSV features on a zz map = 40 qubits", dataset: "{csv: data/d.csv, target: y}",
              files: ["data/d.csv": rows(20, features: 40, classes: ["a", "b"])], mentions: ["40 qubits", "bytes", "TB"]),
  HostileCase(name: "kernel matrix of 1e6 samples", dataset: "{generator: adhoc, params: {features: 2}, samples: 1000000}",
              mentions: ["1000000 samples", "TB"]),
  HostileCase(name: "runtime far above max_runtime_seconds", dataset: "{csv: data/d.csv, target: y, preprocess: [{pca: 16}]}",
              quantum: "[{id: v, kind: variational, encoding: {map: angle}, ansatz: {type: real_amplitudes, layers: 4}, "
                + "training: {optimizer: adam, learning_rate: 0.1, iterations: 1000}}]",
              files: ["data/d.csv": rows(40, features: 20, classes: ["a", "b"])], mentions: ["max_runtime_seconds", "estimated runtime"]),
  HostileCase(name: "claim id ../../x", dataset: gen, id: "../../x", mentions: ["claim", "safe id"]),
  HostileCase(name: "claim id /etc/passwd", dataset: gen, id: "/etc/passwd", mentions: ["claim", "safe id"]),
  HostileCase(name: "HTML in the claim id", dataset: gen, id: "\"<script>x</script>\"", mentions: ["claim", "safe id"]),
  HostileCase(name: "HTML in a model id", dataset: gen,
              quantum: "[{id: \"<img src=x>\", kind: kernel, encoding: {map: zz}}]", mentions: ["quantum[0].id"]),
  HostileCase(name: "data path leaving the project", dataset: "{csv: ../../etc/passwd, target: y}", mentions: ["dataset", "passwd"]),
  HostileCase(name: "absolute data path", dataset: "{csv: /etc/passwd, target: y}", mentions: ["dataset", "passwd"]),
  // Issue 17: bad input is exit 2 with a located message, never a crash or exit 3.
  HostileCase(name: "±1e308 values that overflow when scaled", dataset: "{csv: data/d.csv, target: y, preprocess: [standardize]}",
              files: ["data/d.csv": rows(12, features: 2, classes: ["a", "b"]) + "1e308,1,a\n-1e308,1,b\n"],
              mentions: ["dataset", "1e+308", "1e150"]),
  HostileCase(name: "scale bounds that overflow", dataset: "{csv: data/d.csv, target: y, preprocess: [{scale: [-1e308, 1e308]}]}",
              files: ["data/d.csv": rows(12, features: 2, classes: ["a", "b"])], mentions: ["dataset.preprocess[0].scale", "1000000"]),
  HostileCase(name: "high-cardinality categorical column", dataset: "{csv: data/d.csv, target: y}",
              files: ["data/d.csv": "f0,city,y\n" + (0..<200).map { "0.\($0 % 10),town\($0),\($0 % 2 == 0 ? "a" : "b")\n" }.joined()],
              mentions: ["dataset", "city", "more than 50 distinct values"]),
  HostileCase(name: "a billion shots per circuit", dataset: gen, backends: "[{id: sv, simulator: statevector, shots: 1000000000}]",
              mentions: ["backends[0].shots", "1000000"]),
  HostileCase(name: "reps far above the bound", dataset: gen,
              quantum: "[{id: q, kind: kernel, encoding: {map: zz, reps: 100000}, svm: {C: [1]}}]", mentions: ["quantum[0].encoding.reps"]),
  HostileCase(name: "YAML merge key", dataset: gen, extra: "base: &b {x: 1}\nother: {<<: *b}", mentions: ["merge key '<<'"]),
  HostileCase(name: "adhoc gap 1", dataset: "{generator: adhoc, params: {features: 2, gap: 1}, samples: 40}", mentions: ["dataset.params.gap"]),
  HostileCase(name: "circles factor 1", dataset: "{generator: circles, params: {factor: 1}, samples: 40}", mentions: ["dataset.params.factor"]),
  HostileCase(name: "linearly_separable margin 30", dataset: "{generator: linearly_separable, params: {margin: 30}, samples: 40}",
              mentions: ["dataset.params.margin"]),
]

/// Every file under `dir` (relative paths), skipping `skip`.
func fileTree(_ dir: URL, skip: String? = nil) -> Set<String> {
  var out: Set<String> = []
  let base = dir.resolvingSymlinksInPath().path
  guard let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { return out }
  for case let u as URL in e {
    var rel = String(u.resolvingSymlinksInPath().path.dropFirst(base.count))
    if rel.hasPrefix("/") { rel.removeFirst() }
    if let skip, rel == skip || rel.hasPrefix(skip + "/") { continue }
    out.insert(rel)
  }
  return out
}

@Suite struct HostileRunTests {
  @Test("hostile claims exit 2 naming file and field, writing nothing outside --out", arguments: hostileCases)
  func hostile(_ c: HostileCase) throws {
    let root = try QliftProcess.project()
    let dir = root.appendingPathComponent("project")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("specs/data"), withIntermediateDirectories: true)
    try c.spec.write(to: dir.appendingPathComponent("specs/h.yaml"), atomically: true, encoding: .utf8)
    for (path, text) in c.files {
      try text.write(to: dir.appendingPathComponent("specs/" + path), atomically: true, encoding: .utf8)
    }
    let before = fileTree(root)
    let r = try QliftProcess.run(["run", "specs/h.yaml", "--out", "out", "--jobs", "1"], cwd: dir)
    #expect(r.status == 2, "\(c.name): \(r.stderr)")
    #expect(r.stderr.contains("specs/h.yaml"), "\(c.name): \(r.stderr)")
    for m in c.mentions { #expect(r.stderr.contains(m), "\(c.name): '\(m)' missing from: \(r.stderr)") }
    #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Backtrace"))
    #expect(fileTree(root, skip: "project/out") == before, "\(c.name) wrote outside --out")
    let results = fileTree(dir.appendingPathComponent("out"))
    for json in results where json.hasSuffix(".json") {
      #expect(json == "results/\(c.id).json", "\(c.name): \(results)")
      let r = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/" + json))) as? [String: Any]
      #expect(r?["verdict"] as? String == "error", "\(c.name)")
      #expect((r?["input_error"] as? String)?.contains("specs/h.yaml") == true, "\(c.name)")
    }
  }
}
