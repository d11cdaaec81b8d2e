import Foundation
import Testing

@testable import QMLKit

@Suite struct OptimizerTests {
  /// f(x) = Σ (i+1)(x_i − 1)², minimum 0 at x = 1.
  private func f(_ x: [Double]) -> Double { x.enumerated().reduce(0) { $0 + Double($1.offset + 1) * ($1.element - 1) * ($1.element - 1) } }
  private func grad(_ x: [Double]) -> [Double] { x.enumerated().map { 2 * Double($0.offset + 1) * ($0.element - 1) } }

  @Test("Adam's first step moves every coordinate by the learning rate")
  func adamFirstStep() {
    var adam = Adam(learningRate: 0.1)
    var x = [0.0, 5.0]
    adam.step(&x, gradient: [3, -0.001])
    // m̂ = g, v̂ = g², so the step is lr · g / (|g| + ε) ≈ lr · sign(g).
    #expect(abs(x[0] + 0.1) < 1e-6 && abs(x[1] - 5.1) < 1e-4)
  }

  @Test("Adam and momentum SGD converge on a quadratic")
  func gradientMethods() {
    var adam = Adam(learningRate: 0.1)
    var sgd = MomentumSGD(learningRate: 0.02, momentum: 0.8)
    var a = [0.0, 3.0, -2.0], s = a
    for _ in 0..<500 {
      adam.step(&a, gradient: grad(a))
      sgd.step(&s, gradient: grad(s))
    }
    #expect(f(a) < 1e-4)
    #expect(f(s) < 1e-8)
  }

  @Test("Nelder–Mead finds the Rosenbrock minimum; SPSA lowers a quadratic")
  func gradientFree() {
    var nm = NelderMead(initialStep: 0.5)
    var x = [-1.2, 1.0]
    let rosen = { (v: [Double]) in 100 * pow(v[1] - v[0] * v[0], 2) + pow(1 - v[0], 2) }
    for _ in 0..<400 { nm.step(&x, loss: rosen) }
    #expect(abs(x[0] - 1) < 1e-3 && abs(x[1] - 1) < 1e-3)
    var spsa = SPSA(a: 0.1, c: 0.1, seed: 4)
    var y = [0.0, 3.0, -2.0]
    let start = f(y)
    for _ in 0..<300 { spsa.step(&y, loss: f) }
    #expect(f(y) < 0.01 * start)
  }
}
