import ClaimSpec
import Foundation

/// The files a claim page links to, as paths relative to `claims/<id>.html`: the spec, the
/// results JSON, the suite's junit.xml, the accepted snapshot (`accepted/<id>.json` beside the
/// spec) and the results of the previous run (`results/previous/<id>.json`, kept by the runner).
struct ClaimLinks: Equatable {
  /// The spec file (found from the project folder, where `specFile` is relative to).
  var spec: String
  /// `../results/<id>.json`.
  var results: String
  /// `../junit.xml`.
  var junit: String
  /// The accepted snapshot beside the spec, `accepted/<id>.json` (shown only when the result compares with one).
  var snapshot: String? = nil
  /// `../results/previous/<id>.json` when the reports folder holds the previous run's results.
  var previous: String? = nil

  /// Links of claim `id` whose spec is `specFile` (relative to `projectFolder`), for a report in `reportsFolder`.
  static func make(id: String, specFile: String, reportsFolder: URL, projectFolder: URL) -> ClaimLinks {
    let spec = specFile.hasPrefix("/") ? URL(fileURLWithPath: specFile) : projectFolder.appendingPathComponent(specFile)
    let claims = reportsFolder.appendingPathComponent("claims", isDirectory: true)
    let snapshot = spec.deletingLastPathComponent().appendingPathComponent("accepted").appendingPathComponent("\(id).json")
    let previous = reportsFolder.appendingPathComponent("results/previous/\(id).json")
    return ClaimLinks(spec: relative(from: claims, to: spec), results: "../results/\(id).json", junit: "../junit.xml",
                      snapshot: relative(from: claims, to: snapshot),
                      previous: OutputEntry.isRegularFile(previous) ? "../results/previous/\(id).json" : nil)
  }

  /// The relative path from `folder` to `file` ("../../specs/x.yaml"), both made absolute and standardized.
  static func relative(from folder: URL, to file: URL) -> String {
    let from = folder.standardizedFileURL.pathComponents.filter { $0 != "/" }
    let to = file.standardizedFileURL.pathComponents.filter { $0 != "/" }
    var common = 0
    while common < min(from.count, to.count - 1) && from[common] == to[common] { common += 1 }
    let up = Array(repeating: "..", count: from.count - common)
    return (up + to[common...]).joined(separator: "/")
  }
}
