import ClaimSpec
import Foundation

/// `manifest.json` of `qlift export-qasm`: what was exported, from which spec, and for which
/// hardware backend; one entry per circuit file.
public struct HardwareManifest: Codable, Sendable, Equatable {
  /// One exported circuit.
  public struct Entry: Codable, Sendable, Equatable {
    /// Circuit id (the key of its counts in the counts file).
    public var id: String
    /// Quantum model id.
    public var model: String
    /// Seed of the split.
    public var seed: Int
    /// `train` (pair i < j of the training split), `test` (test row i, train column j),
    /// `infer` (a trained model's circuit for test row i, output circuit j), or `sample` (a Born
    /// machine's trained circuit; i = j = 0).
    public var kind: String
    /// Row and column of the kernel entry; for `infer`, test row and output circuit.
    public var i: Int
    public var j: Int
    /// Qubits measured (the bit-string width of its counts).
    public var qubits: Int
    /// The OpenQASM 3 file, relative to the manifest.
    public var file: String
    /// Shots the claim's hardware backend asks for.
    public var shots: Int?
    /// Features loaded by U(x) and by U(y)† (after preprocessing), at full precision; for
    /// `infer`, x is the test input and y is empty.
    public var x: [Double]
    public var y: [Double]
    /// `infer` and `sample` only: what the counts are read as (`Z0`, `parity(0,1)`, `Z per qubit`;
    /// `samples` for a Born machine).
    public var readout: String? = nil
    /// `infer` and `sample` only: the backend the bound weights were trained on (a simulator, never the device).
    public var trainedOn: String? = nil

    enum CodingKeys: String, CodingKey {
      case id, model, seed, kind, i, j, qubits, file, shots, x, y, readout, trainedOn = "trained_on"
    }
  }

  /// How a trained model whose inference circuits were exported was trained (per seed).
  public struct Training: Codable, Sendable, Equatable {
    /// Model id, seed and kind.
    public var model: String
    public var seed: Int
    public var kind: String
    /// The simulator backend it was trained on (a claim backend id, or `statevector (exact)`).
    public var trainedOn: String
    /// Optimizer iterations run and the final training loss.
    public var iterations: Int
    public var finalLoss: Double
    /// Learning rate and layers chosen by cross-validation, when the spec tuned them.
    public var learningRate: Double?
    public var layers: Int?
    /// A Born machine's depth (chosen by validation likelihood when the spec gave several).
    public var depth: Int? = nil

    enum CodingKeys: String, CodingKey {
      case model, seed, kind, trainedOn = "trained_on", iterations, finalLoss = "final_loss", learningRate = "learning_rate", layers
      case depth
    }
  }

  /// Format version of this file.
  public var formatVersion: Int
  /// Claim id.
  public var claim: String
  /// `ContentHash.claim` of the spec at export; import refuses counts for another hash.
  public var specHash: String
  /// qlift version that exported.
  public var qliftVersion: String
  /// The hardware backend id and its device profile.
  public var backend: String
  public var device: String
  /// Shots per circuit of that backend.
  public var shots: Int?
  /// Seeds, and train/test sizes per seed.
  public var seeds: [Int]
  public var sizes: [String: [Int]]
  /// Bit order of counts keys.
  public var bitOrder: String
  /// Every circuit.
  public var circuits: [Entry]
  /// Models not exported, with the reason.
  public var skipped: [HardwareCircuits.Skipped]
  /// Trained models whose inference circuits were exported: trained on the simulator, per seed
  /// (absent when there are none, as in manifests written before trained models were exported).
  public var training: [Training]? = nil

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version", claim, specHash = "spec_hash", qliftVersion = "qlift_version"
    case backend, device, shots, seeds, sizes, bitOrder = "bit_order", circuits, skipped, training
  }
}

/// Writes a claim's kernel and inference circuits as OpenQASM 3 files plus `manifest.json`.
public enum HardwareExporter {
  /// The hardware backend `id` names, or the claim's first hardware backend when `id` is nil.
  /// - Throws: `HardwareError` when there is no such hardware backend.
  public static func hardwareBackend(_ claim: Claim, id: String?) throws -> BackendSpec {
    let hw = claim.backends.filter { if case .hardware = $0.target { return true } else { return false } }
    if let id {
      guard let b = hw.first(where: { $0.id == id }) else {
        let known = hw.map(\.id)
        throw HardwareError(
          file: claim.file,
          "no hardware backend '\(id)'; " + (known.isEmpty ? "the claim has none" : "hardware backends: \(known.joined(separator: ", "))"))
      }
      return b
    }
    guard let b = hw.first else {
      throw HardwareError(
        file: claim.file,
        "the claim has no 'hardware:' backend; add one, e.g. '- {id: hw, hardware: ibm-heron-r2, shots: 1024}', to export its circuits")
    }
    return b
  }

