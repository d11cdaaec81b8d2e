import ClaimSpec
import Foundation
import Testing
import TestSupport

/// The project's own `specs/devices` folder (tests read the shipped profiles, not a copy).
func shippedDevicesFolder() -> URL { Repository.devices }

@Suite struct DeviceProfileTests {
  @Test("every shipped profile loads and every figure carries a source comment")
  func shippedProfiles() throws {
    let catalog = DeviceProfileCatalog(folder: shippedDevicesFolder())
    #expect(catalog.errors.isEmpty, "\(catalog.errors.map(\.description).joined(separator: "\n"))")
    for id in ["ibm-heron-r2", "ionq-forte", "iqm-garnet", "ideal"] { #expect(catalog[id] != nil, "missing \(id)") }
    for p in catalog.profiles.values {
      #expect(Set(p.sources.keys).isSuperset(of: DeviceProfileLoader.figureKeys), "\(p.id) lacks sources")
      #expect(p.sources["coupling.qubits"] != nil)
      for (key, text) in p.sources { #expect(text.count >= 8, "\(p.id).\(key): '\(text)'") }
    }
  }

  @Test("Heron r2: heavy hex of 156 qubits with 176 edges and degree <= 3 (ANCHORS (e), conf_fez.json)")
  func heron() throws {
    let p = try #require(DeviceProfileCatalog(folder: shippedDevicesFolder())["ibm-heron-r2"])
    #expect(p.coupling.kind == .heavyHex && p.coupling.qubits == 156)
    let edges = p.coupling.edges()
    #expect(edges.count == 176)
    var degree = [Int](repeating: 0, count: 156)
    for e in edges { degree[e.a] += 1; degree[e.b] += 1 }
    #expect(degree.max() == 3 && degree.min()! >= 1)
    #expect(p.error2q == 3.9e-3 && p.t1Us == 145 && p.readoutError == 7.6e-3)
    #expect(p.pricePerShotUSD == nil)
  }

  @Test("Garnet: 20 qubits, 30 explicit CZ edges, degree <= 4; Braket price")
  func garnet() throws {
    let p = try #require(DeviceProfileCatalog(folder: shippedDevicesFolder())["iqm-garnet"])
    let edges = p.coupling.edges()
    #expect(edges.count == 30 && Set(edges).count == 30)
    var degree = [Int](repeating: 0, count: 20)
    for e in edges { degree[e.a] += 1; degree[e.b] += 1 }
    #expect(degree.max()! <= 4 && degree.min()! >= 1)
    // ANCHORS worked example: 18 130 tasks at 1 024 shots on Garnet cost $32 358.
    #expect(abs(p.price(tasks: 18_130, shotsPerTask: 1024) - 32_358) < 1)
  }

  @Test("IonQ Forte: all-to-all 30 qubits (435 pairs); Braket price of the worked example")
  func forte() throws {
    let p = try #require(DeviceProfileCatalog(folder: shippedDevicesFolder())["ionq-forte"])
    #expect(p.coupling.edges().count == 435)
    #expect(abs(p.price(tasks: 18_130, shotsPerTask: 1024) - 1_490_649) < 1)
    #expect(p.nativeGates == ["gpi", "gpi2", "zz"])
    #expect(p.virtualZ && p.sources["virtual_z"]?.contains("compiled out") == true)
  }

  @Test("virtual_z: explicit and sourced, or by default whether rz is native")
  func virtualZ() throws {
    let catalog = DeviceProfileCatalog(folder: shippedDevicesFolder())
    #expect(try #require(catalog["ibm-heron-r2"]).virtualZ)  // rz native
    #expect(try #require(catalog["iqm-garnet"]).virtualZ)  // prx, cz; explicit key
    #expect(try #require(catalog["ideal"]).virtualZ == false)  // no native gates, no key
    func load(_ line: String) throws(SpecErrors) -> DeviceProfile {
      try DeviceProfileLoader.load(yaml: Self.minimalProfile(extra: line), file: "x.yaml")
    }
    #expect(try load("virtual_z: true   # vendor docs, 2026").virtualZ)
    #expect(try load("virtual_z: false  # vendor docs, 2026").virtualZ == false)
    for (line, message) in [("virtual_z: true", "figure has no source"), ("virtual_z: yes  # docs 2026", "expected true or false")] {
      do {
        _ = try load(line)
        Issue.record("loaded \(line)")
      } catch {
        #expect(error.errors.count == 1)
        #expect(error.errors.first?.line == 9 && error.errors.first?.field == "virtual_z")
        #expect(error.errors.first?.message.contains(message) == true, "\(error.errors)")
      }
    }
  }

  @Test("the ideal profile is noiseless and free")
  func ideal() throws {
    let p = try #require(DeviceProfileCatalog(folder: shippedDevicesFolder())["ideal"])
    #expect(p.isNoiseless && p.price(tasks: 1000, shotsPerTask: 1000) == 0)
  }

  @Test("generated coupling maps", arguments: [
    (CouplingKind.line, 5, 4), (.ring, 5, 5), (.allToAll, 6, 15), (.grid, 9, 12),
  ])
  func generated(kind: CouplingKind, qubits: Int, edges: Int) {
    let c = CouplingSpec(kind: kind, qubits: qubits, rowLength: kind == .grid ? 3 : nil)
    #expect(c.edges().count == edges)
  }

  /// A small valid profile; `error2q` replaces its error_2q line (line 7), `extra` is line 9.
  static func minimalProfile(error2q: String = "error_2q: 0.01       # a source, 2026", extra: String = "") -> String {
    """
    id: x
    name: X
    vendor: V
    native_gates: [cz]
    coupling: {kind: line, qubits: 2}   # source: nowhere 2026
    error_1q: 0.001      # a source, 2026
    \(error2q)
    readout_error: 0.02  # a source, 2026
    \(extra)
    """
  }

  @Test("a figure without a source comment is an error")
  func unsourced() {
    do {
      _ = try DeviceProfileLoader.load(yaml: Self.minimalProfile(error2q: "error_2q: 0.01"), file: "x.yaml")
      Issue.record("loaded")
    } catch {
      #expect(error.errors.count == 1)
      #expect(error.errors[0].line == 7 && error.errors[0].field == "error_2q")
      #expect(error.errors[0].message.contains("figure has no source"))
    }
  }

  @Test("profile id must match the file name")
  func idMatchesFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qlift-dev-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let src = try String(contentsOf: shippedDevicesFolder().appendingPathComponent("ideal.yaml"), encoding: .utf8)
    try src.write(to: dir.appendingPathComponent("other.yaml"), atomically: true, encoding: .utf8)
    let catalog = DeviceProfileCatalog(folder: dir)
    #expect(catalog.profiles.isEmpty)
    #expect(catalog.errors.first?.message.contains("must equal the file name 'other'") == true)
  }
}
