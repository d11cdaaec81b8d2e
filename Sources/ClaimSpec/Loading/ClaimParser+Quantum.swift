import Yams

extension _ClaimParser {
  static let quantumKeys = [
    "id", "kind", "encoding", "svm", "ridge", "gamma", "ansatz", "readout", "training", "qubits", "pre", "layers", "entangler",
  ]
  static let preKeys = ["layer", "hidden", "activation"]
  static let encodingKeys = ["map", "reps", "entanglement", "alpha", "paulis", "rotation"]
  static let ansatzKeys = ["type", "layers", "entanglement", "entangler"]
  static let trainingKeys = ["optimizer", "learning_rate", "iterations", "loss", "batch_size", "early_stopping", "tolerance", "patience"]
  static let entanglementAliases: [String: Entanglement] = ["ring": .circular]

  func parseQuantumList(_ node: Node, dataset: DatasetSpec?) -> [QuantumModelSpec]? {
    guard let items = r.list(node, "quantum") else { return nil }
    var models: [QuantumModelSpec] = []
    var ids: [String: Int] = [:]
    for (i, item) in items.enumerated() {
      let p = "quantum[\(i)]"
      guard let m = parseQuantum(item, path: p, dataset: dataset) else { continue }
      if let first = ids[m.id] {
        r.fail(at: r.locations["\(p).id"] ?? r.location(item), "\(p).id",
          "duplicate model id '\(m.id)' (also quantum[\(first)].id); ids must be unique", .duplicateKey)
        continue
      }
      ids[m.id] = i
      models.append(m)
    }
    // A hybrid's identity control is added by the runner under the id `<id>-identity`.
    for (i, m) in models.enumerated() where m.kind == .hybrid {
      let control = QuantumModelSpec.controlID(of: m.id)
      if let j = models.firstIndex(where: { $0.id == control }) {
        r.fail(at: r.locations["quantum[\(j)].id"] ?? r.location(items[j]), "quantum[\(j)].id",
          "'\(control)' is the id of the identity control the runner adds for hybrid model quantum[\(i)]; choose another id",
          .duplicateKey)
        return nil
      }
    }
    return models.count == items.count ? models : nil
  }

