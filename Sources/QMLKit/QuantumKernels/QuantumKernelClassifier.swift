import QuantumSim

/// A quantum kernel SVM: an encoding and kernel mode (`QuantumKernel`) feeding a `KernelSVM`
/// with a precomputed kernel, usable wherever a `Classifier` baseline is.
///
/// `fit` computes and keeps the train-train kernel (`trainKernel`, for the report) and the
/// training rows; `scores` computes the test-train kernel and returns the SVM's decision
/// values (binary: `[−d, d]`, so class 1 wins when d > 0; multiclass: scikit-learn's
/// one-vs-rest aggregation). Circuit executions and shots accumulate in `kernel.counter`.
public struct QuantumKernelClassifier: Classifier {
  /// The kernel (encoding, kind, backend, seed, cost counter).
  public var kernel: QuantumKernel
  /// The SVM's C.
  public var C: Double
  /// The train-train kernel of the last fit.
  public private(set) var trainKernel: Matrix?
  /// The fitted SVM.
  public private(set) var svm: KernelSVM?
  private var trainRows: [[Double]] = []

  /// A kernel classifier with SVM regularisation `C`.
  public init(kernel: QuantumKernel, C: Double = 1) {
    self.kernel = kernel
    self.C = C
  }

  public mutating func fit(features: [[Double]], labels: [Int], classCount: Int) throws {
    guard features.count == labels.count else {
      throw ModelError.invalidData("\(features.count) rows but \(labels.count) labels")
    }
    let K = try kernel.trainMatrix(features)
    var machine = KernelSVM(C: C)
    try machine.fit(kernel: K, labels: labels)
    if !machine.converged { throw ModelError.notConverged("kernel SVM stopped at its iteration limit") }
    trainKernel = K
    svm = machine
    trainRows = features
  }

  public func scores(_ features: [[Double]]) throws -> [[Double]] {
    guard let svm else { throw ModelError.notFitted }
    let K = try kernel.crossMatrix(features, trainRows)
    let d = svm.decisionFunction(kernel: K)
    return svm.classCount == 2 ? d.map { [-$0[0], $0[0]] } : d
  }

  public func predict(_ features: [[Double]]) throws -> [Int] {
    guard let svm else { throw ModelError.notFitted }
    return svm.predict(kernel: try kernel.crossMatrix(features, trainRows))
  }

  /// Cost of loading one input (half of the compute-uncompute circuit).
  public func encodingCost(features: Int) throws -> CircuitStatistics {
    try kernel.encoding.cost(features: features)
  }

  /// Cost of one kernel circuit for `features` inputs: the compute-uncompute circuit
  /// U(y)†U(x) that hardware would run per entry (twice the encoding).
  public func circuitCost(features: Int) throws -> CircuitStatistics {
    let enc = try kernel.encoding.circuit(features: features).circuit
    var c = enc
    c.append(enc.inverse)
    return c.statistics
  }
}
