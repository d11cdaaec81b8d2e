/// A preprocessing step fitted on training rows only and then applied unchanged to any
/// rows with the same columns (train, validation, test).
public protocol Transformer: Sendable {
  /// Learns the step's statistics from training rows.
  /// - Throws: `DataError` for unusable input (no rows, ragged rows, non-finite values,
  ///   too few columns for the step).
  mutating func fit(_ x: [[Double]]) throws
  /// Applies the fitted step. - Precondition: fitted, and rows as wide as the training rows.
  func transform(_ x: [[Double]]) -> [[Double]]
  /// A short name of the step for reports, e.g. `standardize`, `scale 0..3.1416`, `pca 4`.
  var describe: String { get }
  /// Names of the output columns given the input column names.
  func outputNames(_ input: [String]) -> [String]
}

extension Transformer {
  /// Default: the type name, lowercased.
  public var describe: String { String(describing: Self.self).lowercased() }

  /// Default: the columns keep their names.
  public func outputNames(_ input: [String]) -> [String] { input }

  /// Fits on `x` and returns `x` transformed.
  public mutating func fitTransform(_ x: [[Double]]) throws -> [[Double]] {
    try fit(x)
    return transform(x)
  }
}

/// Checks training rows: at least one, all the same width, all finite.
func _validateRows(_ x: [[Double]], step: String, minRows: Int = 1) throws(DataError) -> Int {
  guard x.count >= minRows else {
    throw DataError(file: step, message: "needs at least \(minRows) training row(s), got \(x.count)")
  }
  let width = x[0].count
  for (i, row) in x.enumerated() {
    guard row.count == width else {
      throw DataError(file: step, message: "row \(i) has \(row.count) values, expected \(width)")
    }
    for (j, v) in row.enumerated() where !v.isFinite {
      throw DataError(file: step, message: "row \(i), column \(j) is not finite ('\(v)')")
    }
  }
  return width
}
