import ClaimSpec
import Foundation
import Testing

/// A temporary project: root/Package.swift, root/specs/, root/specs/data/x.csv, and a sibling outside.
func makeProject() throws -> (root: URL, specs: URL, outside: URL) {
  let base = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-proj-\(UUID().uuidString)")
  let root = base.appendingPathComponent("proj"), specs = root.appendingPathComponent("specs")
  let outside = base.appendingPathComponent("outside")
  for d in [specs.appendingPathComponent("data"), outside] {
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
  }
  try "// swift-tools-version:6.0\n".write(to: root.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
  try "a,y\n1,0\n2,1\n".write(to: specs.appendingPathComponent("data/x.csv"), atomically: true, encoding: .utf8)
  try "a,y\n".write(to: outside.appendingPathComponent("secret.csv"), atomically: true, encoding: .utf8)
  return (root.resolvingSymlinksInPath(), specs, outside)
}

@Suite struct ProjectPathsTests {
  @Test("the root is the nearest folder with Package.swift, .git or specs/")
  func root() throws {
    let p = try makeProject()
    let paths = ProjectPaths(specFile: p.specs.appendingPathComponent("a.yaml"))
    #expect(paths.root.path == p.root.path)
    let lone = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-lone-\(UUID().uuidString)/deep")
    try FileManager.default.createDirectory(at: lone, withIntermediateDirectories: true)
    #expect(ProjectPaths(specFile: lone.appendingPathComponent("a.yaml")).root.path == lone.resolvingSymlinksInPath().path)
  }

  @Test("relative paths inside the project resolve; escapes are refused")
  func resolve() throws {
    let p = try makeProject()
    let paths = ProjectPaths(specFile: p.specs.appendingPathComponent("a.yaml"))
    #expect(try paths.resolve("data/x.csv").get().path == p.specs.appendingPathComponent("data/x.csv").resolvingSymlinksInPath().path)
    #expect(try paths.resolve("../Package.swift").get().lastPathComponent == "Package.swift")
    #expect(paths.resolve("/etc/passwd") == .failure(.absolute))
    #expect(paths.resolve("~/x.csv") == .failure(.absolute))
    #expect(paths.resolve("../../outside/secret.csv") == .failure(.escapes))
    #expect(paths.resolve("data/../../../outside/secret.csv") == .failure(.escapes))
    #expect(paths.resolve("") == .failure(.empty))
    try FileManager.default.createSymbolicLink(
      at: p.specs.appendingPathComponent("data/link.csv"), withDestinationURL: p.outside.appendingPathComponent("secret.csv"))
    #expect(paths.resolve("data/link.csv") == .failure(.symlinkEscapes))
  }

  @Test("a spec whose csv path escapes the project fails to load at the path")
  func escapingSpec() throws {
    let p = try makeProject()
    let url = p.specs.appendingPathComponent("esc.yaml")
    try spec([4: "  csv: ../../outside/secret.csv", 5: "  target: y", 6: "#"]).write(to: url, atomically: true, encoding: .utf8)
    do {
      _ = try SpecLoader.load(contentsOf: url, displayPath: "specs/esc.yaml")
      Issue.record("loaded")
    } catch {
      let e = try #require(error.errors.first)
      #expect(e.kind == .pathEscapesProject && e.field == "dataset.csv" && e.line == 4 && e.column == 8)
      #expect(e.message == "'../../outside/secret.csv': path leaves the project folder")
    }
  }

  @Test("csv and train/test sources load with resolved files")
  func csvSources() throws {
    let p = try makeProject()
    let url = p.specs.appendingPathComponent("csv.yaml")
    try spec([4: "  csv: data/x.csv", 5: "  target: y", 6: "  features: [a]"]).write(to: url, atomically: true, encoding: .utf8)
    let claim = try SpecLoader.load(contentsOf: url)
    guard case .csv(let file, let target, let features) = claim.dataset.source else { Issue.record("not csv"); return }
    #expect(file.path == "data/x.csv" && target == "y" && features == ["a"])
    #expect(FileManager.default.fileExists(atPath: file.url.path))
    #expect(claim.projectRoot?.path == p.root.path)

    let tt = p.specs.appendingPathComponent("tt.yaml")
    try spec([4: "  train: data/x.csv", 5: "  test: data/x.csv", 6: "  target: y", 7: "#"]).write(to: tt, atomically: true, encoding: .utf8)
    let c2 = try SpecLoader.load(contentsOf: tt)
    guard case .trainTest(let a, let b, "y", nil) = c2.dataset.source else { Issue.record("not train/test"); return }
    #expect(a.path == "data/x.csv" && b.path == "data/x.csv")

    try spec([4: "  train: data/x.csv", 5: "  test: data/x.csv", 6: "  target: y"]).write(to: tt, atomically: true, encoding: .utf8)
    do { _ = try SpecLoader.load(contentsOf: tt); Issue.record("test_fraction with train/test loaded") } catch {
      #expect(error.errors[0].field == "dataset.test_fraction" && error.errors[0].kind == .conflict)
    }
  }
}
