import Foundation
import Testing
import TestSupport

/// Runs the built `qlift` binary (see `QliftProcess`).
private func qlift(_ arguments: [String], cwd: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
  try QliftProcess.run(arguments, cwd: cwd).tuple
}

private let goodSpec = """
  claim: good
  title: Good
  dataset: {generator: moons, params: {noise: 0.1}, samples: 60}
  quantum: [{id: q, kind: kernel, encoding: {map: zz, reps: 1}}]
  baselines: [{model: knn, grid: {k: [3]}}, {model: rff_quantum, grid: {features: [20], C: [1]}}]
  backends: [{id: sv, simulator: statevector, shots: exact}]
  criteria: {lift: {min: 0.0}, cost: {max_runtime_seconds: 30}}

  """

/// A temporary project folder with `specs/` holding the given files.
private func project(_ files: [String: String]) throws -> URL {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-lint-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: root.appendingPathComponent("specs"), withIntermediateDirectories: true)
  for (name, text) in files {
    try text.write(to: root.appendingPathComponent("specs/\(name)"), atomically: true, encoding: .utf8)
  }
  return root
}

@Suite struct LintCommandTests {
  @Test("a clean folder exits 0 with a summary")
  func clean() throws {
    let root = try project(["good.yaml": goodSpec])
    let r = try qlift(["lint", "specs/"], cwd: root)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "lint: 1 spec file, 1 claim loaded, 0 errors\n")
    #expect(r.stderr.isEmpty)
  }

  @Test("a kernel claim without a dequantized baseline lints clean with one warning naming rff_quantum")
  func dequantizationWarning() throws {
    let bare = goodSpec.replacingOccurrences(of: ", {model: rff_quantum, grid: {features: [20], C: [1]}}", with: "")
    #expect(bare != goodSpec)
    let root = try project(["good.yaml": bare])
    let r = try qlift(["lint", "specs/"], cwd: root)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("specs/good.yaml:5:") && r.stderr.contains("warning: baselines:") && r.stderr.contains("rff_quantum, of: q"),
            "\(r.stderr)")
  }

  @Test("errors print as file:line:col lines with a caret, and exit 2")
  func errors() throws {
    let bad = goodSpec.replacingOccurrences(of: "samples: 60}", with: "samples: 60, test_fracton: 0.2}")
    let root = try project(["good.yaml": goodSpec, "bad.yaml": bad])
    let r = try qlift(["lint", "specs"], cwd: root)
    #expect(r.status == 2)
    let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.first == "specs/bad.yaml:3:64: error: dataset.test_fracton: unknown key 'test_fracton'; did you mean 'test_fraction'?")
    #expect(lines.count >= 3 && lines[2].hasSuffix("^"))
    #expect(r.stdout.contains("2 spec files, 1 claim loaded, 1 error"))
  }

  @Test("duplicate claim ids across files and a missing runtime bound are errors")
  func folderChecks() throws {
    let noRuntime = goodSpec.replacingOccurrences(of: ", cost: {max_runtime_seconds: 30}", with: "")
    let root = try project(["a.yaml": goodSpec, "b.yaml": noRuntime])
    let r = try qlift(["lint", "specs/a.yaml", "specs/b.yaml"], cwd: root)
    #expect(r.status == 2)
    #expect(r.stderr.contains("specs/b.yaml:1:1: error: claim: duplicate claim id 'good' (also in specs/a.yaml)"))
    #expect(r.stderr.contains("specs/b.yaml:7:1: error: criteria: missing fact: no runtime bound"))
  }

  @Test("a path that does not exist exits 2")
  func missingPath() throws {
    let root = try project([:])
    let r = try qlift(["lint", "nowhere"], cwd: root)
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("nowhere:1:1: error: no such file or folder"))
  }

  @Test("the project's own specs/ folder lints clean")
  func projectSpecs() throws {
    let root = Repository.root
    let specs = root.appendingPathComponent("specs")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: specs.path)) ?? []
    guard names.contains(where: { $0.hasSuffix(".yaml") }) else { return }  // no specs shipped yet
    let r = try qlift(["lint", "specs"], cwd: root)
    #expect(r.status == 0, "\(r.stderr)")
  }
}
