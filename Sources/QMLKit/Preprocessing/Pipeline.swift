/// Preprocessing steps applied in order; `fit` fits each step on the output of the
/// previous fitted steps (training rows only), `transform` applies them all.
public struct Pipeline: Transformer {
  /// The steps, in order.
  public private(set) var steps: [any Transformer]

  /// A pipeline of `steps` (empty = identity).
  public init(_ steps: [any Transformer]) { self.steps = steps }

  public mutating func fit(_ x: [[Double]]) throws {
    var current = x
    for i in steps.indices {
      try steps[i].fit(current)
      if i < steps.count - 1 { current = steps[i].transform(current) }
    }
  }

  public func transform(_ x: [[Double]]) -> [[Double]] {
    var current = x
    for step in steps { current = step.transform(current) }
    return current
  }

  /// The steps' descriptions joined by `, ` (`identity` when empty).
  public var describe: String {
    steps.isEmpty ? "identity" : steps.map(\.describe).joined(separator: ", ")
  }

  public func outputNames(_ input: [String]) -> [String] {
    steps.reduce(input) { $1.outputNames($0) }
  }

  /// Fits on the training split and transforms both parts, keeping names and classes.
  /// - Throws: `DataError` naming the first step whose output holds a non-finite value (an
  ///   overflow, e.g. `scale` of a test value far outside the training range).
  public mutating func apply(to split: DataSplit) throws -> DataSplit {
    try fit(split.train.features)
    let names = outputNames(split.train.featureNames)
    func mapped(_ d: Dataset, _ part: String) throws(DataError) -> Dataset {
      var current = d.features
      for step in steps {
        current = step.transform(current)
        for (i, row) in current.enumerated() {
          if let j = row.firstIndex(where: { !$0.isFinite }) {
            throw DataError(
              file: step.describe,
              message: "overflows: \(part) row \(i + 1), column \(j + 1) becomes \(row[j]); the values are too large for this step")
          }
        }
      }
      return Dataset(features: current, labels: d.labels, featureNames: names, classNames: d.classNames, targets: d.targets)
    }
    return DataSplit(train: try mapped(split.train, "training"), test: try mapped(split.test, "test"))
  }
}
