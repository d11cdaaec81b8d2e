import Foundation
import QMLKit
import QuantumSim

// Classical-baseline benchmarks (issue 4): RBF SVM grid search (4 x 4 grid, 5 folds,
// 1000 x 8) and an SVM fit + predict on a 400 x 400 precomputed kernel, printed next to
// scikit-learn 1.9.1's figures from peers.md (b4_classical.py, same machine kind).
// Not a copy of make_classification: the data differ, the task size and grid are the same.

/// A make_classification-like problem: 2 informative features (two Gaussian clusters per
/// class on the vertices of a square, class_sep 1), 2 redundant linear combinations,
/// 4 noise features, 1% flipped labels.
private func classicalBenchData(samples: Int, seed: UInt64) -> Dataset {
  var rng = SeededGenerator(seed: seed)
  let vertices: [[Double]] = [[-1, -1], [1, 1], [-1, 1], [1, -1]]
  var x: [[Double]] = []
  var y: [Int] = []
  for i in 0..<samples {
    let cluster = i % 4
    var label = cluster / 2
    let a = vertices[cluster][0] + rng.nextGaussian(), b = vertices[cluster][1] + rng.nextGaussian()
    var row = [a, b, 0.6 * a - 0.3 * b, 0.2 * a + 0.9 * b]
    for _ in 0..<4 { row.append(rng.nextGaussian()) }
    if rng.nextUnit() < 0.01 { label = 1 - label }
    x.append(row)
    y.append(label)
  }
  return Dataset(features: x, labels: y)
}

/// Wall-clock min and median over `repeats` runs after a warm-up, and the median process
/// CPU time (all threads; on a shared machine this is the steadier figure).
private func classicalBenchMedian(repeats: Int, _ body: () throws -> Void) rethrows -> (min: Double, median: Double, cpu: Double) {
  let r = try BenchClock.repeated(repeats, body)
  return (r.min, r.median, r.cpuMedian)
}

/// B4 of issue 4: classical baselines next to scikit-learn. Call `ClassicalBenchmark.run()`.
enum ClassicalBenchmark {
  /// Prints a Markdown table: wall-clock min/median, process CPU time, and scikit-learn's figure.
  static func run() {
    do {
      try measure()
    } catch {
      print("classical benchmark failed: \(error)")
    }
  }

  private static func measure() throws {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    print("| case | qlift wall min (s) | qlift wall median (s) | qlift CPU, all threads (s) | scikit-learn 1.9.1, 1 thread (s) |")
    print("|---|---|---|---|---|")
    let data = classicalBenchData(samples: 1000, seed: 0)
    let search = GridSearch(model: .svmRBF, grid: ["C": [0.1, 1, 10, 100], "gamma": [0.01, 0.1, 1, 10], "scale": ["none"]],
                            folds: 5, metric: .accuracy, seed: 0)
    let g = try classicalBenchMedian(repeats: 3) { _ = try search.run(train: data) }
    print(String(format: "| GridSearch svm_rbf 4x4, 5 folds, 1000x8, refit (%d threads) | %.3f | %.3f | %.3f | 0.87 |",
                 cores, g.min, g.median, g.cpu))
    let lr = GridSearch(model: .logisticRegression, grid: ["C": [0.01, 0.1, 1, 10], "scale": ["none"]],
                        folds: 5, metric: .accuracy, seed: 0)
    let l = try classicalBenchMedian(repeats: 3) { _ = try lr.run(train: data) }
    print(String(format: "| GridSearch logistic_regression 4 C, 5 folds, 1000x8, refit (%d threads) | %.3f | %.3f | %.3f | 0.040 |",
                 cores, l.min, l.median, l.cpu))
    // A 400 x 400 RBF Gram matrix (gamma 0.5 on uniform [0, pi]^8, like a fidelity kernel's
    // spread) with random labels, as peers/b4_classical.py does with its ZZ kernel.
    var rng = SeededGenerator(seed: 11)
    let n = 400, d = 8
    let points = (0..<n).map { _ in (0..<d).map { _ in Double.pi * rng.nextUnit() } }
    var kernel = Matrix(rows: n, columns: n)
    for i in 0..<n {
      for j in 0..<n {
        var s = 0.0
        for k in 0..<d { s += (points[i][k] - points[j][k]) * (points[i][k] - points[j][k]) }
        kernel[i, j] = exp(-0.5 * s)
      }
    }
    let labels = (0..<n).map { _ in rng.nextUnit() > 0.5 ? 1 : 0 }
    let p = try classicalBenchMedian(repeats: 7) {
      var svm = KernelSVM(C: 1)
      try svm.fit(kernel: kernel, labels: labels)
      _ = svm.predict(kernel: kernel)
    }
    print(String(format: "| KernelSVM precomputed 400x400, fit + predict | %.4f | %.4f | %.4f | 0.0021 |", p.min, p.median, p.cpu))
  }
}
