import ClaimRunner
import ClaimSpec
import Testing

@Suite struct VerdictRuleTests {
  @Test func liftIsQuantumMinusBaselineOrReversedForLosses() {
    #expect(VerdictRule.pairedLift(quantum: [0.9, 0.8], baseline: [0.7, 0.8], higherIsBetter: true) == [0.9 - 0.7, 0])
    #expect(VerdictRule.pairedLift(quantum: [0.3], baseline: [0.5], higherIsBetter: false) == [0.5 - 0.3])
  }

  @Test func intervalDecidesTheBackendVerdict() {
    let s = VerdictRule.summarize([0.10, 0.12, 0.11, 0.13, 0.09], confidence: 0.95, bootstrap: false)
    // mean 0.11, sd 0.0158, t(0.975, 4) = 2.776: half-width 0.0196
    #expect(abs(s.mean - 0.11) < 1e-12)
    #expect(abs(s.low - (0.11 - 2.776445 * 0.0158114 / 5.0.squareRoot())) < 1e-5)
    #expect(VerdictRule.backendVerdict(s, threshold: 0.05) == .supported)
    #expect(VerdictRule.backendVerdict(s, threshold: 0.2) == .refuted)
    #expect(VerdictRule.backendVerdict(s, threshold: 0.11) == .inconclusive)
  }

  @Test func claimVerdictNeedsEveryBackendAndCost() {
    #expect(VerdictRule.claimVerdict(backends: [.supported, .supported], costHeld: true) == .supported)
    #expect(VerdictRule.claimVerdict(backends: [.supported, .supported], costHeld: false) == .refuted)
    #expect(VerdictRule.claimVerdict(backends: [.supported, .inconclusive], costHeld: true) == .inconclusive)
    #expect(VerdictRule.claimVerdict(backends: [.inconclusive, .refuted], costHeld: true) == .refuted)
    #expect(VerdictRule.claimVerdict(backends: [.supported, .error], costHeld: true) == .error)
  }
}
