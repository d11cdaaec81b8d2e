import ClaimSpec
import QMLKit
import QuantumSim

/// The quantum models and backends of a claim, resolved once into runnable QMLKit values.
struct ModelPlan: Sendable {
  /// A quantum model with its encoding built.
  struct Model: Sendable {
    var spec: QuantumModelSpec
    /// The encoding at the first `alpha` (the one whose circuit is costed and exported).
    var encoding: any Encoding
    /// The encoding at every `alpha` of the spec's grid, in spec order (one entry when not tuned).
    var candidates: [(alpha: Double, encoding: any Encoding)] = []

    /// True when the bandwidth `alpha` is tuned by cross-validation.
    var tunesAlpha: Bool { candidates.count > 1 }

    /// The encoding in words; a tuned bandwidth reads as its grid, not as its first value.
    var encodingDescription: String {
      guard tunesAlpha else { return encoding.describe }
      let grid = "{" + candidates.map { formatNumber($0.alpha) }.joined(separator: ", ") + "} tuned by cross-validation"
      let first = formatNumber(candidates[0].alpha)
      var text = encoding.describe
      for (old, new) in [("alpha \(first)", "alpha in \(grid)"), ("features scaled by \(first)", "features scaled by a factor in \(grid)")] {
        text = text.replacingOccurrences(of: old, with: new)
      }
      return text == encoding.describe ? text + ", alpha in \(grid)" : text
    }
  }
  /// A backend resolved to a QMLKit backend plus, for device backends, the profile.
  struct Backend: Sendable {
    var spec: BackendSpec
    var backend: QuantumBackend
    var device: DeviceProfile?
    /// Imported kernel matrices of a `hardware:` backend (nil for simulated backends).
    var hardware: HardwareKernels? = nil
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
      return Backend(
        spec: b, backend: try BackendResolver.backend(for: b, device: device), device: device, hardware: hardware)
    }
  }

  /// The claim's quantum models with their encodings built.
  static func models(_ claim: Claim) throws -> [Model] {
    try claim.quantum.enumerated().map { i, m in
      do {
        let e = m.encoding
        let candidates = try e.alphaGrid.map { alpha in
          (alpha: alpha, encoding: try EncodingName.make(
            e.map.rawValue, reps: e.reps, entanglement: e.entanglement.rawValue, alpha: alpha,
            paulis: e.paulis, rotation: e.rotation.rawValue) as any Encoding)
        }
        return Model(spec: m, encoding: candidates[0].encoding, candidates: candidates)
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
