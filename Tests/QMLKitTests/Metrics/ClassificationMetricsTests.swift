import Foundation
import Testing
@testable import QMLKit

/// Metric values against scikit-learn 1.9.1 (Fixtures/metrics.json, gen_ml3_references.py).
@Suite struct ClassificationMetricsTests {
  @Test func matchesScikitLearn() throws {
    let cases = try ml3Fixture("metrics").ml3List("cases")
    #expect(cases.count == 3)
    for c in cases {
      let labels = c.ml3Ints("labels")
      let scores = c.ml3Matrix("scores")
      let k = Int(c.ml3Double("class_count"))
      let predictions = argmaxPredictions(scores)
      #expect(predictions == c.ml3Ints("predictions"))
      #expect(ml3Close(accuracy(labels: labels, predictions: predictions), c.ml3Double("accuracy"), 1e-12))
      #expect(ml3Close(balancedAccuracy(labels: labels, predictions: predictions), c.ml3Double("balanced_accuracy"), 1e-12))
      #expect(ml3Close(f1Macro(labels: labels, predictions: predictions), c.ml3Double("f1_macro"), 1e-12))
      let cm = (c["confusion"] as! [[NSNumber]]).map { $0.map(\.intValue) }
      #expect(confusionMatrix(labels: labels, predictions: predictions, classCount: k) == cm)
      #expect(ml3Close(Metric.roc_auc.score(labels: labels, scores: scores, classCount: k), c.ml3Double("roc_auc"), 1e-12),
              "\(c["name"]!)")
      if c["log_loss"] != nil {
        #expect(ml3Close(Metric.log_loss.score(labels: labels, scores: scores, classCount: k), c.ml3Double("log_loss"), 1e-12))
      }
    }
  }

  @Test func rocAUCWithTiesIsMannWhitney() {
    // Hand count: pairs (pos, neg) = 2 x 2; one win, two ties, one loss -> (1 + 2 * 0.5) / 4.
    #expect(rocAUC(labels: [1, 1, 0, 0], scores: [0.5, 0.9, 0.5, 0.9]) == 0.5)
    #expect(rocAUC(labels: [1, 1, 0, 0], scores: [0.8, 0.9, 0.1, 0.2]) == 1)
    #expect(rocAUC(labels: [0, 0, 1, 1], scores: [0.8, 0.9, 0.1, 0.2]) == 0)
    #expect(rocAUC(labels: [1, 1, 1], scores: [0.1, 0.2, 0.3]).isNaN)
  }

  @Test func balancedAccuracyAveragesRecalls() {
    // class 0 recall 3/4, class 1 recall 0/1 -> 0.375, while accuracy is 0.6.
    let y = [0, 0, 0, 0, 1], p = [0, 0, 0, 1, 0]
    #expect(balancedAccuracy(labels: y, predictions: p) == 0.375)
    #expect(accuracy(labels: y, predictions: p) == 0.6)
  }

  @Test func logLossClipsCertainMistakes() {
    let v = logLoss(labels: [0], probabilities: [[0, 1]])
    #expect(ml3Close(v, -log(Double.ulpOfOne), 1e-12))
  }
}
