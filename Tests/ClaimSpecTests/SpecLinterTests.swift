import ClaimSpec
import Foundation
import Testing

@Suite struct SpecLinterTests {
  /// A project with specs/{a,b}.yaml, specs/devices/ideal.yaml and data; returns the specs folder.
  func project(a: String, b: String) throws -> (root: URL, specs: URL) {
    let p = try makeProject()
    let devices = p.specs.appendingPathComponent("devices")
    try FileManager.default.createDirectory(at: devices, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: shippedDevicesFolder().appendingPathComponent("ideal.yaml"), to: devices.appendingPathComponent("ideal.yaml"))
    try FileManager.default.createDirectory(at: p.specs.appendingPathComponent("accepted"), withIntermediateDirectories: true)
    try "not: [a spec".write(to: p.specs.appendingPathComponent("accepted/old.yaml"), atomically: true, encoding: .utf8)
    try a.write(to: p.specs.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
    try b.write(to: p.specs.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
    return (p.root, p.specs)
  }

  @Test("a clean folder lints clean; subfolders are not specs")
  func clean() throws {
    let p = try project(a: spec(), b: spec([1: "claim: other", 15: "  - {id: dev, device: ideal, shots: 100}"]))
    let report = SpecLinter.lint(paths: ["specs"], base: p.root)
    #expect(report.isClean, "\(report.errors.map(\.description))")
    #expect(report.files == ["specs/a.yaml", "specs/b.yaml"])
    #expect(report.claims.map(\.id) == ["demo", "other"])
  }

  @Test("duplicate ids, unknown profiles, missing data files and missing facts are all reported")
  func problems() throws {
    let b = spec([4: "  csv: data/missing.csv", 5: "  target: y", 6: "#", 15: "  - {id: dev, device: ideel, shots: 100}", 19: "#"])
    let p = try project(a: spec(), b: b)
    let report = SpecLinter.lint(paths: ["specs/"], base: p.root)
    let lines = report.errors.map(\.headline)
    #expect(report.errors.count == 4, "\(lines)")
    #expect(lines.contains("specs/b.yaml:1:1: error: claim: duplicate claim id 'demo' (also in specs/a.yaml); claim ids must be unique"))
    #expect(lines.contains("specs/b.yaml:4:3: error: dataset.csv: data file 'data/missing.csv' does not exist (paths are relative to the spec file)"))
    #expect(lines.contains { $0.hasPrefix("specs/b.yaml:15:") && $0.contains("unknown device profile 'ideel'") && $0.contains("did you mean 'ideal'?") })
    #expect(lines.contains { $0.hasPrefix("specs/b.yaml:17:1: error: criteria: missing fact: no runtime bound") })
    #expect(report.errors.allSatisfy { $0.sourceLine != nil })
  }

  @Test("a missing path and a broken spec are reported, files given one by one too")
  func files() throws {
    let p = try project(a: spec(), b: spec([6: "  samples: one"]))
    let report = SpecLinter.lint(paths: ["specs/b.yaml", "specs/nope.yaml"], base: p.root)
    #expect(report.errors.map(\.headline) == [
      "specs/b.yaml:6:12: error: dataset.samples: expected an integer, found 'one'",
      "specs/nope.yaml:1:1: error: no such file or folder",
    ])
  }
}

@Suite struct DevicesFolderTests {
  @Test("a spec finds devices/ beside it, else the nearest ancestor's specs/devices")
  func lookup() throws {
    let p = try makeProject()
    let devices = p.specs.appendingPathComponent("devices")
    try FileManager.default.createDirectory(at: devices, withIntermediateDirectories: true)
    let nested = p.specs.appendingPathComponent("team/q")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    #expect(DeviceProfileCatalog.folder(forSpec: p.specs.appendingPathComponent("a.yaml")).standardizedFileURL.path == devices.path)
    #expect(DeviceProfileCatalog.folder(forSpec: p.root.appendingPathComponent("x.yaml")).standardizedFileURL.path == devices.path)
    let own = nested.appendingPathComponent("devices")
    #expect(DeviceProfileCatalog.folder(forSpec: nested.appendingPathComponent("a.yaml")).standardizedFileURL.path != own.path)
    try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
    #expect(DeviceProfileCatalog.folder(forSpec: nested.appendingPathComponent("a.yaml")).standardizedFileURL.path == own.path)
  }
}
