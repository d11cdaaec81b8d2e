import ClaimSpec
import Foundation
import Testing

/// Lint's side of equal budgets: `alpha` only where it scales data, and a warning when one side
/// is tuned over far fewer configurations than the other.
@Suite struct EqualBudgetLintTests {
  @Test func alphaOnlyAppliesToMapsThatScaleTheirData() throws {
    let p = try makeProject()
    let text = spec([11: "    encoding: {map: angle, alpha: [0.5, 1]}"])
    try text.write(to: p.specs.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
    let r = SpecLinter.lint(paths: ["specs/a.yaml"], base: p.root)
    #expect(r.errors.contains { $0.field.hasSuffix("encoding.alpha") && $0.message.contains("not angle") })
  }

  @Test func lintWarnsWhenOneSideGetsAFarSmallerBudget() throws {
    let p = try makeProject()
    let text = spec([13: "  - {model: svm_rbf, grid: {C: [0.1, 1, 10, 100], gamma: [0.01, 0.1, 1, 10]}}"])
    try text.write(to: p.specs.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
    let r = SpecLinter.lint(paths: ["specs/b.yaml"], base: p.root)
    #expect(r.isClean)
    let w = try #require(r.warnings.first { $0.field == "quantum[0]" })
    #expect(w.message.contains("1 configuration") && w.message.contains("16"))
    let even = spec([13: "  - {model: svm_rbf, grid: {C: [0.1, 1, 10, 100], gamma: [0.01, 0.1, 1, 10]}}",
                     11: "    encoding: {map: zz, reps: 2, alpha: [0.5, 1, 2, 4]}"])
    try even.write(to: p.specs.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
    #expect(!SpecLinter.lint(paths: ["specs/b.yaml"], base: p.root).warnings.contains { $0.message.contains("equal budgets") })
  }
}
