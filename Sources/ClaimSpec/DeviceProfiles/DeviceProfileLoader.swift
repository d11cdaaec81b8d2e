import Foundation
import Yams

/// Loads device profiles (`specs/devices/<id>.yaml`) with the same located errors as specs.
///
/// Every figure key (`t1_us`, `error_2q`, `price_per_shot_usd`, `coupling.qubits`, ...) must carry
/// its source in a YAML comment, on the same line or on the comment line just above it; a
/// figure without one is an error, so an unsourced profile cannot ship. A figure may be `null`
/// (no public figure), still with a comment saying so.
public enum DeviceProfileLoader {
  static let keys = [
    "id", "name", "vendor", "native_gates", "coupling", "t1_us", "t2_us", "gate_time_1q_ns", "gate_time_2q_ns",
    "error_1q", "error_2q", "readout_error", "price_per_task_usd", "price_per_shot_usd", "queue_seconds",
    "virtual_z", "error_1q_kind", "error_2q_kind", "repetition_delay_us", "job_overhead_seconds",
    "price_per_qpu_second_usd",
  ]
  /// The keys whose values are figures that need a source comment.
  public static let figureKeys = [
    "t1_us", "t2_us", "gate_time_1q_ns", "gate_time_2q_ns", "error_1q", "error_2q", "readout_error",
    "price_per_task_usd", "price_per_shot_usd", "queue_seconds", "repetition_delay_us", "job_overhead_seconds",
    "price_per_qpu_second_usd",
  ]
  static let couplingKeys = ["kind", "qubits", "edges", "rows", "row_length"]

  /// Loads one profile file; its `id` must equal the file name without `.yaml`. The file must be
  /// a regular file inside `root` (default: its project root, see `ProjectFile`).
  public static func load(contentsOf url: URL, displayPath: String? = nil, root: URL? = nil) throws(SpecErrors) -> DeviceProfile {
    let file = displayPath ?? url.relativePath
    let text = try SpecLoader.readText(url, file: file, budget: .standard, root: root)
    let profile = try load(yaml: text, file: file)
    let stem = url.deletingPathExtension().lastPathComponent
    if profile.id != stem {
      throw SpecErrors([SpecError(file: file, line: 1, column: 1, field: "id",
        message: "profile id '\(profile.id)' must equal the file name '\(stem)'", kind: .conflict)])
    }
    return profile
  }

