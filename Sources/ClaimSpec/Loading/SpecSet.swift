import Foundation

/// A list of spec files and folders resolved once: the claims that loaded, the device-profile
/// catalog each claim resolves against, and every problem found (what `qlift lint` reports).
///
/// Every command that takes spec paths (lint, run, verify, accept, export-qasm, import-counts)
/// resolves them through `SpecSet.resolve`, so a spec that lints clean finds the same device
/// profiles and data files when it runs.
public struct SpecSet: Sendable, Equatable {
  /// Spec files looked at, as displayed.
  public var files: [String]
  /// Claims that loaded (they may still have completeness or reference errors).
  public var claims: [Claim]
  /// Every problem found.
  public var errors: [SpecError]
  /// Warnings: things that do not stop a run but weaken the claim (e.g. two seeds).
  public var warnings: [SpecError]
  /// The device-profile catalog of each claim, by the claim's spec file.
  public var catalogs: [String: DeviceProfileCatalog]

  /// Creates a set.
  public init(
    files: [String] = [], claims: [Claim] = [], errors: [SpecError] = [], warnings: [SpecError] = [],
    catalogs: [String: DeviceProfileCatalog] = [:]
  ) {
    self.files = files; self.claims = claims; self.errors = errors; self.warnings = warnings; self.catalogs = catalogs
  }

  /// Resolves files and folders (paths as the user typed them, relative to `base`): loads and lints
  /// every spec, finds each claim's device profiles (`devices/` beside the spec, else the nearest
  /// ancestor's `specs/devices/`).
  public static func resolve(
    paths: [String], base: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  ) -> SpecSet {
    SpecLinter.lint(paths: paths, base: base)
  }

  /// The set with more errors (e.g. run-time input checks), sorted with the others and with
  /// their source lines (spec paths relative to `base`, as given to `resolve`).
  public func adding(
    errors more: [SpecError], base: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  ) -> SpecSet {
    guard !more.isEmpty else { return self }
    var urls: [String: URL] = [:]
    for e in more { urls[e.file] = e.file.hasPrefix("/") ? URL(fileURLWithPath: e.file) : base.appendingPathComponent(e.file) }
    var out = self
    out.errors = SpecErrors(errors + more.map { SpecLinter.attachSourceLine($0, urls) }).errors
    return out
  }

  /// True when nothing is wrong.
  public var isClean: Bool { errors.isEmpty }

  /// The device profiles a claim of this set resolves against, by id.
  public func devices(for claim: Claim) -> [String: DeviceProfile] {
    catalogs[claim.file]?.profiles ?? [:]
  }
}

/// What `qlift lint` found (the same value as a resolved spec set).
public typealias LintReport = SpecSet
