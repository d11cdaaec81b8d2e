import Yams

extension _ClaimParser {
  static let baselineKeys = ["id", "model", "scale", "grid", "of"]
  static let backendKeys = ["id", "simulator", "device", "hardware", "shots", "noise", "mitigation", "measure_diagonal"]
  static let mitigationNames = ["none", "readout", "zne"]
  static let noiseKeys = [
    "depolarizing", "depolarizing2", "readout", "amplitude_damping", "phase_damping", "t1", "t2",
    "gate_time_1q_ns", "gate_time_2q_ns",
  ]

  func parseBaselines(_ node: Node, quantum: [QuantumModelSpec]?) -> [BaselineSpec]? {
    guard let items = r.list(node, "baselines") else { return nil }
    var out: [BaselineSpec] = []
    var ids: [String: Int] = [:]
    for (i, item) in items.enumerated() {
      let p = "baselines[\(i)]"
      guard let f = r.mapping(item, p, allowed: Self.baselineKeys) else { continue }
      guard let mn = f["model"] else { r.missing("model", in: f); continue }
      guard let model = r.choice(mn, f.path("model"), BaselineModel.self, what: "baseline model", aliases: BaselineModel.aliases)
      else { continue }
      var id = model.rawValue
      if let idn = f["id"] { guard let s = r.safeID(idn, f.path("id")) else { continue }; id = s }
      var grid: [String: [GridValue]] = [:]
      if let g = f["grid"] {
        guard let parsed = parseGrid(g, path: f.path("grid"), model: model) else { continue }
        grid = parsed
      }
      var scale: BaselineScaling?
      if let sn = f["scale"] {
        guard let s = r.choice(sn, f.path("scale"), BaselineScaling.self, what: "scaling") else { continue }
        if model == .randomForest && s == .standard {
          r.fail(sn, f.path("scale"), "random_forest does not take a scaler (its splits do not depend on scale); remove 'scale'", .conflict)
          continue
        }
        if model == .rffQuantum && s == .standard {
          r.fail(sn, f.path("scale"),
            "rff_quantum evaluates the quantum encoding on the features as the quantum model sees them; remove 'scale'", .conflict)
          continue
        }
        scale = s
      }
      var of: String?
      if let on = f["of"] {
        guard model.isDequantized else {
          r.fail(on, f.path("of"), "'of' names the quantum model a dequantized baseline copies; only rff_quantum takes it", .conflict)
          continue
        }
        guard let s = r.safeID(on, f.path("of")) else { continue }
        if let quantum, !quantum.contains(where: { $0.id == s }) {
          r.fail(on, f.path("of"),
            "unknown quantum model '\(s)'; expected one of \(quantum.map(\.id).joined(separator: ", "))", .unknownReference)
          continue
        }
        of = s
      }
      if model.isDequantized, let quantum,
        let target = of.flatMap({ s in quantum.first { $0.id == s } }) ?? quantum.first,
        !target.encoding.map.hasSpectrum || target.kind == .hybrid || target.kind == .reuploading
      {
        let why = target.kind == .hybrid || target.kind == .reuploading
          ? "quantum model '\(target.id)' is a \(target.kind.rawValue) model, whose trained data weights make its frequencies trainable"
          : "quantum model '\(target.id)' uses '\(target.encoding.map.rawValue)', which has none"
        r.fail(at: r.locations[f.path("of")] ?? r.locations[f.path("model")] ?? r.location(item), f.path(f.has("of") ? "of" : "model"),
          "rff_quantum samples the frequency spectrum of Pauli-rotation encodings; " + why
            + (f.has("of") ? "" : " (name another model with 'of')"), .conflict)
        continue
      }
      if let first = ids[id] {
        r.fail(at: r.locations[f.path("id")] ?? r.location(item), f.path(f.has("id") ? "id" : "model"),
          "duplicate baseline id '\(id)' (also baselines[\(first)]); give each baseline of the same model an 'id'",
          .duplicateKey)
        continue
      }
      ids[id] = i
      out.append(BaselineSpec(id: id, model: model, grid: grid, scale: scale, of: of))
    }
    return out.count == items.count ? out : nil
  }

