import ClaimSpec
import Testing
@testable import ReportKit

@Suite struct NumberTextTests {
  @Test func metricValuesHaveThreeDecimalsAndATrueMinus() {
    #expect(NumberText.fixed(0.91234) == "0.912")
    #expect(NumberText.fixed(-0.0001) == "0.000")
    #expect(NumberText.fixed(-0.25) == "\u{2212}0.250")
    #expect(NumberText.fixed(.nan) == "n/a")
    #expect(NumberText.signed(0.105) == "+0.105")
    #expect(NumberText.signed(-0.02) == "\u{2212}0.020")
    #expect(NumberText.signed(0) == "0.000")
    #expect(NumberText.interval(0.08, 0.13, signed: true) == "[+0.080, +0.130]")
    #expect(NumberText.interval(-0.08, 0.13) == "[\u{2212}0.080, 0.130]")
  }

  @Test func liftsReadAsPoints() {
    #expect(NumberText.points(0.261) == "+26.1 points")
    #expect(NumberText.points(-0.05) == "\u{2212}5.0 points")
    #expect(Summary.lift(0.261) == "+0.261 (+26.1 points)")
  }

  @Test func integersHaveNoDecimals() {
    #expect(NumberText.count(67_092_480) == "67,092,480")
    #expect(NumberText.count(1_234_567) == "1,234,567")
    #expect(NumberText.count(999) == "999")
    #expect(NumberText.count(-1234) == "\u{2212}1,234")
    #expect(NumberText.integer(1000) == "1,000")
    #expect(NumberText.integer(-7) == "\u{2212}7")
  }

  @Test func moneyHasSeparatorsAndCents() {
    #expect(NumberText.usd(114_166.5) == "$114,166.50")
    #expect(NumberText.usd(1000) == "$1,000.00")
    #expect(NumberText.usd(12.4) == "$12.40")
    #expect(NumberText.usd(0) == "$0.00")
    #expect(NumberText.usd(0.001) == "<$0.01")
    #expect(NumberText.usd(-3.5) == "\u{2212}$3.50")
  }

  @Test func secondsAndTicks() {
    #expect(NumberText.seconds(8.1) == "8.10 s")
    #expect(NumberText.seconds(125) == "2 min 05 s")
    #expect(NumberText.tick(0.2) == "0.2")
    #expect(NumberText.tick(1) == "1")
    #expect(NumberText.tick(0.15) == "0.15")
    #expect(NumberText.tick(-0.05) == "\u{2212}0.05")
    #expect(NumberText.tick(20000) == "20,000")
  }

  @Test func noHyphenMinusOrLongDecimalsInAnyFormat() {
    let samples: [String] = [-1.5, -0.333, -1e6, -42].flatMap {
      [NumberText.fixed($0), NumberText.signed($0), NumberText.count($0), NumberText.usd($0), NumberText.tick($0),
       NumberText.points($0)]
    }
    for s in samples { #expect(!s.contains("-"), "\(s) uses a hyphen for minus") }
    #expect(!NumberText.count(67_092_480).contains("."))
  }
}

@Suite struct ProseNumberTests {
  @Test func runnerProseTakesThePageFormat() {
    #expect(NumberText.prose("lift is -0.01852 (95% interval [-0.1779, 0.1408]), minimum -0.05.")
      == "lift is \u{2212}0.019 (95% interval [\u{2212}0.178, 0.141]), minimum \u{2212}0.050.")
    #expect(NumberText.prose("svm_rbf (C=0.1, gamma=0.0001): test balanced_accuracy 0.8889 [0.7509, 1.027]")
      == "svm_rbf (C=0.1, gamma=0.0001): test balanced_accuracy 0.889 [0.751, 1.027]")
    #expect(NumberText.prose("90 exceeds 60 on ibm-heron-r2 v1.2") == "90 exceeds 60 on ibm-heron-r2 v1.2")
  }

  @Test func snapshotCostsReadAsIntegers() {
    let c = ClaimSpec.RegressionCheck(name: "cost max_depth", accepted: 20, actual: 24, tolerance: 0.1, tripped: true)
    #expect(Summary.moved(c) == "cost max_depth: 20 \u{2192} 24 (+4)")
    let same = ClaimSpec.RegressionCheck(name: "lift ideal", accepted: 0.2000001, actual: 0.2, tolerance: 0.02, tripped: false)
    #expect(!Summary.visiblyMoved(same))
    #expect(Summary.visiblyMoved(c))
  }

  @Test func onlyBoundedScoresDifferByPoints() {
    #expect(NumberText.difference(0.261, metric: "balanced_accuracy") == "+26.1 points")
    #expect(NumberText.difference(0.05, metric: "tv") == "+5.0 points")
    // log_loss is in nats and unbounded: a lift of 0.4 nats is not "40 points".
    #expect(NumberText.difference(0.4, metric: "log_loss") == "+0.400 log_loss")
    #expect(NumberText.difference(-0.288, metric: "rmse") == "\u{2212}0.288 rmse")
  }
}
