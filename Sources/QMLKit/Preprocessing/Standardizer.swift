/// Scales each column to zero mean and unit variance, as scikit-learn's `StandardScaler`:
/// population standard deviation (ddof = 0); a constant column gets scale 1, so it
/// becomes all zeros.
public struct Standardizer: Transformer, Equatable {
  /// Column means learned by `fit`.
  public private(set) var means: [Double] = []
  /// Column scales (standard deviations, 1 for constant columns) learned by `fit`.
  public private(set) var scales: [Double] = []

  /// An unfitted standardizer.
  public init() {}

  public mutating func fit(_ x: [[Double]]) throws {
    let d = try _validateRows(x, step: "standardize")
    let n = Double(x.count)
    var m = [Double](repeating: 0, count: d)
    for row in x { for j in 0..<d { m[j] += row[j] } }
    for j in 0..<d { m[j] /= n }
    var v = [Double](repeating: 0, count: d)
    for row in x { for j in 0..<d { let e = row[j] - m[j]; v[j] += e * e } }
    means = m
    // scikit-learn treats variances below ~10 eps * mean^2 as constant; we use an exact 0
    // plus the same relative guard.
    scales = (0..<d).map { j in
      let s = (v[j] / n).squareRoot()
      return s <= 10 * Double.ulpOfOne * max(abs(m[j]), 1e-300) || s == 0 ? 1 : s
    }
  }

  public func transform(_ x: [[Double]]) -> [[Double]] {
    precondition(!means.isEmpty || x.allSatisfy { $0.isEmpty }, "standardize used before fit")
    return x.map { row in
      precondition(row.count == means.count, "standardize: row has \(row.count) values, fitted on \(means.count)")
      return (0..<row.count).map { (row[$0] - means[$0]) / scales[$0] }
    }
  }

  public var describe: String { "standardize" }
}
