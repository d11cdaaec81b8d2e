@testable import ClaimRunner
import Foundation
import QMLKit
import Testing

@Suite struct DiagnosticStageTests {
  @Test func geometricDifferenceOfTheRBFKernelWithItselfIsAtMostOne() throws {
    var rng = SystemRandomNumberGenerator()
    let rows = (0..<30).map { _ in (0..<3).map { _ in Double.random(in: -1...1, using: &rng) } }
    let train = Dataset(features: rows, labels: (0..<30).map { $0 % 2 })
    // Build the same RBF kernel (gamma = 1 / (d Var X)) the diagnostic compares against.
    let all = rows.flatMap { $0 }
    let m = all.reduce(0, +) / Double(all.count)
    let v = all.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(all.count)
    var K = Matrix(rows: 30, columns: 30)
    for i in 0..<30 {
      for j in 0..<30 {
        let s = zip(rows[i], rows[j]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        K[i, j] = exp(-s / (3 * v))
      }
    }
    let g = try #require(DiagnosticStage.geometricDifferenceToRBF(K, train))
    // Identical kernels: g = sqrt(max mu / (mu + lambda)) < 1 (Huang et al. 2021, regularised form).
    #expect(g <= 1 && g > 0.9)
    // An identity "quantum" kernel (every sample orthogonal) is far from the RBF kernel.
    var I = Matrix(rows: 30, columns: 30)
    for i in 0..<30 { I[i, i] = 1 }
    #expect(try #require(DiagnosticStage.geometricDifferenceToRBF(I, train)) > 2)
  }
}
