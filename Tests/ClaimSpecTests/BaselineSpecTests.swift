import ClaimSpec
import Foundation
import Testing

/// Baseline keys checked at lint time: the visible `scale` key and each model's own grid parameters.
@Suite struct BaselineSpecTests {
  func lint(_ baseline: String) throws -> SpecSet {
    let p = try makeProject()
    try spec([13: "  - \(baseline)"]).write(to: p.specs.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
    return SpecLinter.lint(paths: ["specs/b.yaml"], base: p.root)
  }

  @Test func scaleIsAVisibleKeyDefaultingToStandard() throws {
    let none = try lint("{model: svm_rbf, scale: none, grid: {C: [1], gamma: [0.1]}}")
    #expect(none.isClean, "\(none.errors.map(\.description))")
    #expect(none.claims.first?.baselines.first?.scale == BaselineScaling.none)
    let plain = try lint("{model: svm_rbf, grid: {C: [1]}}")
    #expect(plain.claims.first?.baselines.first?.scale == .standard)
    let forest = try lint("{model: random_forest}")
    #expect(forest.claims.first?.baselines.first?.scale == BaselineScaling.none)
    let bad = try lint("{model: svm_rbf, scale: minmax}")
    #expect(bad.errors.contains { $0.field == "baselines[0].scale" && $0.message.contains("standard, none") })
    let forestScaled = try lint("{model: random_forest, scale: standard}")
    #expect(forestScaled.errors.contains { $0.field == "baselines[0].scale" })
  }

  @Test(arguments: [
    ("{model: svm_rbf, grid: {coef0: [0, 1]}}", "coef0"),
    ("{model: svm_rbf, grid: {degree: [2]}}", "degree"),
    ("{model: svm_linear, grid: {gamma: [0.1]}}", "gamma"),
    ("{model: logistic_regression, grid: {gamma: [0.1]}}", "gamma"),
  ])
  func parametersOfAnotherModelAreLintErrors(baseline: String, key: String) throws {
    let r = try lint(baseline)
    #expect(!r.isClean)
    #expect(r.errors.contains { $0.field.hasSuffix(key) || $0.message.contains(key) }, "\(r.errors.map(\.description))")
  }

  @Test func aPolynomialSVMKeepsItsParameters() throws {
    let r = try lint("{model: svm_poly, grid: {C: [1], degree: [2, 3], coef0: [0, 1], gamma: [scale]}}")
    #expect(r.isClean, "\(r.errors.map(\.description))")
  }
}
