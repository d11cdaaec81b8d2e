import ArgumentParser
import ClaimRunner
import ClaimSpec
import Foundation

/// `qlift export-qasm`: a claim's kernel circuits as OpenQASM 3 files plus a manifest, to run on a device
/// (and to check with `qlift simulate`, which reads them).
struct ExportQASMCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-qasm",
    abstract: "Write a claim's kernel and inference circuits (bound to its data) as OpenQASM 3 files and a manifest.",
    discussion: """
      One file per compute-uncompute circuit U(y)†U(x) the runner needs: train pairs i < j and every \
      test-train pair, per seed and fidelity-kernel model; for variational, re-uploading and hybrid models, \
      trained on the claim's exact simulator first, one circuit per test input with the trained weights bound \
      (kind 'infer'); for a generative claim's Born machines, one sample circuit per seed with the trained angles \
      bound (kind 'sample'). Projected kernels are skipped (noted in the manifest). Run the circuits elsewhere (or \
      check one with 'qlift simulate'), then \
      'qlift import-counts'. See docs/HARDWARE.md.
      """)

  @Argument(help: "The claim's spec file.")
  var spec: String

  @Option(name: .long, help: "Output folder (default: hardware/<claim>/ beside the spec, where import-counts stores the kernels).")
  var out: String?

  @Option(name: .long, help: "The hardware backend whose shots the manifest records (default: the claim's first).")
  var backend: String?

  func run() throws {
    let claim = try loadOneClaim(spec)
    let b = try HardwareExporter.hardwareBackend(claim, id: backend)
    let folder = out ?? HardwareKernelStore.folder(claim: claim)
    printError("exporting the circuits of \(claim.id) to \(folder)/ (trained models are trained on the simulator first) ...")
    let manifest = try HardwareExporter.export(claim, backend: b, to: URL(fileURLWithPath: folder))
    for s in manifest.skipped { printError("note: skipped model \(s.model) (\(s.kind)): \(s.reason)") }
    let shots = b.shotCount.map { "\($0) shots each" } ?? "shots not stated"
    print("\(claim.id): wrote \(manifest.circuits.count) circuit file(s) for backend \(b.id) (\(shots)) to \(folder)/circuits/ "
      + "and \(folder)/manifest.json (spec_hash \(manifest.specHash.prefix(12))…)")
  }
}

/// `qlift import-counts`: measured counts back into a claim's hardware backend.
struct ImportCountsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import-counts",
    abstract: "Read device counts for exported circuits; score the claim's hardware backend from them.",
    discussion: """
      Counts JSON: {"claim", "spec_hash", "backend", "counts": {"<circuit id>": {"<bits>": n}}}, bit strings \
      with qubit 0 rightmost. The kernels are stored as hardware/<claim>/<backend>.json beside the spec and \
      used by the next 'qlift verify' / 'qlift run'. See docs/HARDWARE.md.
      """)

  @Argument(help: "The claim's spec file.")
  var spec: String

  @Argument(help: "The counts JSON file.")
  var counts: String

  @Option(name: .long, help: "Reports folder whose cached result of this claim is dropped so the next verify re-scores it.")
  var out: String = "reports"

  @Option(
    name: .long,
    help: "The export's manifest.json, when 'qlift export-qasm --out' wrote it elsewhere than hardware/<claim>/ (its training record checks the retraining).")
  var manifest: String?

  func run() throws {
    let claim = try loadOneClaim(spec)
    let file = try CountsFile.load(URL(fileURLWithPath: counts), shown: counts)
    // The export's manifest (named, or in the claim's hardware folder) checks the simulator training.
    let manifestShown = manifest ?? (HardwareKernelStore.folder(claim: claim) + "/manifest.json")
    let root = manifest == nil
      ? claim.projectRoot ?? ProjectPaths(specFile: URL(fileURLWithPath: claim.file)).root : URL(fileURLWithPath: "/")
    let data: Data?
    do {
      data = try ProjectFile.read(URL(fileURLWithPath: manifestShown), root: root, maxBytes: ProjectFile.maxOtherBytes)
    } catch {
      // A manifest named on the command line must be readable; the default one is optional.
      if manifest != nil { throw CommandError.badInput("\(manifestShown): error: cannot read the manifest: \(error.reason)") }
      data = nil
    }
    let manifest = try data.map { bytes -> HardwareManifest in
      do { return try JSONDecoder().decode(HardwareManifest.self, from: bytes) } catch {
        throw CommandError.badInput("\(manifestShown): error: not a qlift export manifest (\(error))")
      }
    }
    let kernels = try HardwareImporter.kernels(
      claim: claim, counts: file, shown: counts, manifest: manifest.map { ($0, shown: manifestShown) })
    let cached = URL(fileURLWithPath: out).appendingPathComponent("results/\(claim.id).json")
    try OutputEntry.check(cached, in: URL(fileURLWithPath: out), as: .file)  // never delete through a link
    let stored = try HardwareKernelStore.save(kernels, claim: claim)
    if FileManager.default.fileExists(atPath: cached.path) { try FileManager.default.removeItem(at: cached) }
    let inferred = kernels.inferred ?? [], sampled = kernels.sampled ?? []
    let circuits = kernels.entries.reduce(0) { $0 + $1.executions } + inferred.reduce(0) { $0 + $1.executions }
      + sampled.reduce(0) { $0 + $1.executions }
    let shots = kernels.entries.reduce(0) { $0 &+ $1.shots } &+ inferred.reduce(0) { $0 &+ $1.shots }
      &+ sampled.reduce(0) { $0 &+ $1.shots }
    var text = "\(claim.id) on \(kernels.backend): \(circuits) circuit(s), \(shots) shot(s)\n"
    for model in Set(kernels.scores.map(\.model)).sorted() {
      let s = kernels.scores.filter { $0.model == model }
      let perSeed = s.map { "seed \($0.seed) \(fmtScore($0.test))" + ($0.chosenC.map { " (C=\(fmtScore($0)))" } ?? "") }
        .joined(separator: ", ")
      let mean = s.map(\.test).reduce(0, +) / Double(max(1, s.count))
      text += "  \(model): \(s.first?.metric ?? "") mean \(fmtScore(mean)); \(perSeed)\n"
      if let t = kernels.inferred?.first(where: { $0.model == model }) {
        text += "    (\(t.kind) model trained on the simulator '\(t.trainedOn)'; only its inference circuits ran on the device)\n"
      }
      if let t = kernels.sampled?.first(where: { $0.model == model }) {
        text += "    (Born machine trained on the simulator '\(t.trainedOn)'; only sampling on the device)\n"
      }
    }
    text += "stored in \(stored); the next 'qlift verify' or 'qlift run' scores backend \(kernels.backend) from it\n"
    print(text, terminator: "")
  }
}

/// Resolves exactly one spec file, throwing bad input on problems.
private func loadOneClaim(_ path: String) throws -> Claim {
  let set = try resolveSpecs([path])
  guard set.claims.count == 1 else {
    throw CommandError.badInput("\(path): error: expected one spec file, found \(set.claims.count) claim(s)")
  }
  return set.claims[0]
}

/// A score with up to 4 decimals.
private func fmtScore(_ x: Double) -> String {
  let s = String(format: "%.4f", x)
  return s.contains(".") ? String(s.reversed().drop { $0 == "0" }.reversed()).trimmingCharacters(in: CharacterSet(charactersIn: ".")) : s
}
