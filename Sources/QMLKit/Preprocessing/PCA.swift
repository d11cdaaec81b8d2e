import Foundation

/// Principal component analysis to `components` dimensions, as scikit-learn's `PCA`
/// (centred by the training mean, no whitening).
///
/// Components are the top eigenvectors of the sample covariance (n − 1), from
/// `SymmetricEigen`; each component's sign is fixed as scikit-learn's
/// `svd_flip(u_based_decision=False)`: its entry of largest magnitude is positive. So
/// components and transformed values match scikit-learn exactly, not just up to sign.
public struct PCA: Transformer, Equatable {
  /// Number of output dimensions.
  public let components: Int
  /// Training column means.
  public private(set) var means: [Double] = []
  /// Principal axes as rows (`components × features`).
  public private(set) var axes: [[Double]] = []
  /// Variance along each axis (sample covariance eigenvalues, n − 1).
  public private(set) var explainedVariance: [Double] = []

  /// An unfitted PCA to `components` dimensions. - Precondition: `components >= 1`.
  public init(components: Int) {
    precondition(components >= 1, "PCA needs at least one component")
    self.components = components
  }

  public mutating func fit(_ x: [[Double]]) throws {
    let d = try _validateRows(x, step: describe, minRows: 2)
    guard components <= min(d, x.count) else {
      throw DataError(file: describe, message: "\(components) components requested but the training data has \(d) features and \(x.count) rows")
    }
    let n = Double(x.count)
    var m = [Double](repeating: 0, count: d)
    for row in x { for j in 0..<d { m[j] += row[j] } }
    for j in 0..<d { m[j] /= n }
    var cov = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
    var centred = [Double](repeating: 0, count: d)
    for row in x {
      for j in 0..<d { centred[j] = row[j] - m[j] }
      for i in 0..<d { let ci = centred[i]; for j in i..<d { cov[i][j] += ci * centred[j] } }
    }
    for i in 0..<d { for j in i..<d { cov[i][j] /= n - 1; cov[j][i] = cov[i][j] } }
    let eig = SymmetricEigen(cov)
    means = m
    explainedVariance = Array(eig.values.prefix(components)).map { max($0, 0) }
    axes = eig.vectors.prefix(components).map { v in
      var big = 0
      for j in v.indices where abs(v[j]) > abs(v[big]) { big = j }
      return v[big] < 0 ? v.map { -$0 } : v
    }
  }

  public func transform(_ x: [[Double]]) -> [[Double]] {
    precondition(!axes.isEmpty, "pca used before fit")
    return x.map { row in
      precondition(row.count == means.count, "pca: row has \(row.count) values, fitted on \(means.count)")
      return axes.map { axis in
        var s = 0.0
        for j in row.indices { s += (row[j] - means[j]) * axis[j] }
        return s
      }
    }
  }

  public var describe: String { "pca \(components)" }

  public func outputNames(_ input: [String]) -> [String] { (0..<components).map { "pc\($0 + 1)" } }
}