  func parseQuantum(_ node: Node, path p: String, dataset: DatasetSpec?) -> QuantumModelSpec? {
    guard let f = r.mapping(node, p, allowed: Self.quantumKeys) else { return nil }
    let id = required("id", in: f) { self.r.safeID($0, f.path("id")) }
    let kind = required("kind", in: f) { self.r.choice($0, f.path("kind"), QuantumModelKind.self, what: "model kind") }
    let encoding = required("encoding", in: f, why: " (every claim states its data encoding)") {
      self.parseEncoding($0, path: f.path("encoding"))
    }
    guard let kind else { return nil }
    var ok = true
    func notFor(_ key: String, _ allowed: String) {
      if f.has(key) {
        r.fail(f.keys[key], f.path(key), "'\(key)' only applies to \(allowed) models, not to kind \(kind.rawValue)", .conflict)
        ok = false
      }
    }
    var svmC: [Double] = [1]
    var gamma: [Double] = []
    var ridgeAlpha: [Double] = [1]
    var ansatz: AnsatzSpec?
    var readout: ReadoutSpec?
    var training: TrainingSpec?
    var qubits: Int?
    var pre: PreLayerSpec?
    var uploads: UploadSpec?
    switch kind {
    case .kernel, .projectedKernel:
      for k in ["ansatz", "readout", "training"] { notFor(k, "variational, hybrid or reuploading") }
      notFor("qubits", "hybrid or reuploading")
      notFor("pre", "hybrid")
      for k in ["layers", "entangler"] { notFor(k, "reuploading") }
      if kind == .kernel { notFor("gamma", "projected_kernel") }
      if let s = f["svm"] {
        if let sf = r.mapping(s, f.path("svm"), allowed: ["C"]) {
          if let c = sf["C"] {
            if let list = positiveList(c, sf.path("C")) { svmC = list } else { ok = false }
          }
        } else { ok = false }
      }
      if let s = f["ridge"] {
        if let sf = r.mapping(s, f.path("ridge"), allowed: ["alpha"]) {
          if let a = sf["alpha"] {
            if let list = positiveList(a, sf.path("alpha")) { ridgeAlpha = list } else { ok = false }
          }
        } else { ok = false }
      }
      if kind == .projectedKernel {
        gamma = [1]
        if let g = f["gamma"] { if let list = positiveList(g, f.path("gamma")) { gamma = list } else { ok = false } }
      }
    case .variational, .hybrid, .reuploading:
      notFor("svm", "kernel or projected_kernel")
      notFor("ridge", "kernel or projected_kernel")
      notFor("gamma", "projected_kernel")
      if kind != .hybrid { notFor("pre", "hybrid") }
      if kind != .reuploading { for k in ["layers", "entangler"] { notFor(k, "reuploading") } }
      if kind == .variational { notFor("qubits", "hybrid or reuploading") }
      if kind == .reuploading { notFor("ansatz", "variational or hybrid") }
      if kind == .hybrid, f.has("readout") {
        r.fail(f.keys["readout"], f.path("readout"),
          "'readout' does not apply to kind hybrid: its circuit reads <Z> of every qubit into the output layer", .conflict)
        ok = false
      }
      if kind != .reuploading {
        if let a = f["ansatz"] { ansatz = parseAnsatz(a, path: f.path("ansatz")); ok = ok && ansatz != nil } else {
          r.missing("ansatz", in: f, why: " (a \(kind.rawValue) model needs its trainable circuit)"); ok = false
        }
      }
      if kind != .hybrid {
        readout = ReadoutSpec()
        if let ro = f["readout"] {
          if let rf = r.mapping(ro, f.path("readout"), allowed: ["observable"]), let o = rf["observable"] {
            if let v = r.choice(o, rf.path("observable"), ReadoutObservable.self, what: "observable") {
              readout = ReadoutSpec(observable: v)
            } else { ok = false }
          }
        }
      }
      training = TrainingSpec()
      if let t = f["training"] { training = parseTraining(t, path: f.path("training")); ok = ok && training != nil }
      if kind != .variational {
        if let v = f["qubits"] {
          if let x = r.int(v, f.path("qubits"), .closed(1, Double(SpecVocabulary.maxQubits))) { qubits = x } else { ok = false }
        }
        if let e = encoding, e.map != .angle {
          r.fail(f["encoding"], f.path("encoding"),
            "a \(kind.rawValue) model loads its angles with map angle, not \(e.map.rawValue)", .conflict)
          ok = false
        }
      }
      if kind == .hybrid {
        if let a = ansatz, a.type == .reuploading, let an = f["ansatz"], let af = r.mapping(an, f.path("ansatz"), allowed: Self.ansatzKeys) {
          r.fail(af["type"], af.path("type"),
            "a hybrid model's angles are loaded once; for data re-uploading use kind reuploading", .conflict)
          ok = false
        }
        if let t = training, t.earlyStopping, let tn = f["training"], let tf = r.mapping(tn, f.path("training"), allowed: Self.trainingKeys) {
          r.fail(tf["early_stopping"], tf.path("early_stopping"),
            "early_stopping is not supported for kind hybrid (use training.tolerance and patience)", .conflict)
          ok = false
        }
        pre = PreLayerSpec()
        if let v = f["pre"] { pre = parsePre(v, path: f.path("pre")); ok = ok && pre != nil }
        if let t = training, t.loss != .crossEntropy, let tn = f["training"], let tf = r.mapping(tn, f.path("training"), allowed: Self.trainingKeys) {
          r.fail(tf["loss"], tf.path("loss"),
            "a hybrid model is trained on the cross-entropy of its softmax output; loss \(t.loss.rawValue) does not apply", .conflict)
          ok = false
        }
      }
      if kind == .reuploading {
        var u = UploadSpec()
        if let v = f["layers"] {
          if let items = r.list(v, f.path("layers"), single: true) {
            let values = items.enumerated().compactMap { r.int($1, itemPath(v, f.path("layers"), $0), .closed(1, 1000)) }
            if values.count == items.count, let top = values.max() { u.layers = top; if values.count > 1 { u.layersGrid = values } } else { ok = false }
          } else { ok = false }
        }
        if let v = f["entangler"] {
          if let x = r.choice(v, f.path("entangler"), UploadEntangler.self, what: "entangler") { u.entangler = x } else { ok = false }
        }
        uploads = u
      }
    }
    guard ok, let id, let encoding else { return nil }
    if kind == .hybrid, qubits == nil, let features = dataset?.declaredFeatureCount, features > SpecVocabulary.maxQubits {
      r.fail(f.keys["kind"], f.path("kind"),
        "a hybrid model without 'qubits' uses one qubit per feature: \(features) features need \(features) qubits; at most \(SpecVocabulary.maxQubits) can be simulated (set qubits)",
        .outOfRange)
      return nil
    }
    if let features = dataset?.declaredFeatureCount, !(kind == .hybrid || kind == .reuploading) {
      let q = encoding.qubits(features: features)
      if q > SpecVocabulary.maxQubits {
        r.fail(f["encoding"], f.path("encoding"),
          "the data has \(features) features, so this encoding needs \(q) qubits; at most \(SpecVocabulary.maxQubits) can be simulated (reduce with {pca: k} or {select: [...]})",
          .outOfRange)
        return nil
      }
    }
    var spec = QuantumModelSpec(
      id: id, kind: kind, encoding: encoding, svmC: svmC, gamma: gamma, ansatz: ansatz, readout: readout,
      training: training, qubits: qubits, pre: pre, uploads: uploads)
    spec.ridgeAlpha = ridgeAlpha
    return spec
  }

