import ClaimSpec
import Foundation
import Testing

/// The dequantized and cheap kernel baselines in the spec format: `rff_quantum` with `of`,
/// `nystroem_rbf`, the `poly` alias, and lint's warning for a kernel claim without `rff_quantum`.
@Suite struct DequantizedBaselineSpecTests {
  func lint(_ replacements: [Int: String]) throws -> SpecSet {
    let p = try makeProject()
    try spec(replacements).write(to: p.specs.appendingPathComponent("d.yaml"), atomically: true, encoding: .utf8)
    return SpecLinter.lint(paths: ["specs/d.yaml"], base: p.root)
  }

  func lint(baseline: String) throws -> SpecSet { try lint([13: "  - \(baseline)"]) }

  @Test func rffQuantumNamesItsQuantumModel() throws {
    let r = try lint(baseline: "{model: rff_quantum, of: zz, grid: {features: [50, 100], C: [1, 10]}}")
    #expect(r.isClean, "\(r.errors.map(\.description))")
    let b = try #require(r.claims.first?.baselines.first)
    #expect(b.model == .rffQuantum && b.of == "zz" && b.scale == BaselineScaling.none)
    #expect(b.grid["features"] == [.number(50), .number(100)])
    #expect(b.dequantizedModel(in: r.claims[0].quantum)?.id == "zz")
    // Without `of`, the claim's first quantum model.
    let plain = try lint(baseline: "{model: rff_quantum}")
    #expect(plain.isClean)
    #expect(plain.claims.first?.baselines.first?.of == nil)
    #expect(plain.claims.first.flatMap { $0.baselines[0].dequantizedModel(in: $0.quantum) }?.id == "zz")
  }

  @Test(arguments: [
    ("{model: rff_quantum, of: nope}", "baselines[0].of", "unknown quantum model 'nope'"),
    ("{model: svm_rbf, of: zz}", "baselines[0].of", "only rff_quantum"),
    ("{model: rff_quantum, scale: standard}", "baselines[0].scale", "remove 'scale'"),
    ("{model: rff_quantum, grid: {gamma: [1]}}", "gamma", "gamma"),
    ("{model: rff_quantum, grid: {features: [0]}}", "features", "features"),
    ("{model: nystroem_rbf, grid: {degree: [2]}}", "degree", "degree"),
  ])
  func badDequantizedBaselinesAreLintErrors(baseline: String, field: String, message: String) throws {
    let r = try lint(baseline: baseline)
    #expect(!r.isClean)
    #expect(r.errors.contains { ($0.field.contains(field) || $0.message.contains(field)) && ($0.message.contains(message) || $0.field.contains(message)) },
            "\(r.errors.map(\.description))")
  }

  @Test func anEncodingWithoutASpectrumIsRefused() throws {
    let r = try lint([11: "    encoding: {map: amplitude}", 13: "  - {model: rff_quantum}"])
    #expect(r.errors.contains { $0.field == "baselines[0].model" && $0.message.contains("amplitude") }, "\(r.errors.map(\.description))")
  }

  @Test func nystroemAndPolyLoad() throws {
    let ny = try lint(baseline: "{model: nystroem_rbf, grid: {gamma: [scale, 0.1], landmarks: [50], C: [1]}}")
    #expect(ny.isClean, "\(ny.errors.map(\.description))")
    #expect(ny.claims.first?.baselines.first?.model == .nystroemRBF)
    let poly = try lint(baseline: "{model: poly, grid: {degree: [2, 3]}}")
    #expect(poly.isClean, "\(poly.errors.map(\.description))")
    #expect(poly.claims.first?.baselines.first?.model == .svmPoly)
    #expect(poly.claims.first?.baselines.first?.id == "svm_poly")
  }

  @Test func lintWarnsWhenAKernelClaimHasNoDequantizedBaseline() throws {
    let bare = try lint([:])
    #expect(bare.isClean)
    let w = try #require(bare.warnings.first { $0.field == "baselines" })
    #expect(w.isWarning && w.message.contains("rff_quantum") && w.message.contains("'zz'"))
    let covered = try lint([13: "  - {model: svm_rbf, grid: {C: [1, 10]}}\n  - {model: rff_quantum, of: zz}"])
    #expect(covered.isClean, "\(covered.errors.map(\.description))")
    #expect(!covered.warnings.contains { $0.field == "baselines" })
    // A variational claim is not a kernel claim.
    let variational = try lint([10: "    kind: variational\n    ansatz: {type: hardware_efficient}", 11: "    encoding: {map: angle}"])
    #expect(variational.isClean, "\(variational.errors.map(\.description))")
    #expect(!variational.warnings.contains { $0.field == "baselines" })
  }

  @Test func theStarterSpecCarriesRffQuantum() throws {
    let claim = try SpecLoader.load(yaml: SpecTemplate.starter(name: "my-claim"), file: "my-claim.yaml")
    let b = try #require(claim.baselines.first { $0.model == .rffQuantum })
    #expect(b.of == "zz-kernel")
    #expect(DequantizationCheck.warnings(claim).isEmpty)
  }
}
