import Testing
@testable import QMLKit

/// The corrected resampled t interval and test (Nadeau and Bengio 2003) and Holm's adjustment,
/// against scipy 1.17 (`stats.t`) computed from the published formulas.
@Suite struct ResampledTTests {
  let lifts = [0.02, 0.05, -0.01, 0.04, 0.03, 0.06, 0.00]

  @Test func correctedIntervalMatchesTheFormulaWithScipyQuantiles() {
    // 7 seeds, 60 test / 140 train rows: variance factor 1/7 + 60/140.
    let i = ResampledT(lifts, testOverTrain: 60.0 / 140.0).interval(confidence: 0.95)
    #expect(abs(i.low - -0.020273610325957543) < 1e-9)
    #expect(abs(i.high - 0.07455932461167183) < 1e-9)
  }

  @Test func zeroRatioIsThePlainPairedTInterval() {
    let i = ResampledT(lifts).interval(confidence: 0.95)
    #expect(abs(i.low - 0.0034346234084497995) < 1e-9)
    #expect(abs(i.high - 0.050851090877264485) < 1e-9)
    let plain = studentTInterval(lifts, confidence: 0.95)
    #expect(abs(plain.low - i.low) < 1e-12 && abs(plain.high - i.high) < 1e-12)
  }

  @Test func oneSidedPValueAgainstTheThresholdNotZero() {
    // scipy.stats.ttest_1samp(x, 0.01, alternative='greater').pvalue
    #expect(abs(ResampledT(lifts).pValueAbove(0.01) - 0.06362329493186049) < 1e-9)
    #expect(abs(ResampledT(lifts, testOverTrain: 60.0 / 140.0).pValueAbove(0.01) - 0.20519551073829545) < 1e-9)
    // Against zero the same lifts look far stronger: the threshold matters.
    #expect(ResampledT(lifts).pValueAbove(0) < 0.05)
  }

  @Test func seedsNeededShrinkTheIntervalPastTheThreshold() throws {
    let t = ResampledT(lifts)
    let n = try #require(t.seedsNeeded(toSeparateFrom: 0.01, confidence: 0.95))
    #expect(n > lifts.count)
    // At n seeds with this spread the interval clears 0.01; at n - 1 it does not.
    let s = sampleStandardDeviation(lifts)
    func half(_ k: Int) -> Double { studentTQuantile(0.975, df: Double(k - 1)) * s / Double(k).squareRoot() }
    #expect(half(n) < t.mean - 0.01 && half(n - 1) >= t.mean - 0.01)
    // With re-split data the n_test/n_train term bounds the precision: no seed count suffices.
    #expect(ResampledT(lifts, testOverTrain: 0.43).seedsNeeded(toSeparateFrom: 0.01, confidence: 0.95) == nil)
  }

  @Test func holmMatchesRsPAdjust() {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
    let adjusted = holmAdjusted([0.01, 0.04, 0.03, 0.005])
    for (a, e) in zip(adjusted, [0.03, 0.06, 0.06, 0.02]) { #expect(abs(a - e) < 1e-12) }
    #expect(holmAdjusted([0.2]) == [0.2])
    #expect(holmAdjusted([0.6, 0.7]) == [1, 1])
  }
}
