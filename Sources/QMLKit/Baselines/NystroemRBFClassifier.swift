import Foundation
import QuantumSim

/// The cheap classical kernel baseline `nystroem_rbf`: scikit-learn's `Nystroem(kernel="rbf")`
/// (m landmarks drawn from the training rows, features K(x, L) · K(L, L)^(−1/2)) followed by
/// L2-regularised logistic regression, so an RBF kernel model costs O(n m²) instead of O(n²).
public struct NystroemRBFClassifier: Classifier {
  /// RBF width; `.scale` / `.auto` resolve on the training rows.
  public var gamma: KernelGamma
  /// Number of landmarks m (capped at the training size).
  public var landmarks: Int
  /// Inverse L2 strength of the logistic regression.
  public var C: Double
  /// Seed of the landmark draw.
  public var seed: UInt64
  private var basis: [[Double]] = []
  private var normalization: [[Double]] = []
  private var resolvedGamma = 1.0
  private var model = LogisticRegression()

  /// An unfitted classifier.
  public init(gamma: KernelGamma = .scale, landmarks: Int = 100, C: Double = 1, seed: UInt64 = 0) {
    self.gamma = gamma
    self.landmarks = landmarks
    self.C = C
    self.seed = seed
  }

  /// Draws the landmarks, builds K(L, L)^(−1/2) and fits the linear model.
  /// - Throws: `ModelError.invalidHyperparameter` (m < 1, gamma <= 0), the logistic regression's errors.
  public mutating func fit(features: [[Double]], labels: [Int], classCount: Int) throws {
    guard landmarks >= 1 else { throw ModelError.invalidHyperparameter("nystroem_rbf: landmarks must be at least 1, got \(landmarks)") }
    try _validateTraining(features: features, labels: labels, classCount: classCount, model: "nystroem_rbf")
    let g = gamma.resolve(features: features)
    guard g > 0, g.isFinite else { throw ModelError.invalidHyperparameter("nystroem_rbf: gamma must be positive, got \(g)") }
    var order = Array(features.indices)
    var rng = SeededGenerator(seed: seed ^ 0x0A57_2011)
    order.shuffle(using: &rng)
    let chosen = order.prefix(min(landmarks, features.count)).map { features[$0] }
    let m = chosen.count
    let kmm = chosen.map { a in chosen.map { Self.rbf(a, $0, g) } }
    let eig = SymmetricEigen(kmm)
    // K^(−1/2) = V diag(1/√max(λ, 1e-12)) Vᵀ, as scikit-learn's Nystroem.
    var norm = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
    for k in 0..<m {
      let s = 1 / max(eig.values[k], 1e-12).squareRoot()
      let v = eig.vectors[k]
      for i in 0..<m { for j in 0..<m { norm[i][j] += s * v[i] * v[j] } }
    }
    (basis, normalization, resolvedGamma) = (chosen, norm, g)
    var lr = LogisticRegression(C: C, maxIterations: 1000, tolerance: QuantumRFFClassifier.tolerance)
    try lr.fit(features: features.map(transform), labels: labels, classCount: classCount)
    model = lr
  }

  /// Class probabilities of the logistic regression on the Nyström features.
  public func scores(_ features: [[Double]]) throws -> [[Double]] {
    guard !basis.isEmpty else { throw ModelError.notFitted }
    try _validateRows(features, width: basis[0].count, model: "nystroem_rbf")
    return try model.scores(features.map(transform))
  }

  /// The Nyström features of one row: K^(−1/2) k_L(x).
  func transform(_ x: [Double]) -> [Double] {
    let k = basis.map { Self.rbf(x, $0, resolvedGamma) }
    return normalization.map { row in zip(row, k).reduce(0) { $0 + $1.0 * $1.1 } }
  }

  static func rbf(_ a: [Double], _ b: [Double], _ g: Double) -> Double {
    var s = 0.0
    for i in a.indices { let t = a[i] - b[i]; s += t * t }
    return exp(-g * s)
  }
}
