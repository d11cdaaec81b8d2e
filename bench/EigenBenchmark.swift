import Foundation
import QMLKit
import QuantumSim

/// The symmetric eigendecomposition behind the geometric-difference diagnostic and PCA, on RBF
/// Gram matrices of seeded points (4 features, gamma = 1/4) of the sizes the runner meets.
enum EigenBenchmark {
  static func rbfGram(_ n: Int) -> [Double] {
    var rng = SeededGenerator(seed: 150)
    let points = (0..<n).map { _ in (0..<4).map { _ in rng.nextUnit() * 2 - 1 } }
    var k = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0..<n {
        var s = 0.0
        for f in 0..<4 { let t = points[i][f] - points[j][f]; s += t * t }
        k[i * n + j] = exp(-s / 4)
      }
    }
    return k
  }

  static func run() {
    print("| N | eigenvalues and eigenvectors, median seconds (1 thread) |")
    print("|---|---|")
    for n in [150, 400] {
      let k = rbfGram(n)
      let t = BenchClock.median(runs: n <= 150 ? 21 : 7) { _ = SymmetricEigen(rowMajor: k, n: n) }
      print("| \(n) | \(sig(t, 3)) |")
    }
  }
}