  /// Loads profile text.
  public static func load(yaml text: String, file: String = "<memory>") throws(SpecErrors) -> DeviceProfile {
    let root = try SpecLoader.compose(text, file: file, budget: .standard)
    let r = _NodeReader(file: file, text: text)
    guard let f = r.mapping(root, "", allowed: keys) else { throw SpecErrors(r.errors) }
    for k in ["id", "name", "vendor", "native_gates", "coupling", "error_1q", "error_2q", "readout_error"] where !f.has(k) {
      r.missing(k, in: f)
    }
    let id = f["id"].flatMap { r.safeID($0, "id") }
    let name = f["name"].flatMap { r.string($0, "name", acceptNumbers: true) }
    let vendor = f["vendor"].flatMap { r.string($0, "vendor", acceptNumbers: true) }
    let gates = f["native_gates"].flatMap { n in
      r.list(n, "native_gates", nonEmpty: false)?.enumerated().compactMap { r.string($1, "native_gates[\($0)]") }
    }
    // Whether Z rotations are virtual is a claim about the device too: it needs a source.
    var virtualZ: Bool?
    var sources: [String: String] = [:]
    func source(_ key: String, _ keyNode: Node?, path: String) {
      guard let keyNode else { return }
      let loc = r.location(keyNode)
      if let c = comment(at: loc.line, in: r.lines) {
        sources[key] = c
      } else {
        r.fail(at: loc, path, "figure has no source: add a comment with its public source and date", .incomplete)
      }
    }
    func figure(_ key: String, _ range: _Range) -> Double?? {
      guard let v = f[key] else { return .some(nil) }
      source(key, f.keys[key], path: key)
      if r.isNull(v) { return .some(nil) }
      guard let x = r.number(v, key, range) else { return nil }
      return .some(x)
    }
    // A calibrated figure: one number (the median), a list (one value per qubit) or a map
    // (`median`, qubit indices, or edges "a-b"); lengths, qubits and edges are checked once the
    // coupling is known.
    var calibration = ProfileCalibration()
    var pendingLists: [(key: String, node: Node, count: Int)] = []
    var pendingQubits: [(key: String, node: Node, qubit: Int)] = []
    var pendingEdges: [(key: String, node: Node, edge: QubitPair)] = []
    func calibrated(_ key: String, _ range: _Range) -> Double?? {
      guard let v = f[key] else { return .some(nil) }
      let perEdge = ProfileCalibration.perEdgeKeys.contains(key)
      switch v {
      case .sequence(let items) where !perEdge:
        source(key, f.keys[key], path: key)
        var values: [Int: Double] = [:]
        var ok = true
        for (i, item) in items.enumerated() {
          if let x = r.number(item, "\(key)[\(i)]", range) { values[i] = x } else { ok = false }
        }
        guard ok else { return nil }
        calibration.byQubit[key] = values
        pendingLists.append((key, v, items.count))
        return .some(ProfileCalibration.median(Array(values.values)))
      case .mapping(let m):
        source(key, f.keys[key], path: key)
        var median: Double?
        var ok = true
        var qubits: [Int: Double] = [:], edges: [QubitPair: Double] = [:]
        for (kn, vn) in m {
          let name = kn.scalar?.string ?? ""
          let path = "\(key).\(name)"
          guard let x = r.number(vn, path, range) else { ok = false; continue }
          if name == "median" { median = x; continue }
          if perEdge {
            let parts = name.split(separator: "-")
            if parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a >= 0, b >= 0, a != b {
              edges[QubitPair(a, b)] = x
              pendingEdges.append((key, kn, QubitPair(a, b)))
              continue
            }
            r.fail(kn, path, "expected 'median' or an edge 'a-b' of two different qubits, found '\(name)'", .typeMismatch)
          } else {
            if let q = Int(name), q >= 0 {
              qubits[q] = x
              pendingQubits.append((key, kn, q))
              continue
            }
            r.fail(kn, path, "expected 'median' or a qubit index, found '\(name)'", .typeMismatch)
          }
          ok = false
        }
        guard ok else { return nil }
        if perEdge { calibration.byEdge[key] = edges } else { calibration.byQubit[key] = qubits }
        return .some(median ?? ProfileCalibration.median(Array(qubits.values) + Array(edges.values)))
      default:
        return figure(key, range)
      }
    }
    let positive = _Range(low: 0, lowOpen: true, high: 1e12)
    let t1 = calibrated("t1_us", positive), t2 = calibrated("t2_us", positive)
    let g1 = calibrated("gate_time_1q_ns", positive), g2 = calibrated("gate_time_2q_ns", positive)
    let e1 = calibrated("error_1q", .closed(0, 1)), e2 = calibrated("error_2q", .closed(0, 1))
    let ro = calibrated("readout_error", .closed(0, 0.5))
    let pt = figure("price_per_task_usd", .closed(0, 1e6)), ps = figure("price_per_shot_usd", .closed(0, 1e6))
    let qs = figure("queue_seconds", .closed(0, 1e9))
    let rep = figure("repetition_delay_us", .closed(0, 1e9)), overhead = figure("job_overhead_seconds", .closed(0, 1e9))
    let perSecond = figure("price_per_qpu_second_usd", .closed(0, 1e6))
    if let v = f["virtual_z"] {
      source("virtual_z", f.keys["virtual_z"], path: "virtual_z")
      virtualZ = r.bool(v, "virtual_z")
    }
    // What a gate-error figure is (total or depolarizing parameter) is read from its source: sourced too.
    var kinds: [GateErrorKind?] = []
    for key in ["error_1q_kind", "error_2q_kind"] {
      guard let v = f[key] else { kinds.append(.total); continue }
      source(key, f.keys[key], path: key)
      kinds.append(r.choice(v, key, GateErrorKind.self, what: "gate error kind"))
    }
    var coupling: CouplingSpec?
    if let c = f["coupling"], let cf = r.mapping(c, "coupling", allowed: couplingKeys) {
      if !cf.has("kind") { r.missing("kind", in: cf) }
      if !cf.has("qubits") { r.missing("qubits", in: cf) }
      source("coupling.qubits", cf.keys["qubits"], path: "coupling.qubits")
      let kind = cf["kind"].flatMap { r.choice($0, "coupling.kind", CouplingKind.self, what: "coupling kind") }
      let qubits = cf["qubits"].flatMap { r.int($0, "coupling.qubits", .closed(1, 10_000)) }
      let rows = cf["rows"].flatMap { r.int($0, "coupling.rows", .closed(1, 1000)) }
      let rowLength = cf["row_length"].flatMap { r.int($0, "coupling.row_length", .closed(2, 1000)) }
      var edges: [QubitPair]?
      if let en = cf["edges"], let items = r.list(en, "coupling.edges") {
        source("coupling.edges", cf.keys["edges"], path: "coupling.edges")
        edges = []
        for (i, item) in items.enumerated() {
          let p = "coupling.edges[\(i)]"
          guard let pair = r.list(item, p), pair.count == 2 else {
            r.fail(item, p, "expected a pair [a, b] of qubit indices", .typeMismatch); continue
          }
          let a = r.int(pair[0], p + "[0]", .closed(0, Double((qubits ?? 10_000) - 1)))
          let b = r.int(pair[1], p + "[1]", .closed(0, Double((qubits ?? 10_000) - 1)))
          guard let a, let b else { continue }
          if a == b { r.fail(item, p, "an edge joins two different qubits, found [\(a), \(b)]", .outOfRange); continue }
          edges?.append(QubitPair(a, b))
        }
      }
      if kind == .heavyHex && edges == nil && (rows == nil || rowLength == nil) {
        r.fail(c, "coupling", "a heavy_hex coupling needs 'edges' or 'rows' and 'row_length'", .missingKey)
      }
      if let kind, let qubits {
        coupling = CouplingSpec(kind: kind, qubits: qubits, explicitEdges: edges, rows: rows, rowLength: rowLength)
      }
    }
    if let coupling {
      for p in pendingLists where p.count != coupling.qubits {
        r.fail(p.node, p.key,
          "expected \(coupling.qubits) values, one per qubit (coupling.qubits), found \(p.count)", .outOfRange)
      }
      for p in pendingQubits where p.qubit >= coupling.qubits {
        r.fail(p.node, "\(p.key).\(p.qubit)", "qubit \(p.qubit) is not on the device (qubits 0-\(coupling.qubits - 1))", .outOfRange)
      }
      let known = Set(coupling.edges())
      for p in pendingEdges where !known.contains(p.edge) {
        r.fail(p.node, "\(p.key).\(p.edge)", "edge \(p.edge) is not in the coupling map", .unknownReference)
      }
    }
    guard r.errors.isEmpty, let id, let name, let vendor, let gates, let coupling, let t1, let t2, let g1, let g2,
      let e1, let e2, let ro, let pt, let ps, let qs
    else { throw SpecErrors(r.errors) }
    guard let kind1 = kinds[0], let kind2 = kinds[1], let rep, let overhead, let perSecond else { throw SpecErrors(r.errors) }
    var profile = DeviceProfile(
      id: id, name: name, vendor: vendor, nativeGates: gates, coupling: coupling, t1Us: t1, t2Us: t2,
      gateTime1qNs: g1, gateTime2qNs: g2, error1q: e1 ?? 0, error2q: e2 ?? 0, readoutError: ro ?? 0,
      pricePerTaskUSD: pt, pricePerShotUSD: ps, queueSeconds: qs, sources: sources, virtualZ: virtualZ)
    profile.error1qKind = kind1
    profile.error2qKind = kind2
    profile.repetitionDelayUs = rep
    profile.jobOverheadSeconds = overhead
    profile.pricePerQPUSecondUSD = perSecond
    profile.calibration = calibration
    return profile
  }