  func parsePre(_ node: Node, path: String) -> PreLayerSpec? {
    guard let f = r.mapping(node, path, allowed: Self.preKeys) else { return nil }
    var p = PreLayerSpec()
    var ok = true
    if let v = f["layer"] { if let x = r.choice(v, f.path("layer"), PreLayerKind.self, what: "layer") { p.layer = x } else { ok = false } }
    if let v = f["hidden"] { if let x = r.int(v, f.path("hidden"), .closed(1, 256)) { p.hidden = x } else { ok = false } }
    if let v = f["activation"] {
      if let x = r.choice(v, f.path("activation"), ActivationName.self, what: "activation") { p.activation = x } else { ok = false }
    }
    if p.layer == .linear {
      for k in ["hidden", "activation"] where f.has(k) {
        r.fail(f.keys[k], f.path(k), "'\(k)' only applies to layer mlp", .conflict)
        ok = false
      }
    }
    return ok ? p : nil
  }

  /// The path of item `i` of a value that may be one scalar (its own path) or a list (`path[i]`).
  func itemPath(_ node: Node, _ path: String, _ i: Int) -> String {
    if case .scalar = node { return path }
    return "\(path)[\(i)]"
  }

  /// A positive number or a non-empty list of positive numbers.
  func positiveList(_ node: Node, _ path: String) -> [Double]? {
    guard let items = r.list(node, path, single: true) else { return nil }
    let values = items.enumerated().compactMap { r.number($1, "\(path)[\($0)]", .above(0)) }
    return values.count == items.count ? values : nil
  }

  func parseEncoding(_ node: Node, path: String) -> EncodingSpec? {
    if case .scalar = node {
      return r.choice(node, path, EncodingMap.self, what: "encoding map").map { EncodingSpec(map: $0) }
    }
    guard let f = r.mapping(node, path, allowed: Self.encodingKeys) else { return nil }
    guard let mapNode = f["map"] else { r.missing("map", in: f, why: " (the feature map: zz, pauli, angle, iqp, amplitude or basis)"); return nil }
    guard let map = r.choice(mapNode, f.path("map"), EncodingMap.self, what: "encoding map") else { return nil }
    var e = EncodingSpec(map: map)
    // The IQP embedding's own bandwidth is 1 (PennyLane); Pauli maps default to Qiskit's alpha = 2.
    if map == .iqp { e.alpha = 1 }
    var ok = true
    if let v = f["reps"] {
      // One count, or a list tuned by cross-validation; the largest is the circuit that is costed.
      if let items = r.list(v, f.path("reps"), single: true) {
        let values = items.enumerated().compactMap { r.int($1, itemPath(v, f.path("reps"), $0), .closed(1, Double(SpecVocabulary.maxReps))) }
        if values.count == items.count, let top = values.max() { e.reps = top; if values.count > 1 { e.repsGrid = values } } else { ok = false }
      } else { ok = false }
    }
    if let v = f["entanglement"] {
      if let x = r.choice(v, f.path("entanglement"), Entanglement.self, what: "entanglement", aliases: Self.entanglementAliases) {
        e.entanglement = x
      } else { ok = false }
    }
    if f["alpha"] != nil, ![.zz, .z, .pauli, .iqp].contains(map) {
      r.fail(f.keys["alpha"], f.path("alpha"), "'alpha' (the data scaling) applies to maps zz, z, pauli and iqp, not \(map.rawValue)", .conflict)
      ok = false
    } else if let v = f["alpha"] {
      // One number, or a list tuned by cross-validation like a baseline's grid (the kernel's bandwidth).
      if let items = r.list(v, f.path("alpha"), single: true) {
        let values = items.enumerated().compactMap { r.number($1, itemPath(v, f.path("alpha"), $0), _Range(low: 0, lowOpen: true, high: 100)) }
        if values.count == items.count, !values.isEmpty { e.alphaGrid = values; e.alpha = values[0] } else { ok = false }
      } else { ok = false }
    }
    if let v = f["paulis"] {
      if map != .pauli {
        r.fail(f.keys["paulis"], f.path("paulis"), "'paulis' only applies to map pauli", .conflict); ok = false
      } else if let items = r.list(v, f.path("paulis")) {
        var list: [String] = []
        for (i, item) in items.enumerated() {
          guard let s = r.string(item, f.path("paulis") + "[\(i)]", acceptNumbers: true) else { ok = false; continue }
          guard !s.isEmpty, s.count <= 4, s.allSatisfy({ "XYZ".contains($0) }) else {
            r.fail(item, f.path("paulis") + "[\(i)]", "expected a Pauli string of 1 to 4 letters X, Y, Z (e.g. Z, ZZ, XY), found '\(s)'", .outOfRange)
            ok = false; continue
          }
          list.append(s)
        }
        e.paulis = list
      } else { ok = false }
    }
    if let v = f["rotation"] {
      if map != .angle {
        r.fail(f.keys["rotation"], f.path("rotation"), "'rotation' only applies to map angle", .conflict); ok = false
      } else if let x = r.choice(v, f.path("rotation"), Rotation.self, what: "rotation") { e.rotation = x } else { ok = false }
    }
    return ok ? e : nil
  }

