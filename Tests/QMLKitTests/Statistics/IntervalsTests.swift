import Testing
@testable import QMLKit

@Suite struct IntervalsTests {
  @Test func studentIntervalMatchesScipy() throws {
    for r in try ml3Fixture("statistics").ml3List("intervals") {
      let xs = r.ml3Doubles("xs")
      let ci = studentTInterval(xs, confidence: r.ml3Double("confidence"))
      #expect(ml3Close(ci.mean, r.ml3Double("mean"), 1e-12))
      #expect(ml3Close(ci.low, r.ml3Double("low"), 1e-10))
      #expect(ml3Close(ci.high, r.ml3Double("high"), 1e-10))
      #expect(ml3Close(sampleStandardDeviation(xs), r.ml3Double("sd"), 1e-12))
    }
  }

  @Test func oneValueIsDegenerate() {
    let ci = studentTInterval([0.7], confidence: 0.95)
    #expect(ci.mean == 0.7 && ci.low == 0.7 && ci.high == 0.7)
    #expect(studentTInterval([], confidence: 0.95).mean.isNaN)
  }

  @Test(arguments: [UInt64(1), 2, 3])
  func bootstrapIsSeededAndBracketsTheMean(seed: UInt64) {
    let xs = [0.81, 0.84, 0.79, 0.88, 0.83, 0.80, 0.86]
    let a = bootstrapInterval(xs, confidence: 0.95, resamples: 4000, seed: seed)
    let b = bootstrapInterval(xs, confidence: 0.95, resamples: 4000, seed: seed)
    #expect(a.low == b.low && a.high == b.high)
    #expect(a.low < a.mean && a.mean < a.high)
    // Bootstrap bounds lie within the sample range and inside the (wider) t interval here.
    let t = studentTInterval(xs, confidence: 0.95)
    #expect(a.low >= xs.min()! && a.high <= xs.max()!)
    #expect(a.low > t.low && a.high < t.high)
  }

  @Test func quantileIsNumpyLinear() {
    // numpy.quantile([1, 2, 3, 4], 0.25) = 1.75.
    #expect(quantile([4, 1, 3, 2], 0.25) == 1.75)
    #expect(quantile([4, 1, 3, 2], 1) == 4)
  }
}
