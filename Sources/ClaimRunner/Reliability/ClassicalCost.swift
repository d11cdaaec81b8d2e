import ClaimSpec
import Foundation
import QMLKit

/// Up-front sizes of a claim's classical work, the part `ResourceGuard` adds to the quantum
/// models: kernel-SVM Gram matrices, k-NN distances, MLP training, PCA on wide data, and the
/// total number of simulated shots. Every estimate is deliberately low (optimistic speed, no
/// SMO iterations, early-stopped MLPs run half their epochs), so a refusal is always safe.
struct ClassicalCost: Sendable {
  /// One baseline or preprocessing step.
  struct Estimate: Sendable, Equatable {
    /// What it is, for messages (`baseline 'svm_rbf'`, `preprocess pca`).
    var what: String
    /// The spec field it comes from (`baselines[0]`, `dataset.preprocess`).
    var field: String
    /// Peak bytes of its largest matrix.
    var bytes: Double
    /// Arithmetic operations of all seeds (flops, roughly).
    var operations: Double
    /// How the bytes arise, for messages (`a 105000 x 105000 Gram matrix`).
    var detail: String
  }

  /// Classical operations per second assumed: deliberately fast (vectorised, every core).
  static let operationsPerSecond = 2e10
  /// The most shots a claim may simulate in total (all circuits, backends and seeds): 10^11.
  /// The shipped `breast-cancer-kernel` samples 1.5 * 10^9 in about a minute.
  static let maxTotalShots = 1e11

  let claim: Claim
  /// Features before preprocessing (PCA's input width) and after (the models' input width).
  let rawFeatures: Int, features: Int
  /// Samples (train + test) and training samples.
  let samples: Int, trainSamples: Int

  /// Every baseline and the PCA step, sized.
  func estimates() -> [Estimate] {
    var out: [Estimate] = []
    let n = Double(samples), nt = Double(trainSamples), d = Double(max(features, 1))
    let seeds = Double(claim.seeds.count)
    let folds = Double(BaselineStage.folds)
    let foldTrain = nt * (folds - 1) / folds
    for (i, b) in claim.baselines.enumerated() {
      let configs = Double(configurations(b))
      // Every configuration is cross-validated, then the best is refit on the training split.
      let fits = configs * folds + 1
      switch b.model {
      case .svmRBF, .svmPoly, .svmLinear, .kernelRidge, .svr:
        let bytes = 8 * (nt * nt + (n - nt) * nt)
        let ops = (configs * folds * foldTrain * foldTrain + nt * nt + (n - nt) * nt) * d * seeds
        out.append(Estimate(what: "baseline '\(b.id)' (\(b.model.rawValue))", field: "baselines[\(i)]", bytes: bytes,
          operations: ops, detail: "a \(Int(nt)) x \(Int(nt)) Gram matrix of the training split (8 bytes a value)"))
      case .knn:
        let ops = (configs * folds * (nt / folds) * foldTrain + (n - nt) * nt) * d * seeds
        out.append(Estimate(what: "baseline '\(b.id)' (knn)", field: "baselines[\(i)]", bytes: 8 * nt * d,
          operations: ops, detail: "the training rows"))
      case .mlp:
        let h = Double(hiddenWidth(b))
        let epochs = Double(maxIterations(b)) / 2
        let weights = d * h + h * 2  // one hidden layer of the narrowest width: the low end
        let ops = fits * epochs * foldTrain * weights * 6 * seeds
        out.append(Estimate(what: "baseline '\(b.id)' (mlp)", field: "baselines[\(i)]", bytes: 8 * weights,
          operations: ops, detail: "its weights"))
      default:
        continue
      }
    }
    for step in claim.dataset.preprocess {
      guard case .pca = step else { continue }
      let w = Double(rawFeatures)
      out.append(Estimate(what: "preprocess pca on \(rawFeatures) features", field: "dataset.preprocess",
        bytes: 8 * w * w * 2, operations: (n * w * w + 10 * w * w * w) * seeds,
        detail: "a \(rawFeatures) x \(rawFeatures) covariance matrix and its eigenvectors"))
    }
    return out
  }

  /// The grid's size (the spec's grid, else the default grid).
  func configurations(_ b: BaselineSpec) -> Int {
    if !b.grid.isEmpty { return b.grid.values.reduce(1) { $0 * max(1, $1.count) } }
    let grid = b.model.defaultGrid(task: claim.task)
    return grid.values.reduce(1) { $0 * max(1, $1.count) }
  }

  /// The narrowest hidden layer width the grid tries (default 32): the low end.
  func hiddenWidth(_ b: BaselineSpec) -> Int {
    let widths = (b.grid["hidden"] ?? []).compactMap { $0.number }.map { Int($0) }
    return max(1, widths.min() ?? 32)
  }

  /// The training epochs of an MLP baseline (`BaselineFactory`'s fixed `max_iterations`, 500).
  func maxIterations(_ b: BaselineSpec) -> Int {
    let fixed = b.model.kind.flatMap { BaselineFactory.defaults(for: $0)["max_iterations"] }
    if case .number(let x)? = fixed { return max(1, Int(x)) }
    return 500
  }
}
