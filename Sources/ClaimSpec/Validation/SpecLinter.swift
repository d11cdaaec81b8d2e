import Foundation

/// Lints spec files and folders: schema, completeness, device-profile references, data files,
/// and (across all specs given) duplicate claim ids.
///
/// A folder contributes every `*.yaml`/`*.yml` directly inside it; its `devices/`, `accepted/`
/// and `data/` subfolders are not specs. Device profiles are looked up in the `devices` folder
/// beside the spec file, else in the nearest ancestor folder's `specs/devices`.
public enum SpecLinter {
  /// Lints files and folders (paths as the user typed them, relative to `base`).
  public static func lint(paths: [String], base: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> SpecSet {
    var report = SpecSet()
    var catalogs: [String: DeviceProfileCatalog] = [:]
    var seenProfileErrors = Set<String>()
    var fileURLs: [String: URL] = [:]
    for path in paths {
      let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
      var isDir: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else {
        report.errors.append(SpecError(file: path, line: 1, column: 1, field: "", message: "no such file or folder", kind: .fileNotFound))
        continue
      }
      let files: [(URL, String)]
      if isDir.boolValue {
        files = specFiles(in: url).map { (url.appendingPathComponent($0), join(path, $0)) }
        if files.isEmpty {
          report.errors.append(SpecError(file: path, line: 1, column: 1, field: "", message: "folder holds no *.yaml spec files", kind: .fileNotFound))
        }
      } else {
        files = [(url, path)]
      }
      for (fileURL, shown) in files {
        report.files.append(shown)
        fileURLs[shown] = fileURL
        let claim: Claim
        do {
          claim = try SpecLoader.load(contentsOf: fileURL, displayPath: shown)
        } catch {
          report.errors += error.errors
          continue
        }
        report.claims.append(claim)
        // A generative claim keeps its models in `claim.generative` (its parser checked them).
        let generative = claim.task == .generative
        report.errors += ClaimCompleteness.check(claim).filter { !generative || ($0.field != "quantum" && $0.field != "baselines") }
        report.errors += ClaimRigor.errors(claim)
        report.warnings += ClaimRigor.warnings(claim)
        report.warnings += DequantizationCheck.warnings(claim)
        report.errors += missingDataFiles(claim)
        let (folder, display) = devicesFolder(for: fileURL, shown: shown, root: claim.projectRoot)
        if catalogs[folder.path] == nil { catalogs[folder.path] = DeviceProfileCatalog(folder: folder, displayFolder: display, root: claim.projectRoot) }
        let catalog = catalogs[folder.path]!
        if seenProfileErrors.insert(folder.path).inserted { report.errors += catalog.errors }
        report.catalogs[claim.file] = catalog
        report.errors += unknownProfiles(claim, catalog: catalog)
      }
    }
    report.errors += duplicateIDs(report.claims)
    report.errors = SpecErrors(report.errors).errors.map { attachSourceLine($0, fileURLs) }
    report.warnings = report.warnings.map { attachSourceLine($0, fileURLs) }
    return report
  }

  /// Fills in the source line of an error raised after loading (completeness, references),
  /// read through `ProjectFile` (never a file that failed its checks).
  static func attachSourceLine(_ error: SpecError, _ urls: [String: URL]) -> SpecError {
    guard error.sourceLine == nil, let url = urls[error.file],
      let text = try? ProjectFile.readText(url, root: ProjectPaths(specFile: url).root, maxBytes: ResourceBudget.standard.maxBytes)
    else { return error }
    var e = error
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if e.line >= 1 && e.line <= lines.count { e.sourceLine = String(lines[e.line - 1]) }
    return e
  }

  /// Spec file names directly in a folder, sorted.
  public static func specFiles(in folder: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { name in
      guard name.hasSuffix(".yaml") || name.hasSuffix(".yml"), !name.hasPrefix(".") else { return false }
      var isDir: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDir)
      return !isDir.boolValue
    }.sorted()
  }