  func parseGrid(_ node: Node, path: String, model: BaselineModel) -> [String: [GridValue]]? {
    let params = SpecVocabulary.baselineGrids[model] ?? []
    guard let f = r.mapping(node, path, allowed: params.map(\.name)) else { return nil }
    var grid: [String: [GridValue]] = [:]
    var ok = true
    for p in params {
      guard let v = f[p.name] else { continue }
      let gp = f.path(p.name)
      guard let items = r.list(v, gp, single: true) else { ok = false; continue }
      var values: [GridValue] = []
      for (i, item) in items.enumerated() {
        let ip = "\(gp)[\(i)]"
        if let x = r.numericValue(item) {
          if let problem = p.rangeProblem(x) {
            r.fail(item, ip, "\(problem), found \(_Range.show(x))", .outOfRange); ok = false; continue
          }
          values.append(.number(x))
        } else if case .scalar(let s) = item, p.names.contains(s.string) {
          values.append(.text(s.string))
        } else {
          let allowed = p.names.isEmpty ? "a number" : "a number or one of \(p.names.joined(separator: ", "))"
          let hint = EditDistance.suggestion(for: (item.scalar?.string ?? ""), among: p.names)
          r.fail(item, ip, "expected \(allowed), found \(r.describe(item))" + (hint.map { "; did you mean '\($0)'?" } ?? ""),
            .typeMismatch, suggestion: hint)
          ok = false
        }
      }
      grid[p.name] = values
    }
    return ok ? grid : nil
  }

  func parseBackends(_ node: Node) -> [BackendSpec]? {
    guard let items = r.list(node, "backends") else { return nil }
    var out: [BackendSpec] = []
    var ids: [String: Int] = [:]
    for (i, item) in items.enumerated() {
      let p = "backends[\(i)]"
      guard let b = parseBackend(item, path: p) else { continue }
      if let first = ids[b.id] {
        r.fail(at: r.locations["\(p).id"] ?? r.location(item), "\(p).id",
          "duplicate backend id '\(b.id)' (also backends[\(first)].id); ids must be unique", .duplicateKey)
        continue
      }
      // Imported counts of a backend live in hardware/<claim>/<backend>.json beside the export's manifest.json.
      if b.id == "manifest" {
        r.fail(at: r.locations["\(p).id"] ?? r.location(item), "\(p).id",
          "backend id 'manifest' is reserved: hardware/<claim>/manifest.json is the export's manifest; choose another id", .conflict)
        continue
      }
      ids[b.id] = i
      out.append(b)
    }
    return out.count == items.count ? out : nil
  }

