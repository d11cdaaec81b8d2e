import Foundation

/// A support-vector classifier on raw features (RBF, polynomial or linear kernel), the
/// scikit-learn `SVC` baseline, solved by the shared `KernelSVM` (libsvm's SMO).
///
/// Scores are decision values, not probabilities: binary rows are `[-d, d]` with `d > 0`
/// meaning class 1; multiclass rows are scikit-learn's one-vs-rest aggregation.
public struct SVMClassifier: Classifier {
  /// The kernel; `.scale` / `.auto` gammas are resolved on the training rows.
  public var kernel: SVMKernel
  /// Penalty on slack.
  public var C: Double
  /// SMO stopping tolerance (scikit-learn's `tol`).
  public var tolerance: Double
  /// SMO iteration limit per class pair.
  public var maxIterations: Int
  private var svm: KernelSVM
  private var resolved: SVMKernel = .linear
  private var train: [[Double]] = []
  private var classCount = 0

  /// A classifier with the given kernel and C (scikit-learn defaults: tol 1e-3).
  public init(kernel: SVMKernel, C: Double, tolerance: Double = 1e-3, maxIterations: Int = 1_000_000) {
    self.kernel = kernel
    self.C = C
    self.tolerance = tolerance
    self.maxIterations = maxIterations
    svm = KernelSVM(C: C, tolerance: tolerance, maxIterations: maxIterations)
  }

  /// The fitted kernel machine (support vectors, dual coefficients, intercept).
  public var machine: KernelSVM { svm }

  /// Fits on training rows.
  ///
  /// - Throws: `ModelError.invalidHyperparameter` (C, gamma, degree),
  ///   `ModelError.invalidData` (shapes, non-finite values, labels outside
  ///   `0..<classCount`, a class without samples), `ModelError.notConverged` when SMO
  ///   stops at its iteration limit.
  public mutating func fit(features: [[Double]], labels: [Int], classCount: Int) throws {
    try _validateTraining(features: features, labels: labels, classCount: classCount, model: "SVM")
    switch kernel {
    case .rbf(.value(let g)), .polynomial(_, .value(let g), _):
      guard g > 0, g.isFinite else { throw ModelError.invalidHyperparameter("SVM gamma must be positive, got \(g)") }
    default: break
    }
    if case .polynomial(let degree, _, let coef0) = kernel {
      guard degree >= 1 else { throw ModelError.invalidHyperparameter("SVM degree must be >= 1, got \(degree)") }
      guard coef0.isFinite else { throw ModelError.invalidHyperparameter("SVM coef0 must be finite") }
    }
    let present = Set(labels)
    if present.count != classCount {
      let missing = (0..<classCount).first { !present.contains($0) }!
      throw ModelError.invalidData("SVM: class \(missing) has no training samples")
    }
    resolved = kernel.resolved(features: features)
    let gram = resolved.gram(features)
    var machine = KernelSVM(C: C, tolerance: tolerance, maxIterations: maxIterations)
    try machine.fit(kernel: gram, labels: labels)
    guard machine.converged else {
      throw ModelError.notConverged("SVM (C=\(C)) stopped after \(machine.iterations) SMO iterations without reaching tol \(tolerance)")
    }
    svm = machine
    train = features
    self.classCount = classCount
  }

  private func testKernel(_ features: [[Double]]) throws -> Matrix {
    guard classCount > 0 else { throw ModelError.notFitted }
    try _validateRows(features, width: train[0].count, model: "SVM")
    return resolved.cross(features, train, columns: svm.supportIndices)
  }

  /// Decision values per class (see the type's notes).
  public func scores(_ features: [[Double]]) throws -> [[Double]] {
    let decisions = svm.decisionFunction(kernel: try testKernel(features))
    if classCount == 2 { return decisions.map { [-$0[0], $0[0]] } }
    return decisions
  }

  /// libsvm's prediction (`KernelSVM.predict`): one-vs-one votes, ties to the lowest class.
  public func predict(_ features: [[Double]]) throws -> [Int] {
    svm.predict(kernel: try testKernel(features))
  }
}

/// Checks training rows: non-empty, equal widths, finite, labels in range.
func _validateTraining(features: [[Double]], labels: [Int], classCount: Int, model: String) throws {
  guard !features.isEmpty else { throw ModelError.invalidData("\(model): no training samples") }
  guard features.count == labels.count else {
    throw ModelError.invalidData("\(model): \(features.count) feature rows but \(labels.count) labels")
  }
  guard classCount >= 2 else { throw ModelError.invalidData("\(model): needs at least two classes, got \(classCount)") }
  let width = features[0].count
  guard width > 0 else { throw ModelError.invalidData("\(model): samples have no features") }
  try _validateRows(features, width: width, model: model)
  if let bad = labels.firstIndex(where: { $0 < 0 || $0 >= classCount }) {
    throw ModelError.invalidData("\(model): label \(labels[bad]) at sample \(bad) is outside 0..<\(classCount)")
  }
  guard Set(labels).count >= 2 else { throw ModelError.invalidData("\(model): training labels hold a single class") }
}

/// Checks rows have `width` finite features.
func _validateRows(_ features: [[Double]], width: Int, model: String) throws {
  for (i, row) in features.enumerated() {
    guard row.count == width else {
      throw ModelError.invalidData("\(model): sample \(i) has \(row.count) features, expected \(width)")
    }
    if let j = row.firstIndex(where: { !$0.isFinite }) {
      throw ModelError.invalidData("\(model): sample \(i), feature \(j) is not finite (\(row[j]))")
    }
  }
}
