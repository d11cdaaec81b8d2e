import Testing
@testable import QMLKit

@Suite struct OptimizerRunTests {
  static func quadratic(_ x: [Double]) -> Double { x.enumerated().reduce(0) { $0 + Double($1.offset + 1) * $1.element * $1.element } }
  static func gradient(_ x: [Double]) -> [Double] { x.enumerated().map { 2 * Double($0.offset + 1) * $0.element } }

  @Test("each setting steps exactly as its optimizer does on its own", arguments: [
    OptimizerSettings.adam(learningRate: 0.1), .sgd(learningRate: 0.05, momentum: 0.9), .spsa(a: 0.2, c: 0.1),
    .nelderMead(initialStep: 0.3),
  ])
  func stepsAsTheOptimizer(_ settings: OptimizerSettings) throws {
    var run = OptimizerRun(settings, seed: 5)
    var x = [1.0, -0.5, 0.25], y = x
    var adam = Adam(learningRate: 0.1), sgd = MomentumSGD(learningRate: 0.05, momentum: 0.9)
    var spsa = SPSA(a: 0.2, c: 0.1, seed: 5 &+ 17), nm = NelderMead(initialStep: 0.3)
    for _ in 0..<20 {
      try run.step(&x, gradient: Self.gradient(x), loss: Self.quadratic)
      switch settings {
      case .adam: adam.step(&y, gradient: Self.gradient(y))
      case .sgd: sgd.step(&y, gradient: Self.gradient(y))
      case .spsa: spsa.step(&y, loss: Self.quadratic)
      case .nelderMead: nm.step(&y, loss: Self.quadratic)
      }
    }
    #expect(x == y)
    #expect(Self.quadratic(x) < Self.quadratic([1.0, -0.5, 0.25]))
  }

  @Test func thePlateauStopsAfterPatienceIterationsWithoutProgress() {
    var p = LossPlateau(tolerance: 0.01, patience: 3)
    // 1.0 and 0.5 are progress; 0.499 and 0.498 fall less than 1% of max(1, 0.5); the third such stops.
    let stopsAt = [1.0, 0.5, 0.499, 0.498, 0.4975].map { p.record($0) }
    #expect(stopsAt == [false, false, false, false, true])
    var off = LossPlateau(tolerance: 0, patience: 1)
    var stops = 0
    for _ in 0..<10 where off.record(1) { stops += 1 }
    #expect(stops == 0, "tolerance 0 never stops")
  }
}