  func parseBackend(_ node: Node, path p: String) -> BackendSpec? {
    guard let f = r.mapping(node, p, allowed: Self.backendKeys) else { return nil }
    let id = required("id", in: f) { self.r.safeID($0, f.path("id")) }
    let targets = ["simulator", "device", "hardware"].filter { f.has($0) }
    guard let targetKey = targets.first else {
      r.fail(at: r.locationForMissing(in: f), p,
        "missing backend target: give 'simulator: statevector|density_matrix', 'device: <profile id>' or 'hardware: <profile id>'",
        .missingKey)
      return nil
    }
    if targets.count > 1 {
      r.fail(f.keys[targets[1]], f.path(targets[1]),
        "'\(targets[1])' cannot be combined with '\(targetKey)': a backend has exactly one target", .conflict)
      return nil
    }
    var target: BackendTarget?
    switch targetKey {
    case "simulator":
      target = r.choice(f["simulator"]!, f.path("simulator"), SimulatorMethod.self, what: "simulator").map { .simulator($0) }
    case "device":
      target = r.safeID(f["device"]!, f.path("device")).map { .device($0) }
    default:
      target = r.safeID(f["hardware"]!, f.path("hardware")).map { .hardware($0) }
    }
    var shots: ShotSetting? = .unstated
    if let s = f["shots"] {
      if case .scalar(let sc) = s, sc.string == "exact" {
        if targetKey != "simulator" {
          r.fail(s, f.path("shots"), "'exact' is only possible on a simulator; a \(targetKey) backend needs a shot count", .outOfRange)
          shots = nil
        } else {
          shots = .exact
        }
      } else if let x = r.numericValue(s) {
        if x != x.rounded() {
          r.fail(s, f.path("shots"), "expected an integer, found \(r.describe(s))", .typeMismatch); shots = nil
        } else if x <= 0 || x > Double(SpecVocabulary.maxShots) {
          r.fail(s, f.path("shots"), "expected a value >= 1 and <= \(SpecVocabulary.maxShots), found \(_Range.show(x))", .outOfRange)
          shots = nil
        } else {
          shots = .count(Int(x))
        }
      } else {
        r.fail(s, f.path("shots"), "expected a shot count or 'exact', found \(r.describe(s))", .typeMismatch)
        shots = nil
      }
    }
    var noise: NoiseSpec?
    var ok = true
    if let n = f["noise"] {
      if targetKey != "simulator" {
        r.fail(f.keys["noise"], f.path("noise"), "'noise' only applies to a simulator; a \(targetKey) backend takes its noise from the device profile", .conflict)
        ok = false
      } else {
        noise = parseNoise(n, path: f.path("noise"))
        ok = noise != nil
      }
    }
    var mitigation = MitigationSpec()
    if let m = f["mitigation"] {
      if let parsed = parseMitigation(m, path: f.path("mitigation")) {
        mitigation = parsed
        if !parsed.isNone {
          if targetKey == "hardware" {
            r.fail(f.keys["mitigation"], f.path("mitigation"),
              "'mitigation' applies to simulated backends; a hardware backend is scored from the counts it imports", .conflict)
            ok = false
          } else if targetKey == "simulator" && noise == nil {
            r.fail(f.keys["mitigation"], f.path("mitigation"),
              "'mitigation' needs noise to mitigate: give this simulator a 'noise' block, or use a 'device' backend", .conflict)
            ok = false
          }
        }
      } else {
        ok = false
      }
    }
    var measureDiagonal = false
    if let m = f["measure_diagonal"] {
      if let v = r.bool(m, f.path("measure_diagonal")) {
        measureDiagonal = v
        if v && targetKey == "hardware" {
          r.fail(f.keys["measure_diagonal"], f.path("measure_diagonal"),
            "'measure_diagonal' applies to simulated backends; a hardware backend's diagonal is not exported (it is 1)", .conflict)
          ok = false
        } else if v && targetKey == "simulator" && noise == nil && shots != nil && !(shots.map { if case .count = $0 { return true } else { return false } } ?? false) {
          r.fail(f.keys["measure_diagonal"], f.path("measure_diagonal"),
            "'measure_diagonal' applies to backends with shots or noise; an exact noiseless simulator's diagonal is 1", .conflict)
          ok = false
        }
      } else {
        ok = false
      }
    }
    guard ok, let id, let target, let shots else { return nil }
    return BackendSpec(id: id, target: target, shots: shots, noise: noise, mitigation: mitigation, measureDiagonal: measureDiagonal)
  }