  /// The comment on a line (after `#`), or on the pure comment line just above it.
  static func comment(at line: Int, in lines: [Substring]) -> String? {
    func trailing(_ s: Substring) -> String? {
      guard let hash = s.range(of: " #") ?? (s.hasPrefix("#") ? s.range(of: "#") : nil) else { return nil }
      let text = s[hash.upperBound...].trimmingCharacters(in: .whitespaces)
      return text.isEmpty ? nil : text.hasPrefix("#") ? String(text.dropFirst()).trimmingCharacters(in: .whitespaces) : text
    }
    if line >= 1 && line <= lines.count, let c = trailing(lines[line - 1]) { return c }
    if line >= 2 && line - 1 <= lines.count {
      let above = lines[line - 2].trimmingCharacters(in: .whitespaces)
      if above.hasPrefix("#") {
        let text = above.dropFirst().trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
      }
    }
    return nil
  }
}

/// All device profiles of a folder, by id, with the errors of the files that failed to load.
public struct DeviceProfileCatalog: Sendable, Equatable {
  /// Loaded profiles by id.
  public var profiles: [String: DeviceProfile]
  /// Problems in profile files.
  public var errors: [SpecError]

  /// Loads every `*.yaml` directly in `folder` (a missing folder gives an empty catalog); each
  /// file must resolve inside `root` (default: the folder's project root).
  public init(folder: URL, displayFolder: String? = nil, root: URL? = nil) {
    profiles = [:]
    errors = []
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return }
    for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
      let url = folder.appendingPathComponent(name)
      let shown = displayFolder.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + name } ?? url.path
      do {
        let p = try DeviceProfileLoader.load(contentsOf: url, displayPath: shown, root: root)
        profiles[p.id] = p
      } catch {
        errors += error.errors
      }
    }
  }

  /// The profile with this id.
  public subscript(id: String) -> DeviceProfile? { profiles[id] }

  /// Profile ids, sorted.
  public var ids: [String] { profiles.keys.sorted() }
}

extension DeviceProfileCatalog {
  /// The devices folder a spec uses: `devices/` beside it, else the nearest ancestor's `specs/devices/`.
  public static func folder(forSpec spec: URL) -> URL {
    SpecLinter.devicesFolder(for: spec, shown: spec.path, root: nil).0
  }

  /// The catalog a spec uses (see `folder(forSpec:)`).
  public init(forSpec spec: URL) {
    self.init(folder: Self.folder(forSpec: spec))
  }
}
