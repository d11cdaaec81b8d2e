import ClaimSpec
import QMLKit
import QuantumSim

/// The quantum models and backends of a claim, resolved once into runnable QMLKit values.
struct ModelPlan: Sendable {
  /// A quantum model with its encoding built.
  struct Model: Sendable {
    var spec: QuantumModelSpec
    /// The encoding at the first `alpha` and the largest `reps` (the circuit that is costed and exported).
    var encoding: any Encoding
    /// The encoding at every (`alpha`, `reps`) of the spec's grids, in spec order (one entry when not tuned).
    var candidates: [(alpha: Double, reps: Int, encoding: any Encoding)] = []
    /// For the identity-circuit control the runner adds after each hybrid model: that model's id.
    var controlOf: String? = nil

    /// True when the encoding's `alpha` or `reps` is tuned by cross-validation.
    var tunesAlpha: Bool { candidates.count > 1 }
    /// True when `reps` is tuned.
    var tunesReps: Bool { Set(candidates.map(\.reps)).count > 1 }
    /// The hyperparameters a candidate stands for, as results record them.
    func label(_ i: Int) -> [String: String] {
      var out: [String: String] = [:]
      if Set(candidates.map(\.alpha)).count > 1 { out["alpha"] = formatNumber(candidates[i].alpha) }
      if tunesReps { out["reps"] = String(candidates[i].reps) }
      return out
    }

    /// How the data enters the model, in words: the encoding, or for a hybrid its angle layer
    /// (its control: none), for a re-uploading model its trainable uploads.
    var loadingDescription: String {
      if let of = controlOf { return "none (classical control of \(of): no circuit)" }
      switch spec.kind {
      case .hybrid:
        return "angles π/2·tanh(W h + b) from a classical input layer, loaded as H then ry(angle) on \(spec.qubits.map(String.init) ?? "one qubit per feature") qubit(s)"
      case .reuploading:
        return "re-uploaded in every layer as ry·rz·ry(w ⊙ x + θ) on \(spec.qubits ?? 1) qubit(s)"
      default: return encodingDescription
      }
    }

    /// The encoding in words; a tuned bandwidth reads as its grid, not as its first value.
    var encodingDescription: String {
      guard tunesAlpha else { return encoding.describe }
      var text = encoding.describe
      let alphas = spec.encoding.alphaGrid
      if alphas.count > 1 {
        let grid = "{" + alphas.map { formatNumber($0) }.joined(separator: ", ") + "} tuned by cross-validation"
        let first = formatNumber(alphas[0])
        let before = text
        for (old, new) in [("alpha \(first)", "alpha in \(grid)"), ("features scaled by \(first)", "features scaled by a factor in \(grid)")] {
          text = text.replacingOccurrences(of: old, with: new)
        }
        if text == before { text += ", alpha in \(grid)" }
      }
      if tunesReps {
        let reps = spec.encoding.repsGrid
        let grid = "{" + reps.map(String.init).joined(separator: ", ") + "} tuned by cross-validation"
        let top = String(reps.max()!)
        let before = text
        text = text.replacingOccurrences(of: "reps \(top)", with: "reps in \(grid)")
        if text == before { text += ", reps in \(grid)" }
      }
      return text
    }
  }
  /// A backend resolved to a QMLKit backend plus, for device backends, the profile.
  struct Backend: Sendable {
    var spec: BackendSpec
    var backend: QuantumBackend
    var device: DeviceProfile?
    /// Imported kernel matrices of a `hardware:` backend (nil for simulated backends).
    var hardware: HardwareKernels? = nil

    /// The spec's `mitigation` where there is noise to mitigate (none on noiseless backends).
    var mitigation: ErrorMitigation {
      guard backend.noise != nil else { return .none }
      return ErrorMitigation(readout: spec.mitigation.readout, zne: spec.mitigation.zne)
    }
  }

  var models: [Model]
  var backends: [Backend]

  /// Resolves the claim's models and backends; unknown devices are input errors.
  init(claim: Claim, devices: [String: DeviceProfile]) throws {
    models = try Self.models(claim)
    backends = try claim.backends.enumerated().map { i, b in
      let field = "backends[\(i)]"
      var device: DeviceProfile?
      if let id = b.profileID {
        guard let d = devices[id] else {
          throw RunnerError.invalidClaim(
            file: claim.location(of: field).description, field: field,
            message: "unknown device profile '\(id)'; known: \(devices.keys.sorted().joined(separator: ", "))")
        }
        device = d
      }
      var hardware: HardwareKernels?
      if case .hardware = b.target { hardware = try HardwareKernelStore.loadForRun(claim: claim, backendIndex: i) }
      let backend: QuantumBackend
      do { backend = try BackendResolver.backend(for: b, device: device) } catch let e as NoiseError {
        throw RunnerError.invalidClaim(
          file: claim.location(of: field).description, field: field, message: "noise: \(e.description)")
      }
      if !b.mitigation.isNone && backend.noise == nil {
        throw RunnerError.invalidClaim(
          file: claim.location(of: field + ".mitigation").description, field: field + ".mitigation",
          message: "backend '\(b.id)' adds no noise (device profile '\(b.profileID ?? "")'), so there is nothing to mitigate; remove 'mitigation'")
      }
      return Backend(spec: b, backend: backend, device: device, hardware: hardware)
    }
  }

  /// The claim's quantum models with their encodings built.
  static func models(_ claim: Claim) throws -> [Model] {
    try withControls(specModels(claim))
  }

  /// The models with, after each hybrid model, its classical control: the same input and output
  /// layers, trained the same way, with the circuit replaced by the identity map.
  static func withControls(_ models: [Model]) -> [Model] {
    models.flatMap { m -> [Model] in
      guard m.spec.kind == .hybrid else { return [m] }
      var control = m
      control.spec.id = QuantumModelSpec.controlID(of: m.spec.id)
      control.controlOf = m.spec.id
      return [m, control]
    }
  }

  /// The claim's own quantum models with their encodings built.
  static func specModels(_ claim: Claim) throws -> [Model] {
    try claim.quantum.enumerated().map { i, m in
      do {
        let e = m.encoding
        let reps = e.repsGrid.isEmpty ? [e.reps] : e.repsGrid
        func make(_ alpha: Double, _ r: Int) throws -> any Encoding { try e.build(alpha: alpha, reps: r) }
        var candidates: [(alpha: Double, reps: Int, encoding: any Encoding)] = []
        for alpha in e.alphaGrid { for r in reps { candidates.append((alpha, r, try make(alpha, r))) } }
        return Model(spec: m, encoding: try make(e.alphaGrid[0], e.reps), candidates: candidates)
      } catch {
        throw RunnerError.invalidClaim(
          file: claim.location(of: "quantum[\(i)].encoding").description, field: "quantum[\(i)].encoding",
          message: "\(error)")
      }
    }
  }
}

extension ModelPlan {
  /// The quantum model a dequantized baseline copies (its `of`, default the first quantum model):
  /// its encoding, uploaded once per ansatz layer for a data re-uploading model; nil for other baselines.
  func spectrumSource(for baseline: BaselineSpec) -> SpectrumSource? {
    guard let spec = baseline.dequantizedModel(in: models.map(\.spec)),
      let model = models.first(where: { $0.spec.id == spec.id })
    else { return nil }
    let uploads = spec.ansatz?.type == .reuploading ? VariationalStage.ansatz(spec).layers : 1
    return SpectrumSource(encoding: model.encoding, uploads: uploads)
  }
}
