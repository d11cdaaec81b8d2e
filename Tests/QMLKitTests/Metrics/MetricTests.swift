import Foundation
import Testing
@testable import QMLKit

@Suite struct MetricTests {
  @Test func directionAndNames() {
    #expect(Metric.allCases.map(\.rawValue) == ["accuracy", "balanced_accuracy", "f1_macro", "roc_auc", "log_loss"])
    #expect(Metric.allCases.filter { !$0.higherIsBetter } == [.log_loss])
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