  /// Exports every kernel circuit of `claim` for `backend` into `folder` (replacing an earlier
  /// export's `circuits/`) and returns the manifest written. Nothing below the spec's folder (for
  /// the default `hardware/<claim>/` there) or below `folder` (one the user named elsewhere) is
  /// followed if it is a symbolic link (`OutputEntry`): a committed link never leads the deletion
  /// of `circuits/` or a write outside.
  /// - Throws: `HardwareError`, `RunnerError`, `ProjectFile.Refusal`, or file-system errors.
  @discardableResult
  public static func export(_ claim: Claim, backend: BackendSpec, to folder: URL) throws -> HardwareManifest {
    let plan = try HardwareCircuits(claim: claim)
    let fm = FileManager.default
    let specFolder = URL(fileURLWithPath: claim.file).deletingLastPathComponent().standardizedFileURL
    let base = ProjectFile.isInside(folder.standardizedFileURL.path, specFolder.path) ? specFolder : folder
    let circuitsFolder = folder.appendingPathComponent("circuits")
    try OutputEntry.check(circuitsFolder, in: base, as: .folder)
    try OutputEntry.check(folder.appendingPathComponent("manifest.json"), in: base, as: .file)
    if fm.fileExists(atPath: circuitsFolder.path) { try fm.removeItem(at: circuitsFolder) }
    var entries: [HardwareManifest.Entry] = []
    for c in plan.circuits {
      let rel = "circuits/\(c.model)/seed-\(c.seed)/\(c.id).qasm"
      let url = folder.appendingPathComponent(rel)
      try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(c.circuit.qasm3().utf8).write(to: url)
      entries.append(HardwareManifest.Entry(
        id: c.id, model: c.model, seed: c.seed, kind: c.kind, i: c.i, j: c.j, qubits: c.circuit.qubitCount,
        file: rel, shots: backend.shotCount, x: c.x, y: c.y))
    }
    for c in plan.inference {
      let rel = "circuits/\(c.model)/seed-\(c.seed)/\(c.id).qasm"
      let url = folder.appendingPathComponent(rel)
      try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(c.circuit.qasm3().utf8).write(to: url)
      let t = plan.trainedModel(c.model, seed: c.seed)
      entries.append(HardwareManifest.Entry(
        id: c.id, model: c.model, seed: c.seed, kind: "infer", i: c.i, j: c.output, qubits: c.circuit.qubitCount,
        file: rel, shots: backend.shotCount, x: c.x, y: [], readout: t?.readoutLabel, trainedOn: t?.trainedOn))
    }
    for c in plan.samples {
      let rel = "circuits/\(c.model)/seed-\(c.seed)/\(c.id).qasm"
      let url = folder.appendingPathComponent(rel)
      try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(c.circuit.qasm3().utf8).write(to: url)
      entries.append(HardwareManifest.Entry(
        id: c.id, model: c.model, seed: c.seed, kind: "sample", i: 0, j: 0, qubits: c.circuit.qubitCount,
        file: rel, shots: backend.shotCount, x: [], y: [], readout: "samples", trainedOn: c.trainedOn))
    }
    let training = plan.trainingRecords
    let manifest = HardwareManifest(
      formatVersion: 1, claim: claim.id, specHash: ContentHash.claim(claim),
      qliftVersion: RunEnvironment.qliftVersion, backend: backend.id, device: backend.profileID ?? "",
      shots: backend.shotCount, seeds: claim.seeds,
      sizes: Dictionary(uniqueKeysWithValues: plan.sizes.map { ("\($0.key)", [$0.value.train, $0.value.test]) }),
      bitOrder: "qubit 0 rightmost (Qiskit)", circuits: entries, skipped: plan.skipped,
      training: training.isEmpty ? nil : training)
    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
    try HardwareJSON.encoder().encode(manifest).write(to: folder.appendingPathComponent("manifest.json"), options: .atomic)
    return manifest
  }
}

/// JSON settings of the hardware files: sorted keys, pretty, Doubles at full precision.
enum HardwareJSON {
  static func encoder() -> JSONEncoder {
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return e
  }
}
