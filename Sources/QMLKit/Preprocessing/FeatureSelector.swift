/// Keeps the named columns, in the order given (selection by name, e.g. from a spec).
public struct FeatureSelector: Transformer, Equatable {
  /// Names of the kept columns.
  public let names: [String]
  /// Positions of the kept columns in the input.
  public let indices: [Int]
  /// Number of input columns the selector was built for.
  public let inputWidth: Int

  /// Resolves `names` against the data set's `featureNames`.
  /// - Throws: `DataError` naming an unknown or repeated column, or an empty selection.
  public init(names: [String], featureNames: [String]) throws(DataError) {
    guard !names.isEmpty else { throw DataError(file: "select", message: "no feature names given") }
    var idx: [Int] = []
    for name in names {
      guard let i = featureNames.firstIndex(of: name) else {
        throw DataError(file: "select", column: name, message: "no such feature; available: \(featureNames.joined(separator: ", "))")
      }
      guard !idx.contains(i) else { throw DataError(file: "select", column: name, message: "selected twice") }
      idx.append(i)
    }
    self.names = names
    self.indices = idx
    self.inputWidth = featureNames.count
  }

  public mutating func fit(_ x: [[Double]]) throws {
    let d = try _validateRows(x, step: describe)
    guard d == inputWidth else {
      throw DataError(file: describe, message: "training rows have \(d) columns, selector built for \(inputWidth)")
    }
  }

  public func transform(_ x: [[Double]]) -> [[Double]] {
    x.map { row in
      precondition(row.count == inputWidth, "select: row has \(row.count) values, expected \(inputWidth)")
      return indices.map { row[$0] }
    }
  }

  public var describe: String { "select \(names.joined(separator: ","))" }

  public func outputNames(_ input: [String]) -> [String] { names }
}
