import Foundation
import Testing
import TestSupport

/// A small kernel claim with a hardware backend on the ideal profile.
private func hardwareSpec(models: String = "[{id: zz, kind: kernel, encoding: {map: zz, reps: 2}, svm: {C: [1, 10]}}]") -> String {
  """
  claim: hw
  title: ZZ kernel from device counts
  hypothesis: a test claim
  dataset: {generator: adhoc, params: {features: 2, gap: 0.3}, samples: 16, test_fraction: 0.25}
  quantum: \(models)
  baselines: [{model: knn, grid: {k: [1, 3]}}, {model: rff_quantum, grid: {features: [10], C: [1]}}]
  backends:
    - {id: sv, simulator: statevector, shots: exact}
    - {id: hw, hardware: ideal, shots: 1000}
  seeds: [1, 2, 3]
  criteria: {lift: {min: 0.0, on: [sv]}, cost: {max_runtime_seconds: 300}}
  expect: supported
  """
}

@Suite struct HardwareCommandTests {
  /// A project with specs/hw.yaml and the ideal device profile copied from the shipped one.
  func project(_ spec: String = hardwareSpec()) throws -> URL {
    let dir = try QliftProcess.project()
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("specs/devices"), withIntermediateDirectories: true)
    try Repository.idealProfile().write(to: dir.appendingPathComponent("specs/devices/ideal.yaml"), atomically: true, encoding: .utf8)
    try spec.write(to: dir.appendingPathComponent("specs/hw.yaml"), atomically: true, encoding: .utf8)
    return dir
  }

  /// The manifest as JSON, and a counts file for every circuit in it (900 of 1000 all zeros).
  func counts(_ dir: URL) throws -> (manifest: [String: Any], counts: [String: Any]) {
    let data = try Data(contentsOf: dir.appendingPathComponent("specs/hardware/hw/manifest.json"))
    let m = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let circuits = try #require(m["circuits"] as? [[String: Any]])
    var counts: [String: Any] = [:]
    for c in circuits { counts[c["id"] as! String] = ["00": 900, "01": 60, "10": 40] }
    return (m, ["claim": "hw", "spec_hash": m["spec_hash"]!, "backend": "hw", "counts": counts])
  }

  func write(_ json: [String: Any], _ name: String, in dir: URL) throws {
    try JSONSerialization.data(withJSONObject: json).write(to: dir.appendingPathComponent(name))
  }

  /// Issue 17: a committed link at specs/hardware/<claim>/circuits must not lead export-qasm to
  /// delete or write outside; nor a link at the cached result lead import-counts to delete one.
  @Test func exportAndImportNeverDeleteThroughALink() throws {
    let dir = try project()
    let outside = try QliftProcess.project()
    let keep = outside.appendingPathComponent("keep.txt")
    try "precious".write(to: keep, atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("specs/hardware/hw"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: dir.appendingPathComponent("specs/hardware/hw/circuits"), withDestinationURL: outside)
    let export = try QliftProcess.run(["export-qasm", "specs/hw.yaml"], cwd: dir)
    #expect(export.status == 2, "\(export.stderr)")
    #expect(export.stderr.contains("circuits") && export.stderr.contains("symbolic link"), "\(export.stderr)")
    #expect(FileManager.default.fileExists(atPath: keep.path))

    try FileManager.default.removeItem(at: dir.appendingPathComponent("specs/hardware/hw/circuits"))
    #expect(try QliftProcess.run(["export-qasm", "specs/hw.yaml"], cwd: dir).status == 0)
    let (_, counts) = try counts(dir)
    try write(counts, "counts.json", in: dir)
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("reports/results"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("reports/results/hw.json"), withDestinationURL: keep)
    let imported = try QliftProcess.run(["import-counts", "specs/hw.yaml", "counts.json"], cwd: dir)
    #expect(imported.status == 2 && imported.stderr.contains("symbolic link"), "\(imported.stderr)")
    #expect(FileManager.default.fileExists(atPath: keep.path))
  }

  @Test func exportRunElsewhereImportThenVerifyScoresTheHardwareBackend() throws {
    let dir = try project()
    let before = try QliftProcess.run(["run", "specs/hw.yaml", "--no-report"], cwd: dir)
    #expect(before.status == 2)
    #expect(before.stderr.contains("qlift export-qasm specs/hw.yaml --backend hw") && before.stderr.contains("qlift import-counts"))

    let export = try QliftProcess.run(["export-qasm", "specs/hw.yaml"], cwd: dir)
    #expect(export.status == 0, "\(export.stderr)")
    // 16 samples, test fraction 0.25: 12 train (66 pairs) and 4 test rows (48 entries).
    #expect(export.stdout.contains("wrote 342 circuit file(s) for backend hw (1000 shots each) to specs/hardware/hw/circuits/"))
    let (m, counts) = try counts(dir)
    let first = try #require((m["circuits"] as? [[String: Any]])?.first)
    #expect(first["id"] as? String == "zz.s1.train.0.1" && first["shots"] as? Int == 1000)
    let qasm = try String(contentsOf: dir.appendingPathComponent("specs/hardware/hw/" + (first["file"] as! String)), encoding: .utf8)
    #expect(qasm.hasPrefix("OPENQASM 3.0;") && qasm.contains("c[1] = measure q[1];") && !qasm.contains("input"))

    try write(counts, "counts.json", in: dir)
    let imported = try QliftProcess.run(["import-counts", "specs/hw.yaml", "counts.json"], cwd: dir)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("hw on hw: 342 circuit(s), 342000 shot(s)"))
    #expect(imported.stdout.contains("stored in specs/hardware/hw/hw.json"))
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("specs/hardware/hw/hw.json").path))

    let after = try QliftProcess.run(["verify", "specs", "--no-report"], cwd: dir)
    #expect(after.status == 0 || after.status == 1, "\(after.stderr)")
    let result = try String(contentsOf: dir.appendingPathComponent("reports/results/hw.json"), encoding: .utf8)
    #expect(result.contains("\"hw\""))

    // Importing again drops the cached result, so the next verify scores the new counts.
    let again = try QliftProcess.run(["import-counts", "specs/hw.yaml", "counts.json", "--out", "reports"], cwd: dir)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports/results/hw.json").path))
    let rerun = try QliftProcess.run(["verify", "specs", "--no-report"], cwd: dir)
    #expect(!rerun.stderr.contains("(cached)"), "\(rerun.stderr)")
  }

  @Test(arguments: [
    ("unknown", "circuit 'zz.s7.train.0.1': unknown circuit id"),
    ("missing", "circuit 'zz.s1.train.0.1': no counts for this exported circuit"),
    ("width", "circuit 'zz.s1.train.0.1': bit string '0' should be 2 characters"),
    ("negative", "circuit 'zz.s1.train.0.1': negative count -5 for '11'"),
    ("float", "circuit 'zz.s1.train.0.1': bit string '00': expected"),
    ("hash", "the spec or its data changed since the circuits were exported"),
  ])
  func badCountsExitTwoWithTheFileAndCircuit(bad: String, message: String) throws {
    let dir = try project()
    #expect(try QliftProcess.run(["export-qasm", "specs/hw.yaml"], cwd: dir).status == 0)
    var (_, json) = try counts(dir)
    var c = json["counts"] as! [String: Any]
    switch bad {
    case "unknown": c["zz.s7.train.0.1"] = ["00": 1]
    case "missing": c["zz.s1.train.0.1"] = nil
    case "width": c["zz.s1.train.0.1"] = ["0": 10]
    case "negative": c["zz.s1.train.0.1"] = ["00": 10, "11": -5]
    case "float": c["zz.s1.train.0.1"] = ["00": 10.5]
    default: json["spec_hash"] = "0000"
    }
    json["counts"] = c
    try write(json, "bad.json", in: dir)
    let r = try QliftProcess.run(["import-counts", "specs/hw.yaml", "bad.json"], cwd: dir)
    #expect(r.status == 2)
    let line = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
    #expect(line.hasPrefix("bad.json: error: " + message), "\(r.stderr)")
  }

  @Test func variationalModelsAreTrainedOnTheSimulatorAndInferredOnTheDevice() throws {
    let vqc = "[{id: v, kind: variational, encoding: {map: angle}, ansatz: {type: hardware_efficient, layers: 1}, training: {iterations: 2}}]"
    let dir = try project(hardwareSpec(models: vqc))
    let r = try QliftProcess.run(["export-qasm", "specs/hw.yaml"], cwd: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stderr.contains("skipped"), "\(r.stderr)")
    // 16 samples, test fraction 0.25: 4 test rows per seed, 3 seeds.
    #expect(r.stdout.contains("wrote 12 circuit file(s)"), "\(r.stdout)")
    let manifest = try String(contentsOf: dir.appendingPathComponent("specs/hardware/hw/manifest.json"), encoding: .utf8)
    #expect(manifest.contains("\"kind\" : \"infer\"") && manifest.contains("\"trained_on\" : \"sv\""))
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("specs/hardware/hw/circuits/v/seed-2/v.s2.infer.3.qasm").path))
    let (_, json) = try counts(dir)
    try write(json, "counts.json", in: dir)
    let i = try QliftProcess.run(["import-counts", "specs/hw.yaml", "counts.json"], cwd: dir)
    #expect(i.status == 0, "\(i.stderr)")
    #expect(i.stdout.contains("v: balanced_accuracy mean") && i.stdout.contains("trained on the simulator 'sv'"), "\(i.stdout)")
    #expect(!i.stdout.contains("(C="), "\(i.stdout)")
  }

  /// An export written elsewhere (`export-qasm --out`) is checked through `import-counts --manifest`:
  /// a training record that the retraining does not reproduce is refused, naming the manifest.
  @Test func aManifestNamedOnTheCommandLineChecksTheTraining() throws {
    let vqc = "[{id: v, kind: variational, encoding: {map: angle}, ansatz: {type: hardware_efficient, layers: 1}, training: {iterations: 2}}]"
    let dir = try project(hardwareSpec(models: vqc))
    let r = try QliftProcess.run(["export-qasm", "specs/hw.yaml"], cwd: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let (_, json) = try counts(dir)
    try write(json, "counts.json", in: dir)
    // Move the export out of the claim's hardware folder, with a changed final loss.
    let url = dir.appendingPathComponent("specs/hardware/hw/manifest.json")
    let edited = try String(contentsOf: url, encoding: .utf8)
      .replacingOccurrences(of: "\"final_loss\" : ", with: "\"final_loss\" : 1")
    try edited.write(to: dir.appendingPathComponent("elsewhere.json"), atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(at: url)
    let refused = try QliftProcess.run(["import-counts", "specs/hw.yaml", "counts.json", "--manifest", "elsewhere.json"], cwd: dir)
    #expect(refused.status == 2 && refused.stderr.contains("elsewhere.json") && refused.stderr.contains("other weights"),
            "\(refused.stderr)")
    let missing = try QliftProcess.run(["import-counts", "specs/hw.yaml", "counts.json", "--manifest", "nope.json"], cwd: dir)
    #expect(missing.status == 2 && missing.stderr.contains("nope.json"), "\(missing.stderr)")
  }

  @Test func anUnknownBackendExitsTwo() throws {
    let dir = try project()
    let r = try QliftProcess.run(["export-qasm", "specs/hw.yaml", "--backend", "sv"], cwd: dir)
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("specs/hw.yaml: error: no hardware backend 'sv'; hardware backends: hw"))
  }
}