  /// `none`, `readout`, `zne`, or a list of `readout` and `zne`.
  func parseMitigation(_ node: Node, path: String) -> MitigationSpec? {
    guard let items = r.list(node, path, single: true) else { return nil }
    var out = MitigationSpec()
    var ok = true
    for (i, item) in items.enumerated() {
      let ip = items.count == 1 && node.sequence == nil ? path : "\(path)[\(i)]"
      guard case .scalar(let sc) = item, Self.mitigationNames.contains(sc.string) else {
        let hint = EditDistance.suggestion(for: item.scalar?.string ?? "", among: Self.mitigationNames)
        r.fail(item, ip, "expected one of none, readout, zne (or a list of readout and zne), found \(r.describe(item))"
          + (hint.map { "; did you mean '\($0)'?" } ?? ""), .typeMismatch, suggestion: hint)
        ok = false
        continue
      }
      switch sc.string {
      case "readout": out.readout = true
      case "zne": out.zne = true
      default:
        if items.count > 1 {
          r.fail(item, ip, "'none' cannot be combined with other mitigation", .conflict)
          ok = false
        }
      }
    }
    return ok ? out : nil
  }

  /// Mitigation a backend cannot apply to one of the claim's models, located at its `mitigation`
  /// key: readout inversion needs measured outcomes with readout error (fidelity kernels and
  /// variational readouts); ZNE folds circuits whose estimates are not trained through (fidelity
  /// and projected kernels).
  func checkMitigation(_ backends: [BackendSpec], quantum: [QuantumModelSpec]) {
    for (i, b) in backends.enumerated() where !b.mitigation.isNone {
      let path = "backends[\(i)].mitigation"
      for m in quantum {
        var problem: String?
        if m.kind == .hybrid {
          problem = "mitigation is not applied to hybrid models yet (their per-qubit readouts feed a trained output layer)"
        } else if task == .regression && m.kind == .variational {
          problem = "mitigation is not applied to variational regressors yet"
        } else if (m.kind == .variational || m.kind == .reuploading) && b.mitigation.zne {
          problem = "zne is not applied to \(m.kind.rawValue) models (their training would need every readout and gradient folded); use 'readout'"
        } else if m.kind == .projectedKernel && b.mitigation.readout {
          problem = "a projected kernel's Pauli expectations carry no readout error in qlift's model, so 'readout' has nothing to invert; use 'zne'"
        }
        if let problem {
          r.fail(at: r.locations[path] ?? r.locations["backends[\(i)]"] ?? SourceLocation(file: r.file, line: 1, column: 1),
            path, "backend '\(b.id)' cannot mitigate quantum model '\(m.id)' (\(m.kind.rawValue)): \(problem)", .conflict)
          break
        }
      }
    }
  }

  func parseNoise(_ node: Node, path: String) -> NoiseSpec? {
    guard let f = r.mapping(node, path, allowed: Self.noiseKeys) else { return nil }
    var ok = true
    func read(_ key: String, _ range: _Range) -> Double? {
      guard let v = f[key] else { return nil }
      let x = r.number(v, f.path(key), range)
      if x == nil { ok = false }
      return x
    }
    let unit = _Range.closed(0, 1)
    let time = _Range(low: 0, lowOpen: true, high: 1e9)
    let n = NoiseSpec(
      depolarizing: read("depolarizing", unit), depolarizing2: read("depolarizing2", unit),
      readout: read("readout", .closed(0, 0.5)), amplitudeDamping: read("amplitude_damping", unit),
      phaseDamping: read("phase_damping", unit), t1: read("t1", time), t2: read("t2", time),
      gateTime1qNs: read("gate_time_1q_ns", time), gateTime2qNs: read("gate_time_2q_ns", time))
    if let t1 = n.t1, let t2 = n.t2, t2 > 2 * t1 {
      r.fail(f["t2"], f.path("t2"), "t2 must be <= 2·t1 (\(_Range.show(2 * t1))), found \(_Range.show(t2))", .outOfRange)
      ok = false
    }
    if (n.t1 != nil || n.t2 != nil) && (n.gateTime1qNs == nil || n.gateTime2qNs == nil) {
      r.fail(f.node, path, "t1/t2 need gate_time_1q_ns and gate_time_2q_ns to turn into per-gate noise", .missingKey)
      ok = false
    }
    return ok ? n : nil
  }
}