  static func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  /// The devices folder for a spec: `devices/` beside it, else the nearest ancestor's
  /// `specs/devices/` (up to the filesystem root), else `devices/` beside it (empty catalog).
  static func devicesFolder(for spec: URL, shown: String, root: URL?) -> (URL, String) {
    let fm = FileManager.default
    let dir = spec.deletingLastPathComponent()
    let shownDir = (shown as NSString).deletingLastPathComponent
    let beside = dir.appendingPathComponent("devices")
    let besideShown = shownDir.isEmpty ? "devices" : shownDir + "/devices"
    if fm.fileExists(atPath: beside.path) { return (beside, besideShown) }
    var current = dir.standardizedFileURL
    var up = ""
    while true {
      let candidate = current.appendingPathComponent("specs/devices")
      if fm.fileExists(atPath: candidate.path) {
        let display = shown.hasPrefix("/") ? candidate.path : ((shownDir.isEmpty ? "" : shownDir + "/") + up + "specs/devices")
        return (candidate, display)
      }
      let parent = current.deletingLastPathComponent()
      if parent.path == current.path || current.path == "/" { break }
      current = parent
      up += "../"
    }
    return (beside, besideShown)
  }

  /// Data files the claim names that do not exist.
  public static func missingDataFiles(_ claim: Claim) -> [SpecError] {
    var out: [SpecError] = []
    let keys: [String]
    switch claim.dataset.source {
    case .generator: keys = []
    case .csv: keys = ["dataset.csv"]
    case .trainTest: keys = ["dataset.train", "dataset.test"]
    }
    for (key, file) in zip(keys, claim.dataset.source.files) {
      var isDir: ObjCBool = false
      if !FileManager.default.fileExists(atPath: file.url.path, isDirectory: &isDir) || isDir.boolValue {
        out.append(SpecError(at: claim.location(of: key), field: key,
          message: "data file '\(file.path)' does not exist (paths are relative to the spec file)", kind: .fileNotFound))
        continue
      }
      // A regular file inside the project, at most ProjectFile.maxDataBytes: refused before any read.
      guard let root = claim.projectRoot else { continue }
      do {
        try ProjectFile.check(file.url, root: root, maxBytes: ProjectFile.maxDataBytes, shown: file.path)
      } catch {
        out.append(SpecError(at: claim.location(of: key), field: key,
          message: "data file '\(file.path)' \(error.reason)", kind: error.reason.contains("bytes") ? .resourceLimit : .fileNotFound))
      }
    }
    return out
  }

  /// `device:`/`hardware:` backends naming a profile the catalog lacks.
  public static func unknownProfiles(_ claim: Claim, catalog: DeviceProfileCatalog) -> [SpecError] {
    var out: [SpecError] = []
    for (i, b) in claim.backends.enumerated() {
      guard let pid = b.profileID, catalog[pid] == nil else { continue }
      let key: String
      if case .hardware = b.target { key = "backends[\(i)].hardware" } else { key = "backends[\(i)].device" }
      let hint = EditDistance.suggestion(for: pid, among: catalog.ids)
      let known = catalog.ids.isEmpty ? "no profiles found in the devices folder" : "known: \(catalog.ids.joined(separator: ", "))"
      out.append(SpecError(at: claim.location(of: key), field: key,
        message: "unknown device profile '\(pid)' (\(known))" + (hint.map { "; did you mean '\($0)'?" } ?? ""),
        kind: .unknownReference, suggestion: hint))
    }
    return out
  }

  /// Claims sharing an id (ids become result file names), reported at every later occurrence.
  public static func duplicateIDs(_ claims: [Claim]) -> [SpecError] {
    var first: [String: Claim] = [:]
    var out: [SpecError] = []
    for c in claims {
      if let prior = first[c.id] {
        out.append(SpecError(at: c.location(of: "claim"), field: "claim",
          message: "duplicate claim id '\(c.id)' (also in \(prior.file)); claim ids must be unique", kind: .duplicateKey))
      } else {
        first[c.id] = c
      }
    }
    return out
  }
}