  func parseAnsatz(_ node: Node, path: String) -> AnsatzSpec? {
    guard let f = r.mapping(node, path, allowed: Self.ansatzKeys) else { return nil }
    guard let tn = f["type"] else { r.missing("type", in: f); return nil }
    guard let type = r.choice(tn, f.path("type"), AnsatzType.self, what: "ansatz type") else { return nil }
    var a = AnsatzSpec(type: type)
    var ok = true
    if let v = f["layers"] {
      if let items = r.list(v, f.path("layers"), single: true) {
        let values = items.enumerated().compactMap { r.int($1, itemPath(v, f.path("layers"), $0), .closed(1, 1000)) }
        if values.count == items.count, let top = values.max() { a.layers = top; if values.count > 1 { a.layersGrid = values } } else { ok = false }
      } else { ok = false }
    }
    if let v = f["entanglement"] {
      if let x = r.choice(v, f.path("entanglement"), Entanglement.self, what: "entanglement", aliases: Self.entanglementAliases) {
        a.entanglement = x
      } else { ok = false }
    }
    if let v = f["entangler"] {
      if let x = r.choice(v, f.path("entangler"), Entangler.self, what: "entangler") { a.entangler = x } else { ok = false }
    }
    return ok ? a : nil
  }

  func parseTraining(_ node: Node, path: String) -> TrainingSpec? {
    guard let f = r.mapping(node, path, allowed: Self.trainingKeys) else { return nil }
    var t = TrainingSpec()
    var ok = true
    if let v = f["optimizer"] { if let x = r.choice(v, f.path("optimizer"), OptimizerName.self, what: "optimizer") { t.optimizer = x } else { ok = false } }
    if let v = f["learning_rate"] {
      // One rate, or a list tuned by cross-validation on the training split.
      if let items = r.list(v, f.path("learning_rate"), single: true) {
        let values = items.enumerated().compactMap { r.number($1, itemPath(v, f.path("learning_rate"), $0), _Range(low: 0, lowOpen: true, high: 10)) }
        if values.count == items.count, !values.isEmpty { t.learningRates = values; t.learningRate = values[0] } else { ok = false }
      } else { ok = false }
    }
    if let v = f["tolerance"] { if let x = r.number(v, f.path("tolerance"), _Range(low: 0, high: 1)) { t.tolerance = x } else { ok = false } }
    if let v = f["patience"] { if let x = r.int(v, f.path("patience"), .closed(1, 100_000)) { t.patience = x } else { ok = false } }
    if let v = f["iterations"] { if let x = r.int(v, f.path("iterations"), .closed(1, 100_000)) { t.iterations = x } else { ok = false } }
    if let v = f["loss"] { if let x = r.choice(v, f.path("loss"), LossName.self, what: "loss") { t.loss = x } else { ok = false } }
    if let v = f["batch_size"] { if let x = r.int(v, f.path("batch_size"), .closed(1, 1_000_000)) { t.batchSize = x } else { ok = false } }
    if let v = f["early_stopping"] { if let x = r.bool(v, f.path("early_stopping")) { t.earlyStopping = x } else { ok = false } }
    return ok ? t : nil
  }
}
