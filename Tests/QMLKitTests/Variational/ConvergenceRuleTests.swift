import Testing
@testable import QMLKit

/// The training-loss convergence rule: training stops once the loss stops falling, and runs to the
/// limit (reporting it did not stop early) while it keeps falling.
@Suite struct ConvergenceRuleTests {
  let x: [[Double]] = (0..<16).map { i in [Double(i % 4) * 0.8, Double(i / 4) * 0.8] }
  var y: [Int] { x.map { $0[0] + $0[1] > 2.4 ? 1 : 0 } }

  @Test func aLooseToleranceStopsBeforeTheLimit() throws {
    var clf = VariationalClassifier(optimizer: .adam(learningRate: 0.1), iterations: 300, seed: 3)
    clf.lossTolerance = 0.05
    clf.lossPatience = 3
    try clf.fit(features: x, labels: y, classCount: 2)
    #expect(clf.stoppedBeforeLimit)
    #expect(clf.trainingHistory.count < 301)
  }

  @Test func withoutTheRuleTrainingRunsToTheLimit() throws {
    var clf = VariationalClassifier(optimizer: .adam(learningRate: 0.1), iterations: 20, seed: 3)
    clf.lossTolerance = 0
    try clf.fit(features: x, labels: y, classCount: 2)
    #expect(!clf.stoppedBeforeLimit)
    #expect(clf.trainingHistory.count == 21)
  }
}
