import Testing
@testable import QMLKit

@Suite struct RegressionMetricsTests {
  @Test func matchScikitLearn() throws {
    for c in try RegressionFixture.load().metrics {
      #expect(abs(rootMeanSquaredError(targets: c.y_true, predictions: c.y_pred) - c.rmse) < 1e-12, "\(c.name) rmse")
      #expect(abs(meanAbsoluteError(targets: c.y_true, predictions: c.y_pred) - c.mae) < 1e-12, "\(c.name) mae")
      #expect(abs(r2Score(targets: c.y_true, predictions: c.y_pred) - c.r2) < 1e-12, "\(c.name) r2")
      #expect(RegressionMetric.r2.score(targets: c.y_true, predictions: c.y_pred) == r2Score(targets: c.y_true, predictions: c.y_pred))
    }
  }

  @Test func directions() {
    #expect(RegressionMetric.rmse.lowerIsBetter)
    #expect(RegressionMetric.mae.lowerIsBetter)
    #expect(!RegressionMetric.r2.lowerIsBetter)
    #expect(RegressionMetric(rawValue: "r2") == .r2)
  }

  @Test func degenerateInputs() {
    #expect(rootMeanSquaredError(targets: [], predictions: []).isNaN)
    #expect(meanAbsoluteError(targets: [], predictions: []).isNaN)
    #expect(r2Score(targets: [1], predictions: [1]).isNaN)
    #expect(r2Score(targets: [1, 2, 3], predictions: [1, 2, 3]) == 1)
  }
}
