import ClaimSpec
import Foundation
import Testing

/// The backend keys `mitigation` and `measure_diagonal`: parsed values and located errors.
@Suite struct BackendMitigationSpecTests {
  static let noisy = "  - {id: n, simulator: density_matrix, shots: 100, noise: {depolarizing: 0.01, readout: 0.02}"

  static let broken: [BrokenSpec] = [
    BrokenSpec(name: "mitigation on a noiseless simulator", replacements: [15: "  - {id: s, simulator: statevector, shots: 10, mitigation: readout}"],
      line: 15, marker: "mitigation", field: "backends[0].mitigation", message: "'mitigation' needs noise to mitigate", kind: .conflict),
    BrokenSpec(name: "mitigation on hardware", replacements: [15: "  - {id: h, hardware: ideal, shots: 10, mitigation: zne}"],
      line: 15, marker: "mitigation", field: "backends[0].mitigation", message: "'mitigation' applies to simulated backends", kind: .conflict),
    BrokenSpec(name: "misspelled mitigation", replacements: [15: noisy + ", mitigation: zen}"],
      line: 15, marker: "zen", field: "backends[0].mitigation", message: "did you mean 'zne'?", kind: .typeMismatch),
    BrokenSpec(name: "none in a list", replacements: [15: noisy + ", mitigation: [readout, none]}"],
      line: 15, marker: "none", field: "backends[0].mitigation[1]", message: "'none' cannot be combined", kind: .conflict),
    BrokenSpec(name: "readout mitigation of a projected kernel", replacements: [10: "    kind: projected_kernel", 15: noisy + ", mitigation: [readout, zne]}"],
      line: 15, marker: "mitigation", field: "backends[0].mitigation",
      message: "backend 'n' cannot mitigate quantum model 'zz' (projected_kernel)", kind: .conflict),
    BrokenSpec(name: "zne of a variational model",
      replacements: [10: "    kind: variational", 11: "    encoding: angle\n    ansatz: {type: hardware_efficient}", 15: noisy + ", mitigation: zne}"],
      line: 16, marker: "mitigation", field: "backends[0].mitigation", message: "zne is not applied to variational models", kind: .conflict),
    BrokenSpec(name: "zne of a re-uploading model",
      replacements: [10: "    kind: reuploading", 11: "    encoding: angle", 15: noisy + ", mitigation: zne}"],
      line: 15, marker: "mitigation", field: "backends[0].mitigation", message: "zne is not applied to reuploading models", kind: .conflict),
    BrokenSpec(name: "readout mitigation of a hybrid",
      replacements: [10: "    kind: hybrid", 11: "    encoding: angle\n    ansatz: {type: hardware_efficient}", 15: noisy + ", mitigation: readout}"],
      line: 16, marker: "mitigation", field: "backends[0].mitigation", message: "mitigation is not applied to hybrid models yet", kind: .conflict),
    BrokenSpec(name: "measure_diagonal on hardware", replacements: [15: "  - {id: h, hardware: ideal, shots: 10, measure_diagonal: true}"],
      line: 15, marker: "measure_diagonal", field: "backends[0].measure_diagonal", message: "a hardware backend's diagonal is not exported", kind: .conflict),
    BrokenSpec(name: "measure_diagonal on an exact simulator", replacements: [15: "  - {id: s, simulator: statevector, shots: exact, measure_diagonal: true}"],
      line: 15, marker: "measure_diagonal", field: "backends[0].measure_diagonal", message: "an exact noiseless simulator's diagonal is 1", kind: .conflict),
    BrokenSpec(name: "measure_diagonal not a boolean", replacements: [15: noisy + ", measure_diagonal: yes please}"],
      line: 15, marker: "yes please", field: "backends[0].measure_diagonal", message: "expected true or false", kind: .typeMismatch),
  ]

  @Test("each misuse is refused at its key", arguments: broken)
  func located(_ c: BrokenSpec) throws {
    let text = spec(c.replacements)
    let lineText = String(text.split(separator: "\n", omittingEmptySubsequences: false)[c.line - 1])
    let marker = try #require(lineText.range(of: c.marker))
    let column = lineText.unicodeScalars.distance(from: lineText.unicodeScalars.startIndex, to: marker.lowerBound) + 1
    do {
      _ = try SpecLoader.load(yaml: text, file: "specs/broken.yaml")
      Issue.record("\(c.name): loaded without error")
    } catch {
      let first = try #require(error.errors.first)
      #expect(first.kind == c.kind && first.line == c.line && first.column == column, "\(error.description)")
      #expect(first.field == c.field && first.message.contains(c.message), "\(error.description)")
    }
  }

  @Test func parsesMitigationAndTheDiagonalFlag() throws {
    let cases: [(String, MitigationSpec, Bool)] = [
      (Self.noisy + "}", MitigationSpec(), false),
      (Self.noisy + ", mitigation: none}", MitigationSpec(), false),
      (Self.noisy + ", mitigation: readout, measure_diagonal: true}", MitigationSpec(readout: true), true),
      (Self.noisy + ", mitigation: [zne]}", MitigationSpec(zne: true), false),
      ("  - {id: d, device: ibm-heron-r2, shots: 10, mitigation: [readout, zne]}", MitigationSpec(readout: true, zne: true), false),
    ]
    let variational = try SpecLoader.load(yaml: spec([
      10: "    kind: variational", 11: "    encoding: angle\n    ansatz: {type: hardware_efficient}", 15: Self.noisy + ", mitigation: readout}",
    ]), file: "specs/ok.yaml")
    #expect(variational.backends[0].mitigation == MitigationSpec(readout: true))
    for (line, mitigation, diagonal) in cases {
      let claim = try SpecLoader.load(yaml: spec([15: line]), file: "specs/ok.yaml")
      #expect(claim.backends[0].mitigation == mitigation, "\(line)")
      #expect(claim.backends[0].measureDiagonal == diagonal, "\(line)")
    }
  }
}
