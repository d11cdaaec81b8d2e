import Foundation
import Testing
@testable import QMLKit

@Suite struct MetricTests {
  @Test func directionAndNames() {
    #expect(Metric.allCases.map(\.rawValue) == ["accuracy", "balanced_accuracy", "f1_macro", "roc_auc", "log_loss", "rmse", "mae", "r2"])
    #expect(Metric.allCases.filter { !$0.higherIsBetter } == [.log_loss, .rmse, .mae])
    #expect(Metric.allCases.compactMap(\.regression) == [.rmse, .mae, .r2])
    #expect(Metric.allCases.allSatisfy { ($0.regression?.lowerIsBetter ?? !$0.higherIsBetter) == !$0.higherIsBetter })
  }

  @Test func regressionMetricsScorePredictionsAndNeverClasses() {
    #expect(Metric.rmse.score(targets: [3, -0.5, 2, 7], predictions: [2.5, 0, 2, 8]) == 0.6123724356957945)
    #expect(Metric.accuracy.score(targets: [1], predictions: [1]).isNaN)
    #expect(Metric.r2.score(labels: [0, 1], scores: [[1, 0], [0, 1]], classCount: 2).isNaN)
  }

  @Test func decisionValuesAreSoftmaxedForLogLoss() {
    // Rows [-f, f] are not probabilities: softmax gives p1 = 1 / (1 + e^{-2f}).
    let f = 0.7
    let v = Metric.log_loss.score(labels: [1], scores: [[-f, f]], classCount: 2)
    #expect(ml3Close(v, log(1 + exp(-2 * f)), 1e-12))
    #expect(Metric.accuracy.score(labels: [1, 0], scores: [[-f, f], [f, -f]], classCount: 2) == 1)
  }

  @Test func multiclassRocIsOneVsRestMacro() {
    let labels = [0, 1, 2, 0, 1, 2]
    let probs: [[Double]] = [[0.8, 0.1, 0.1], [0.2, 0.7, 0.1], [0.1, 0.2, 0.7],
                             [0.6, 0.3, 0.1], [0.3, 0.4, 0.3], [0.2, 0.2, 0.6]]
    #expect(Metric.roc_auc.score(labels: labels, scores: probs, classCount: 3) == 1)
  }
}
